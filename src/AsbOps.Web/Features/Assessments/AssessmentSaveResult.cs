using AsbOps.Domain.Risk;

namespace AsbOps.Web.Features.Assessments;

public enum SaveOutcome
{
    Saved = 1,

    /// <summary>Refused with field errors; nothing stored.</summary>
    Invalid = 2,

    /// <summary>Someone else saved first; nothing stored, the caller's input is theirs to re-apply.</summary>
    Conflict = 3,

    /// <summary>No such case or subject, or not one this user may change.</summary>
    NotFound = 4,
}

/// <summary>What a save did. Errors are keyed by field: <c>answers.{key}</c>, <c>answers.{key}.explanation</c>, <c>judgementRationale</c>, <c>safeguarding.{field}</c>.</summary>
public sealed record AssessmentSaveResult(
    SaveOutcome Outcome,
    IReadOnlyDictionary<string, string> Errors,
    string? Message = null,
    long? AssessmentId = null,
    int? Version = null,
    AssessmentStatus? Status = null,
    RiskLevel? Level = null)
{
    private static readonly IReadOnlyDictionary<string, string> NoErrors = new Dictionary<string, string>();

    public bool Succeeded => Outcome == SaveOutcome.Saved;

    public static AssessmentSaveResult Invalid(IReadOnlyDictionary<string, string> errors) =>
        new(SaveOutcome.Invalid, errors, "Some answers need attention: see the marked fields.");

    public static AssessmentSaveResult Conflict(string message) => new(SaveOutcome.Conflict, NoErrors, message);

    public static AssessmentSaveResult NotFound() =>
        new(SaveOutcome.NotFound, NoErrors, "This case or person was not found, or you may not change it.");

    public static AssessmentSaveResult Saved(Assessment assessment) =>
        new(SaveOutcome.Saved, NoErrors, null, assessment.Id, assessment.Version, assessment.Status, assessment.Level);
}
