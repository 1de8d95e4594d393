namespace AsbOps.Web.Features.Cases;

/// <summary>An officer a case may be given to.</summary>
public sealed record OfficerOption(string UserId, string Name);

/// <summary>What the reassign dialog needs: the case, its lead officer, the officers of its area, and the Version to carry.</summary>
public sealed record LeadOfficerState(long CaseId, string Reference, string AreaCode, string? LeadOfficerId, string? LeadOfficerName, int Version,
    IReadOnlyList<OfficerOption> Officers);

public sealed class ReassignInput
{
    public string? LeadOfficerId { get; set; }

    public int Version { get; set; }
}
