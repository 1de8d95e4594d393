using AsbOps.Domain.Risk;
using AsbOps.Web.Data;
using AsbOps.Web.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AsbOps.Web.Features.Assessments;

/// <summary>
/// The assessment form of one person on a case, or of the case location. Score and level follow every answer; errors
/// show next to their fields and block the save; the server checks again. On a conflict the officer's input stays on
/// the form: they can reload the other user's version, or re-apply their own answers onto it and save again.
/// </summary>
public sealed partial class AssessmentPage
{
    private static readonly IReadOnlyDictionary<string, string> NoErrors = new Dictionary<string, string>();

    private AssessmentFormData? _data;
    private AssessmentFormState? _state;
    private RiskEvaluation? _evaluation;
    private RiskLevel _level;
    private IReadOnlyDictionary<string, string> _errors = NoErrors;
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
        _state = _data is null ? null : AssessmentFormState.From(_data);
        _loading = false;
        Rescore();
    }

    private async Task<AssessmentFormData?> LoadAsync() =>
        await Assessments.LoadFormAsync(await CurrentUser.GetScopeAsync(), CaseRef, ParticipantId);

    private string? ErrorFor(string key) => _errors.TryGetValue(key, out var message) ? message : null;

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
            _errors = AssessmentValidator.Validate(_data.Matrix, _state.ToCommand(_data, _lastSaveWasComplete));
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
            _errors = errors;
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
                _errors = NoErrors;
                _showErrors = false;
                Show("Draft saved. Complete the assessment when every question is answered.", Severity.Success);
                break;
            case CommandOutcome.Conflict:
                _conflict = result.Message;
                break;
            default:
                _showErrors = true;
                _errors = result.Errors;
                Show(result.Message ?? "Not saved.", Severity.Error);
                break;
        }
    }

    private async Task ReloadTheirsAsync()
    {
        _data = await LoadAsync();
        _state = _data is null ? null : AssessmentFormState.From(_data);
        _conflict = null;
        _showErrors = false;
        _errors = NoErrors;
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
