using AsbOps.Domain.Cases;
using AsbOps.Domain.Risk;
using AsbOps.Web.Features.Intake.Repeat;

namespace AsbOps.Web.Features.Assessments;

/// <summary>
/// What the assessment form needs: the subject, the guidance version it is made under (the newest for a new
/// assessment, its own for a draft), and the draft's saved state, or the previous assessment's answers to start a
/// reassessment from.
/// </summary>
public sealed record AssessmentFormData
{
    public required long CaseId { get; init; }
    public required string CaseReference { get; init; }
    public long? CaseParticipantId { get; init; }
    public required AssessmentKind Kind { get; init; }

    /// <summary>The person's name, or the case address for a location assessment.</summary>
    public required string Subject { get; init; }

    public PersonRole? Role { get; init; }
    public required int GuidanceVersionNumber { get; init; }
    public required GuidanceDefinition Guidance { get; init; }

    /// <summary>The draft being continued; null when this starts a new assessment.</summary>
    public long? AssessmentId { get; init; }

    public int? Version { get; init; }

    /// <summary>For a new assessment: the subject's newest current assessment when the form opened (a reassessment replaces it).</summary>
    public long? BasedOnAssessmentId { get; init; }

    public bool IsReassessment { get; init; }
    public IReadOnlyList<AnswerCommand> Answers { get; init; } = [];
    public RiskLevel? JudgementLevel { get; init; }
    public string? JudgementRationale { get; init; }
    public SafeguardingForm? Safeguarding { get; init; }

    /// <summary>For a victim: the incidents involving them within the repeat window, shown beside "repeat victim".</summary>
    public RepeatFinding? RepeatVictimHint { get; init; }

    public MatrixDefinition Matrix => Guidance.Matrix(Kind);

    /// <summary>The matrix a person in this role is assessed with: perpetrators theirs, everyone else the victim matrix.</summary>
    public static AssessmentKind KindFor(PersonRole role) =>
        role == PersonRole.Perpetrator ? AssessmentKind.Perpetrator : AssessmentKind.Victim;
}
