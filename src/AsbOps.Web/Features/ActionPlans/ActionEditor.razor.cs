using AsbOps.Web.Components.Shared;
using AsbOps.Web.Data;
using AsbOps.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using F = AsbOps.Web.Features.ActionPlans.ActionPlanValidation.Fields;

namespace AsbOps.Web.Features.ActionPlans;

/// <summary>
/// Adds or edits one action. It checks each field as it changes and the whole input as the user saves and shows each error beside its field; the
/// service checks again. On a conflict the message says so and the user's input stays in the form.
/// </summary>
public sealed partial class ActionEditor
{
    private ActionInput _input = new();
    private FieldRulesValidator? _validator;
    private string? _message;
    private CommandOutcome? _outcome;
    private bool _saving;

    [Inject]
    private IActionPlanService Plans { get; set; } = default!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = default!;

    [Parameter, EditorRequired]
    public long CaseId { get; set; }

    /// <summary>The action being edited, or null for a new one.</summary>
    [Parameter]
    public long? ActionId { get; set; }

    /// <summary>The values the form starts from; copied, never changed.</summary>
    [Parameter]
    public ActionInput? Initial { get; set; }

    [Parameter]
    public DateOnly CaseOpenedOn { get; set; }

    [Parameter]
    public IReadOnlyList<OwnerOption> Owners { get; set; } = [];

    [Parameter]
    public EventCallback OnSaved { get; set; }

    [Parameter]
    public EventCallback OnCancel { get; set; }

    private DateTime? DueDate
    {
        get => _input.DueDate?.ToDateTime(TimeOnly.MinValue);
        set => _input.DueDate = value is { } date ? DateOnly.FromDateTime(date) : null;
    }

    protected override void OnInitialized()
    {
        if (Initial is { } initial)
        {
            _input = new ActionInput
            {
                Type = initial.Type,
                Description = initial.Description,
                OwnerUserId = initial.OwnerUserId,
                OwnerName = initial.OwnerName,
                DueDate = initial.DueDate,
                Status = initial.Status,
                Version = initial.Version,
            };
        }
    }

    private IReadOnlyDictionary<string, string[]> Rules() =>
        ActionPlanValidation.Validate(_input, CaseOpenedOn, Owners.Select(o => o.UserId).ToList()).AsFieldMessages();

    /// <summary>The owner's message sits by the owner list; the date picker edits <see cref="DueDate"/>, a DateTime view.</summary>
    private FieldIdentifier? FieldFor(string key) => key switch
    {
        F.Owner => new FieldIdentifier(_input, nameof(ActionInput.OwnerUserId)),
        F.DueDate => new FieldIdentifier(this, nameof(DueDate)),
        _ => null,
    };

    private async Task SaveAsync()
    {
        _message = null;
        _outcome = null;
        _saving = true;
        try
        {
            var user = await CurrentUser.GetScopeAsync();
            var result = ActionId is { } id
                ? await Plans.UpdateActionAsync(user, id, _input)
                : await Plans.AddActionAsync(user, CaseId, _input);
            if (result.Succeeded)
            {
                await OnSaved.InvokeAsync();
                return;
            }

            _outcome = result.Outcome;
            _validator?.ShowServerErrors(result.Errors);
            _message = result.Message;
        }
        finally
        {
            _saving = false;
        }
    }
}
