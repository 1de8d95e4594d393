using AsbOps.Web.Components.Shared;
using AsbOps.Web.Data;
using AsbOps.Web.Security;
using Microsoft.AspNetCore.Components;

namespace AsbOps.Web.Features.Intake.Logging;

public sealed partial class NewIncidentPage(
    IncidentLoggingService logging, IncidentQueries incidents, CurrentUser currentUser, NavigationManager navigation, TimeProvider clock)
{
    private readonly IncidentInput _input = new();
    private IReadOnlyList<AreaInfo>? _areas;
    private FieldRulesValidator? _validator;
    private UserScope? _scope;
    private bool _areaFixed;
    private bool _saving;

    protected override async Task OnInitializedAsync()
    {
        _scope = await currentUser.GetScopeAsync();
        _areas = await incidents.AreasAsync(_scope, openOnly: true);
        _areaFixed = _scope.RestrictedAreaId is not null;
        _input.AreaId = _scope.RestrictedAreaId ?? (_scope.AreaId is { } own && _areas.Any(a => a.Id == own) ? own : null);
        var now = UkTime.ToLocal(clock.GetUtcNow().UtcDateTime);
        _input.ReceivedAtLocal = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Unspecified);
    }

    private IReadOnlyDictionary<string, string[]> Rules() => IncidentInputRules.Check(_input, clock.GetUtcNow().UtcDateTime);

    private async Task SaveAsync()
    {
        _saving = true;
        try
        {
            var result = await logging.LogAsync(_scope!, _input);
            if (result.Succeeded)
            {
                navigation.NavigateTo($"/incidents/{result.Id}");
                return;
            }

            _validator?.ShowServerErrors(result.Errors);
        }
        finally
        {
            _saving = false;
        }
    }
}
