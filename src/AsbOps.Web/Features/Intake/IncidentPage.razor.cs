using AsbOps.Web.Features.Intake.Repeat;
using AsbOps.Web.Features.Intake.Screening;
using AsbOps.Web.Security;
using Microsoft.AspNetCore.Components;

namespace AsbOps.Web.Features.Intake;

public sealed partial class IncidentPage(
    IncidentQueries incidents, IncidentScreeningService screenings, RepeatDetector repeats, CurrentUser currentUser, NavigationManager navigation)
{
    private IncidentDetail? _incident;
    private ScreeningContext? _screening;
    private RepeatFinding? _repeat;
    private UserScope? _scope;
    private bool _loading = true;
    private bool _saving;
    private string? _error;
    private string? _notice;

    [Parameter]
    public long Id { get; set; }

    private IncidentScreeningState State => _incident?.Screening switch
    {
        null => IncidentScreeningState.AwaitingScreening,
        { ShouldBeCaseManaged: true } => IncidentScreeningState.CaseManaged,
        _ => IncidentScreeningState.NotCaseManaged,
    };

    protected override async Task OnParametersSetAsync()
    {
        _loading = true;
        _scope = await currentUser.GetScopeAsync();
        await LoadAsync();
        _loading = false;
    }

    private async Task LoadAsync()
    {
        _incident = await incidents.GetAsync(_scope!, Id);
        _screening = _incident is { Screening: null } ? await screenings.GetContextAsync(_scope!, Id) : null;
        _repeat = _incident is null ? null : await repeats.FindAsync(_scope!, Id);
    }

    private async Task ScreenAsync(ScreeningInput input)
    {
        _saving = true;
        _error = null;
        try
        {
            var outcome = await screenings.ScreenAsync(_scope!, Id, input);
            switch (outcome)
            {
                case { Succeeded: true, CaseRef: { } caseRef }:
                    navigation.NavigateTo($"/cases/{caseRef}");
                    return;
                case { Succeeded: true }:
                    await LoadAsync();
                    return;
                case { Status: ScreeningStatus.AlreadyScreened }:
                    _notice = outcome.Message;
                    await LoadAsync();
                    return;
                default:
                    _error = outcome.Message;
                    return;
            }
        }
        finally
        {
            _saving = false;
        }
    }

    private static string Coordinates(IncidentDetail incident) =>
        incident.Latitude is { } lat && incident.Longitude is { } lon
            ? FormattableString.Invariant($"{lat:0.00000}, {lon:0.00000}")
            : "Not recorded";
}
