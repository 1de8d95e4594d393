using AsbOps.Domain.Risk;
using AsbOps.Web.Data;

namespace AsbOps.Web.Features.Assessments;

/// <summary>What a save did. Errors are keyed by field: <c>answers.{key}</c>, <c>answers.{key}.explanation</c>, <c>judgementRationale</c>, <c>safeguarding.{field}</c>.</summary>
public sealed record AssessmentSaveResult(
    CommandOutcome Outcome,
    IReadOnlyDictionary<string, string> Errors,
    string? Message = null,
    long? AssessmentId = null,
    int? Version = null,
    AssessmentStatus? Status = null,
    RiskLevel? Level = null) : CommandResult(Outcome, Errors, Message, AssessmentId)
{
    public static new AssessmentSaveResult Invalid(IReadOnlyDictionary<string, string> errors) =>
        new(CommandOutcome.Invalid, errors, "Some answers need attention: see the marked fields.");

    public static AssessmentSaveResult Conflict(string message) => new(CommandOutcome.Conflict, NoErrors, message);

    public static new AssessmentSaveResult NotFound() =>
        new(CommandOutcome.NotFound, NoErrors, "This case or person was not found, or you may not change it.");

    public static AssessmentSaveResult Saved(Assessment assessment) =>
        new(CommandOutcome.Saved, NoErrors, null, assessment.Id, assessment.Version, assessment.Status, assessment.Level);
}
