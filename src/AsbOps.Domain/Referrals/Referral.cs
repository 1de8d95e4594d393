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

    /// <summary>When the agency accepted or declined the referral.</summary>
    public DateTime? RespondedAt { get; set; }

    /// <summary>When the referral was closed.</summary>
    public DateTime? ClosedAt { get; set; }

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

    /// <summary>Sent → accepted or declined → closed (a sent referral may also be closed, e.g. withdrawn); never back.</summary>
    public static bool IsAllowedStep(ReferralStatus from, ReferralStatus to) => (from, to) switch
    {
        (ReferralStatus.Sent, ReferralStatus.Accepted or ReferralStatus.Declined or ReferralStatus.Closed) => true,
        (ReferralStatus.Accepted or ReferralStatus.Declined, ReferralStatus.Closed) => true,
        _ when from == to && from != ReferralStatus.Closed => true,
        _ => false,
    };

    /// <summary>Records the agency's answer or the closing of the referral, with its outcome note.</summary>
    public void RecordOutcome(ReferralStatus status, string? outcomeNote, DateTime at)
    {
        if (!IsAllowedStep(Status, status))
        {
            throw new InvalidOperationException($"A referral cannot move from {Status} to {status}.");
        }

        if (status is ReferralStatus.Accepted or ReferralStatus.Declined && Status == ReferralStatus.Sent)
        {
            RespondedAt = at;
        }

        if (status == ReferralStatus.Closed && Status != ReferralStatus.Closed)
        {
            ClosedAt = at;
        }

        Status = status;
        OutcomeNote = string.IsNullOrWhiteSpace(outcomeNote) ? null : outcomeNote.Trim();
    }
}
