namespace AsbOps.Web.Data;

public enum CommandOutcome
{
    Saved = 1,

    /// <summary>Input failed validation; <see cref="CommandResult.Errors"/> names each field.</summary>
    Invalid = 2,

    /// <summary>Someone else saved first; the caller keeps the input and reloads.</summary>
    Conflict = 3,

    /// <summary>Valid input the case's state or the user's rights do not allow (e.g. closing twice).</summary>
    Refused = 4,

    /// <summary>No such case or record for this user: deliberately the same answer as "not yours".</summary>
    NotFound = 5,
}

/// <summary>
/// The answer of every command that changes something: saved, or why not, with an error per field when invalid. A
/// command with more to say than the id it saved derives from it (<c>AssessmentSaveResult</c>, <c>AddPersonResult</c>).
/// </summary>
public record CommandResult(CommandOutcome Outcome, IReadOnlyDictionary<string, string> Errors, string? Message = null, long? Id = null)
{
    public const string ConflictMessage =
        "Someone else saved a change to this while you were editing. Your input is kept: reload to see their change, then apply yours again.";

    public static readonly IReadOnlyDictionary<string, string> NoErrors = new Dictionary<string, string>();

    public bool Succeeded => Outcome == CommandOutcome.Saved;

    public static CommandResult Saved(long? id = null) => new(CommandOutcome.Saved, NoErrors, null, id);

    public static CommandResult Invalid(IReadOnlyDictionary<string, string> errors) =>
        new(CommandOutcome.Invalid, errors, "Check the fields marked in red.");

    public static CommandResult Conflict() => new(CommandOutcome.Conflict, NoErrors, ConflictMessage);

    public static CommandResult Refused(string message) => new(CommandOutcome.Refused, NoErrors, message);

    public static CommandResult NotFound() => new(CommandOutcome.NotFound, NoErrors, "No such case, or it is not yours to change.");

    public string? ErrorFor(string field) => Errors.GetValueOrDefault(field);
}
