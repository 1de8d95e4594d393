using AsbOps.Domain.Incidents;
using AsbOps.Web.Data;

namespace AsbOps.Web.Features.Intake.Screening;

/// <summary>An open case the incident may belong to, and why it was suggested.</summary>
public sealed record CaseSuggestion(
    long CaseId,
    string Reference,
    DateTime OpenedAt,
    AsbCategory Category,
    string Address,
    string Postcode,
    IReadOnlyList<string> Reasons);

/// <summary>What the incident page needs to offer a screening: may this user screen it, and which cases to suggest.</summary>
public sealed record ScreeningContext(bool MayScreen, IReadOnlyList<CaseSuggestion> Suggestions);

public enum ScreeningStatus
{
    Screened = 1,
    Invalid = 2,
    AlreadyScreened = 3,
    NotFound = 4,
    CaseUnavailable = 5,
    Conflict = 6,
}

/// <summary>
/// What happened to a screening, as a command result with the screening's own reason (<see cref="Status"/>);
/// <see cref="CaseRef"/> is the new or linked case when case managed.
/// </summary>
public sealed record ScreeningOutcome(ScreeningStatus Status, string? CaseRef = null, bool CaseOpened = false, string? Message = null)
    : CommandResult(OutcomeOf(Status), NoErrors, Message)
{
    private static CommandOutcome OutcomeOf(ScreeningStatus status) => status switch
    {
        ScreeningStatus.Screened => CommandOutcome.Saved,
        ScreeningStatus.Invalid => CommandOutcome.Invalid,
        ScreeningStatus.Conflict => CommandOutcome.Conflict,
        ScreeningStatus.NotFound => CommandOutcome.NotFound,
        _ => CommandOutcome.Refused,
    };
}
