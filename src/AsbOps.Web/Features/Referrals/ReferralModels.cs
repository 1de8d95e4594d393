using AsbOps.Domain.Cases;
using AsbOps.Domain.Referrals;

namespace AsbOps.Web.Features.Referrals;

/// <summary>The referrals of one case for one user: staff may record referrals; partners only outcomes of their own.</summary>
public sealed record ReferralsPageModel
{
    public required long CaseId { get; init; }
    public required string Reference { get; init; }
    public CaseStatus Status { get; init; }
    public DateTime OpenedAt { get; init; }
    public bool CanRecord { get; init; }
    public IReadOnlyList<ReferralRow> Referrals { get; init; } = [];
    public IReadOnlyList<PersonOption> People { get; init; } = [];

    public bool IsOpen => Status != CaseStatus.Closed;
}

/// <summary>A referral as read, with the Version an outcome must carry back and whether this user may record it.</summary>
public sealed record ReferralRow(
    long Id, int Version, Agency Agency, string Reason, DateTime SentAt, ReferralStatus Status, string? OutcomeNote,
    bool IsSafeguarding, string? PersonName, DateTime? RespondedAt, DateTime? ClosedAt, bool CanUpdate);

/// <summary>A person on the case a referral can be about.</summary>
public sealed record PersonOption(long ParticipantId, string Name, PersonRole Role);

/// <summary>A new referral as entered.</summary>
public sealed class ReferralInput
{
    public Agency? Agency { get; set; }

    public string? Reason { get; set; }

    public DateOnly? SentOn { get; set; }

    public long? CaseParticipantId { get; set; }
}

/// <summary>The agency's answer or the closing of a referral, as entered; <see cref="Version"/> is the referral's when read.</summary>
public sealed class ReferralOutcomeInput
{
    public ReferralStatus Status { get; set; }

    public string? OutcomeNote { get; set; }

    public int Version { get; set; }

    public static ReferralOutcomeInput From(ReferralRow row) => new() { Status = row.Status, OutcomeNote = row.OutcomeNote, Version = row.Version };
}
