using AsbOps.Domain.Incidents;
using AsbOps.Domain.Risk;

namespace AsbOps.Domain.Cases;

/// <summary>A case-managed ASB problem: its incidents, people, assessments, action plan, referrals and markers.</summary>
public sealed class AsbCase
{
    public long Id { get; set; }

    /// <summary>The reference, e.g. <c>ASB-2026-004213</c>; unique.</summary>
    public required string Reference { get; set; }

    public int AreaId { get; set; }

    public AsbCategory Category { get; set; }

    public string? LeadOfficerId { get; set; }

    public CaseStatus Status { get; set; } = CaseStatus.Open;

    public ClosureReason? ClosureReason { get; set; }

    public DateTime OpenedAt { get; set; }

    public DateTime? ClosedAt { get; set; }

    public required string Address { get; set; }

    public required string Postcode { get; set; }

    public required string Summary { get; set; }

    /// <summary>The highest current person or location level; <see cref="RiskLevel.NotAssessed"/> until one is complete.</summary>
    public RiskLevel RiskLevel { get; set; } = RiskLevel.NotAssessed;

    public DateTime? HighRiskSince { get; set; }

    public DateTime? LastReviewedAt { get; set; }

    public DateTime? NextReviewDue { get; set; }

    /// <summary>When a closed case's retention is next reviewed (set on closing, moved by a decision to retain).</summary>
    public DateTime? RetentionReviewDue { get; set; }

    /// <summary>Set when the case's personal data was disposed of; the case stays as an anonymised record.</summary>
    public DateTime? DisposedAt { get; set; }

    /// <summary>Raised when the same problem was reported three times within six months (ASB Case Review).</summary>
    public bool CommunityTrigger { get; set; }

    public int Version { get; set; }

    // The case's standing (CaseStanding), stored so that the live counters need not work it out for every open case:
    // written by the data layer, in the same transaction, whenever a save adds, changes or removes one of the case's
    // people, assessments or action plans; the compliance sweep puts right any that differ. Not set by features.

    /// <summary>Stored <see cref="CaseStanding.UnassessedVictim"/>.</summary>
    public bool HasUnassessedVictim { get; set; }

    /// <summary>Stored <see cref="CaseStanding.NoVictimNoLocationAssessment"/>.</summary>
    public bool LacksVictimAndLocationAssessment { get; set; }

    /// <summary>Stored <see cref="CaseStanding.UnassessedPerpetrator"/>.</summary>
    public bool HasUnassessedPerpetrator { get; set; }

    /// <summary>Stored <see cref="CaseStanding.UnknownAnswers"/>.</summary>
    public int UnknownAnswers { get; set; }

    /// <summary>Stored <see cref="CaseStanding.HasActionPlan"/>.</summary>
    public bool HasActionPlan { get; set; }

    /// <summary>
    /// Stored <see cref="CaseStanding.FirstVictimContactDue"/>: the earliest moment one of the case's victims is due for
    /// contact, or null with no victim. Not "overdue" (that changes with the clock alone): a case with a victim overdue
    /// at any moment is one whose stored date has passed, so the dashboard looks for overdue victims on those few cases.
    /// </summary>
    public DateTime? FirstVictimContactDue { get; set; }

    // How many of the case's people hold each role and risk level the dashboard's role heatmap shows
    // (CaseStanding.PeopleCounts), stored with the standing: the heatmap sums them over the open cases instead of
    // joining every open case to its people.

    public int VictimsNotAssessed { get; set; }

    public int VictimsLow { get; set; }

    public int VictimsMedium { get; set; }

    public int VictimsHigh { get; set; }

    public int PerpetratorsNotAssessed { get; set; }

    public int PerpetratorsLow { get; set; }

    public int PerpetratorsMedium { get; set; }

    public int PerpetratorsHigh { get; set; }

    public int WitnessesNotAssessed { get; set; }

    public int WitnessesLow { get; set; }

    public int WitnessesMedium { get; set; }

    public int WitnessesHigh { get; set; }

    /// <summary>
    /// What the case list's search looks in: the reference, then the search name of each person on the case (in the
    /// order they were added), each after a <see cref="SearchTextSeparator"/>. Kept by the data layer's saves.
    /// </summary>
    public string SearchText { get; set; } = "";

    /// <summary>Separates the reference and the names in <see cref="SearchText"/>.</summary>
    public const char SearchTextSeparator = '|';

    public List<CaseParticipant> Participants { get; set; } = [];

    public List<Incident> Incidents { get; set; } = [];

    public List<Assessment> Assessments { get; set; } = [];

    public bool IsOpen => Status != CaseStatus.Closed;

    /// <summary>Closes the case with a reason; a case cannot be closed twice or without a reason.</summary>
    public void Close(ClosureReason reason, DateTime at, int retentionReviewAfterYears = Retention.RetentionPolicy.DefaultReviewAfterYears)
    {
        if (Status == CaseStatus.Closed)
        {
            throw new InvalidOperationException($"Case {Reference} is already closed.");
        }

        if (!Enum.IsDefined(reason))
        {
            throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown closure reason.");
        }

        Status = CaseStatus.Closed;
        ClosureReason = reason;
        ClosedAt = at;
        NextReviewDue = null;
        RetentionReviewDue = Retention.RetentionPolicy.ReviewDue(at, retentionReviewAfterYears);
    }
}
