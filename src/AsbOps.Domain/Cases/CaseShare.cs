using AsbOps.Domain.Referrals;

namespace AsbOps.Domain.Cases;

/// <summary>A case shared with a partner agency; partner users see only cases shared with their agency.</summary>
public sealed class CaseShare
{
    public long Id { get; set; }

    public long CaseId { get; set; }

    public Agency Agency { get; set; }

    public DateTime SharedAt { get; set; }

    public string? SharedByUserId { get; set; }
}
