using AsbOps.Domain.Referrals;
using AsbOps.Domain.Risk;

namespace AsbOps.Web.Features.Assessments;

/// <summary>One answer as sent by the form (or by anyone posting by hand): every part is checked by the server.</summary>
public sealed record AnswerCommand(string QuestionKey, string? Value, string? Explanation);

/// <summary>The full safeguarding referral form that a safeguarding "yes" demands.</summary>
public sealed record SafeguardingForm(Agency? Agency, string? Concerns, bool? ConsentToShare, string? ImmediateActions)
{
    public const int ConcernsMaxLength = 4000;
    public const int ImmediateActionsMaxLength = 2000;

    public bool IsFilled => Agency is { } agency && Enum.IsDefined(agency) && !string.IsNullOrWhiteSpace(Concerns)
        && ConsentToShare.HasValue && !string.IsNullOrWhiteSpace(ImmediateActions);
}

/// <summary>
/// Save an assessment of one subject of a case: a person on it (<see cref="CaseParticipantId"/>) or its location.
/// With <see cref="AssessmentId"/> it updates that draft, expecting <see cref="ExpectedVersion"/>; without, it starts a
/// new one (a first assessment or a reassessment), expecting the subject's newest current assessment still to be
/// <see cref="BasedOnAssessmentId"/>. <see cref="Complete"/> asks for completion; otherwise it is saved as a draft.
/// </summary>
public sealed record AssessmentCommand
{
    public required long CaseId { get; init; }
    public long? CaseParticipantId { get; init; }
    public required AssessmentKind Kind { get; init; }
    public long? AssessmentId { get; init; }
    public int? ExpectedVersion { get; init; }
    public long? BasedOnAssessmentId { get; init; }
    public IReadOnlyList<AnswerCommand> Answers { get; init; } = [];
    public RiskLevel? JudgementLevel { get; init; }
    public string? JudgementRationale { get; init; }
    public SafeguardingForm? Safeguarding { get; init; }
    public bool Complete { get; init; }
}
