using MudBlazor;

namespace AsbOps.Web.Features.Intake;

/// <summary>How incident values read on screen.</summary>
public static class IncidentText
{
    public static string State(IncidentScreeningState state) => state switch
    {
        IncidentScreeningState.AwaitingScreening => "Awaiting screening",
        IncidentScreeningState.CaseManaged => "Case managed",
        IncidentScreeningState.NotCaseManaged => "Not case managed",
        _ => state.ToString(),
    };

    public static Color StateColour(IncidentScreeningState state) => state switch
    {
        IncidentScreeningState.AwaitingScreening => Color.Warning,
        IncidentScreeningState.CaseManaged => Color.Primary,
        _ => Color.Default,
    };

    public static IncidentScreeningState? ParseState(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "awaiting" or "awaiting-screening" => IncidentScreeningState.AwaitingScreening,
        "case-managed" => IncidentScreeningState.CaseManaged,
        "not-case-managed" => IncidentScreeningState.NotCaseManaged,
        _ => null,
    };
}
