using AsbOps.Web.Components.Shared;
using AsbOps.Web.Security;
using Microsoft.AspNetCore.Components;

namespace AsbOps.Web.Features.CaseRecord.Notes;

/// <summary>The case's notes: a search, the form to add a note or a correction, and the notes newest first.</summary>
public sealed partial class CaseNotesSection
{
    private CaseNotesModel? _model;
    private CaseNoteInput _input = new();
    private FieldRulesValidator? _validator;
    private string? _search;
    private string? _message;
    private bool _saving;

    [Inject]
    private ICaseNoteService Notes { get; set; } = default!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = default!;

    [Parameter, EditorRequired]
    public long CaseId { get; set; }

    private CaseNoteView? Correcting => _input.CorrectsNoteId is { } id ? _model?.Notes.FirstOrDefault(n => n.Id == id) : null;

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync() => _model = await Notes.ReadAsync(await CurrentUser.GetScopeAsync(), CaseId, _search);

    private IReadOnlyDictionary<string, string[]> Rules() => CaseNoteValidation.Validate(_input).AsFieldMessages();

    private async Task SearchAsync(string? value)
    {
        _search = value;
        await LoadAsync();
    }

    private void StartCorrection(CaseNoteView note)
    {
        _input = new CaseNoteInput { CorrectsNoteId = note.Id, SharedWith = note.SharedWith, Text = note.Text };
        _message = null;
    }

    private void CancelCorrection()
    {
        _input = new CaseNoteInput();
        _message = null;
    }

    private async Task SaveAsync()
    {
        _saving = true;
        _message = null;
        try
        {
            var result = await Notes.AddAsync(await CurrentUser.GetScopeAsync(), CaseId, _input);
            if (result.Succeeded)
            {
                _input = new CaseNoteInput();
                await LoadAsync();
                return;
            }

            _validator?.ShowServerErrors(result.Errors);
            _message = result.Outcome == Data.CommandOutcome.Invalid ? null : result.Message;
        }
        finally
        {
            _saving = false;
        }
    }
}
