using AsbOps.Web.Components.Shared;
using AsbOps.Web.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AsbOps.Web.Features.ActionPlans;

/// <summary>The action plan of a case: its objective, its actions (editable by the area's staff) and its referrals.</summary>
public sealed partial class ActionPlanPage
{
    private ActionPlanPageModel? _model;
    private bool _loading = true;
    private PlanInput? _objective;
    private FieldRulesValidator? _objectiveValidator;
    private string? _objectiveMessage;
    private Editing? _editing;

    /// <summary>The action open in the editor (null id for a new one); a new record re-creates the editor.</summary>
    private sealed record Editing(long? ActionId, ActionInput Input);

    [Parameter]
    public string CaseRef { get; set; } = "";

    [Inject]
    private IActionPlanService Plans { get; set; } = default!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    private List<BreadcrumbItem> Breadcrumbs =>
    [
        new("Cases", href: "/cases"),
        new(_model?.Reference ?? CaseRef, href: $"/cases/{_model?.Reference ?? CaseRef}"),
        new("Action plan", href: null, disabled: true),
    ];

    protected override async Task OnParametersSetAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        _model = await Plans.GetAsync(await CurrentUser.GetScopeAsync(), CaseRef);
        _loading = false;
    }

    private void StartObjective()
    {
        _objective = new PlanInput { Objective = _model?.Plan?.Objective, Version = _model?.Plan?.Version ?? 0 };
        _objectiveMessage = null;
    }

    private IReadOnlyDictionary<string, string[]> ObjectiveRules() =>
        _objective is null ? new Dictionary<string, string[]>() : ActionPlanValidation.Validate(_objective).AsFieldMessages();

    private async Task SaveObjectiveAsync()
    {
        if (_model is null || _objective is null)
        {
            return;
        }

        _objectiveMessage = null;
        var result = await Plans.SavePlanAsync(await CurrentUser.GetScopeAsync(), _model.CaseId, _objective);
        if (result.Succeeded)
        {
            _objective = null;
            await LoadAsync();
            return;
        }

        _objectiveValidator?.ShowServerErrors(result.Errors);
        _objectiveMessage = result.Message;
    }

    private void StartNewAction() =>
        _editing = new Editing(null, new ActionInput { DueDate = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime).AddDays(7) });

    private void StartEdit(ActionRow row) => _editing = new Editing(row.Id, ActionInput.From(row));

    private async Task OnActionSavedAsync()
    {
        _editing = null;
        await LoadAsync();
    }
}
