using AsbOps.Domain.Risk;
using AsbOps.Web.Components.Shared;
using AsbOps.Web.Data;
using AsbOps.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace AsbOps.Web.Features.Assessments;

/// <summary>
/// The assessment form of one person on a case, or of the case location. Score and level follow every answer; errors
/// show next to their fields and block the save; the server checks again. On a conflict the officer's input stays on
/// the form: they can reload the other user's version, or re-apply their own answers onto it and save again.
/// </summary>
public sealed partial class AssessmentPage
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    private AssessmentFormData? _data;
    private AssessmentFormState? _state;
    private RiskEvaluation? _evaluation;
    private RiskLevel _level;
    private EditContext? _form;
    private FieldRulesValidator? _validator;
    private bool _showErrors;
    private bool _lastSaveWasComplete;
    private bool _loading = true;
    private bool _saving;
    private string? _conflict;
    private string? _message;
    private Severity _messageSeverity = Severity.Info;

    [Parameter]
    public string CaseRef { get; set; } = "";

    [Parameter]
    public long? ParticipantId { get; set; }

    [Inject]
    private IAssessmentService Assessments { get; set; } = default!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private List<BreadcrumbItem> Breadcrumbs =>
    [
        new("Cases", href: "/cases"),
        new(_data?.CaseReference ?? CaseRef, href: $"/cases/{_data?.CaseReference ?? CaseRef}"),
        new("Risk assessment", href: null, disabled: true),
    ];

    protected override async Task OnParametersSetAsync()
    {
        _loading = true;
        _data = await LoadAsync();
        SetState(_data is null ? null : AssessmentFormState.From(_data));
        _loading = false;
        Rescore();
    }

    private async Task<AssessmentFormData?> LoadAsync() =>
        await Assessments.LoadFormAsync(await CurrentUser.GetScopeAsync(), CaseRef, ParticipantId);

    private void SetState(AssessmentFormState? state)
    {
        _state = state;
        _form = state is null ? null : new EditContext(state);
    }

    /// <summary>Errors show only once a save has been tried; from then on they follow the input.</summary>
    private IReadOnlyDictionary<string, string[]> Rules() =>
        _showErrors && _data is not null && _state is not null
            ? AssessmentValidator.Validate(_data.Matrix, _state.ToCommand(_data, _lastSaveWasComplete)).AsFieldMessages()
            : NoErrors;

    /// <summary>Each answer's messages sit on its own radio group and explanation; the referral and judgement on theirs.</summary>
    private FieldIdentifier? FieldFor(string key)
    {
        if (_data is null || _state is null)
        {
            return null;
        }

        foreach (var question in _data.Matrix.Questions)
        {
            if (key == AssessmentValidator.AnswerKey(question.Key))
            {
                return new FieldIdentifier(_state.Answer(question.Key), nameof(AssessmentFormState.AnswerState.Value));
            }

            if (key == AssessmentValidator.ExplanationKey(question.Key))
            {
                return new FieldIdentifier(_state.Answer(question.Key), nameof(AssessmentFormState.AnswerState.Explanation));
            }
        }

        string? property = key switch
        {
            AssessmentValidator.RationaleKey => nameof(AssessmentFormState.JudgementRationale),
            AssessmentValidator.AgencyKey => nameof(AssessmentFormState.Agency),
            AssessmentValidator.ConcernsKey => nameof(AssessmentFormState.Concerns),
            AssessmentValidator.ConsentKey => nameof(AssessmentFormState.ConsentToShare),
            AssessmentValidator.ImmediateActionsKey => nameof(AssessmentFormState.ImmediateActions),
            _ => null,
        };
        return property is null ? null : new FieldIdentifier(_state, property);
    }

    private Task OnChangedAsync()
    {
        Rescore();
        return Task.CompletedTask;
    }

    /// <summary>Live score and level; once a save has been tried, the errors follow the input too.</summary>
    private void Rescore()
    {
        if (_data is null || _state is null)
        {
            return;
        }

        _evaluation = _state.Evaluate(_data);
        _level = _state.EffectiveLevel(_evaluation);
        if (_showErrors)
        {
            _form?.Validate();
        }
    }

    private async Task SaveAsync(bool complete)
    {
        if (_data is null || _state is null)
        {
            return;
        }

        _message = null;
        _lastSaveWasComplete = complete;
        var command = _state.ToCommand(_data, complete);
        var errors = AssessmentValidator.Validate(_data.Matrix, command);
        if (errors.Count > 0)
        {
            _showErrors = true;
            _form?.Validate();
            Show("Some answers need attention: see the marked fields. Nothing was saved.", Severity.Error);
            return;
        }

        _saving = true;
        var result = await Assessments.SaveAsync(command, await CurrentUser.GetScopeAsync());
        _saving = false;
        switch (result.Outcome)
        {
            case CommandOutcome.Saved when complete:
                Navigation.NavigateTo($"/cases/{_data.CaseReference}");
                break;
            case CommandOutcome.Saved:
                _data = _data with { AssessmentId = result.AssessmentId, Version = result.Version, BasedOnAssessmentId = null };
                _conflict = null;
                _showErrors = false;
                _validator?.Clear();
                Show("Draft saved. Complete the assessment when every question is answered.", Severity.Success);
                break;
            case CommandOutcome.Conflict:
                _conflict = result.Message;
                break;
            default:
                _showErrors = true;
                _validator?.ShowServerErrors(result.Errors);
                Show(result.Message ?? "Not saved.", Severity.Error);
                break;
        }
    }

    private async Task ReloadTheirsAsync()
    {
        _data = await LoadAsync();
        SetState(_data is null ? null : AssessmentFormState.From(_data));
        _conflict = null;
        _showErrors = false;
        Show("Showing the latest saved version.", Severity.Info);
        Rescore();
    }

    /// <summary>Takes the latest saved version's identity and keeps every answer the officer entered, to save again.</summary>
    private async Task ReapplyMineAsync()
    {
        var latest = await LoadAsync();
        if (latest is null)
        {
            _data = null;
            return;
        }

        _data = latest;
        _conflict = null;
        Show("Your answers are kept on top of the latest version. Check them and save again.", Severity.Info);
        Rescore();
    }

    private void Show(string message, Severity severity)
    {
        _message = message;
        _messageSeverity = severity;
    }
}
