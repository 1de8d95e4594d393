namespace AsbOps.Domain.Referrals;

/// <summary>
/// A referral to a partner agency. A safeguarding referral also carries the full safeguarding form
/// (concerns, consent to share, immediate actions) and is complete only when those are filled.
/// </summary>
public sealed class Referral
{
    public long Id { get; set; }

    public long CaseId { get; set; }

    public long? CaseParticipantId { get; set; }

    /// <summary>The assessment whose safeguarding "yes" asked for this referral, if any.</summary>
    public long? AssessmentId { get; set; }

    public Agency Agency { get; set; }

    public required string Reason { get; set; }

    public DateTime SentAt { get; set; }

    public ReferralStatus Status { get; set; } = ReferralStatus.Sent;

    public string? OutcomeNote { get; set; }

    public bool IsSafeguarding { get; set; }

    public string? SafeguardingConcerns { get; set; }

    public bool? ConsentToShare { get; set; }

    public string? ImmediateActions { get; set; }

    public required string CreatedByUserId { get; set; }

    public int Version { get; set; }

    /// <summary>A safeguarding referral is complete when its form is filled; any other referral always is.</summary>
    public bool IsComplete => !IsSafeguarding
        || (!string.IsNullOrWhiteSpace(SafeguardingConcerns) && ConsentToShare.HasValue
            && !string.IsNullOrWhiteSpace(ImmediateActions));
}
