using AsbOps.Domain.Risk;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace AsbOps.Web.Features.Guidance;

/// <summary>A guidance version the administrator asked to publish.</summary>
public sealed record GuidanceSubmission(int BasedOnNumber, GuidanceDefinition Definition, string Notes);

/// <summary>
/// The form for a new guidance version, started as a copy of the newest one. Every change is checked with
/// <see cref="GuidanceValidator"/>, whose errors are shown next to their fields and in a summary; publishing stays
/// disabled until there are none (and the service checks again).
/// </summary>
public sealed partial class GuidanceEditor
{
    private const string NotesKey = "notes";

    private GuidanceForm _form = new();
    private EditContext _editContext = new(new GuidanceForm());
    private GuidanceDefinition _definition = new([], []);
    private GuidanceErrorMap _errors = GuidanceErrorMap.None;
    private string _notes = "";

    /// <summary>Bound so a tab change renders the editor, and its validator shows the new tab's fields their messages.</summary>
    private int _tab;

    [Parameter, EditorRequired]
    public int BasedOnNumber { get; set; }

    /// <summary>The definition the new version starts from; read once, then the form owns its copy.</summary>
    [Parameter, EditorRequired]
    public GuidanceDefinition Initial { get; set; } = default!;

    /// <summary>Errors the service returned on publishing (a conflict, or a rule the form did not catch).</summary>
    [Parameter]
    public IReadOnlyList<GuidanceError>? ServerErrors { get; set; }

    [Parameter]
    public bool Publishing { get; set; }

    /// <summary>
    /// A what-if draft: no summary of changes, and the button replays the draft instead of publishing it
    /// (<see cref="OnPublish"/> receives the definition either way).
    /// </summary>
    [Parameter]
    public bool DraftOnly { get; set; }

    [Parameter]
    public EventCallback<GuidanceSubmission> OnPublish { get; set; }

    private IReadOnlyList<GuidanceError> ServerErrorsShown => ServerErrors ?? [];

    private bool CanPublish => !Publishing && _errors.Count == 0 && (DraftOnly || NotesError is null);

    private string? NotesError => _notes.Trim() switch
    {
        { Length: 0 } => "Say what changed in this version and why.",
        { Length: > GuidancePublishingService.NotesMaxLength } text => $"At most {GuidancePublishingService.NotesMaxLength} characters ({text.Length} given).",
        _ => null,
    };

    protected override void OnInitialized() => Load(GuidanceForm.From(Initial));

    /// <summary>The error count for a tab's badge; null hides the badge.</summary>
    private object? Badge(string prefix) => _errors.CountUnder(prefix) is > 0 and var count ? count : null;

    private void Revalidate()
    {
        _definition = _form.ToDefinition();
        _errors = new GuidanceErrorMap(GuidanceValidator.Validate(_definition));
        _editContext.Validate();
    }

    /// <summary>A new form (the copy, or JSON loaded into it) gets a new EditContext; its errors show from the start.</summary>
    private void Load(GuidanceForm form)
    {
        _form = form;
        _editContext = new EditContext(_form);
        Revalidate();
    }

    private void Import(GuidanceDefinition definition) => Load(GuidanceForm.From(definition));

    /// <summary>Every field's messages, one after the other as before; a block's messages are shown by the block.</summary>
    private IReadOnlyDictionary<string, string[]> Rules()
    {
        var messages = _errors.All.GroupBy(e => e.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new[] { string.Join(" ", g.Select(e => e.Message)) }, StringComparer.Ordinal);
        if (!DraftOnly && NotesError is { } notes)
        {
            messages[NotesKey] = [notes];
        }

        return messages;
    }

    private FieldIdentifier? FieldFor(string key) =>
        key == NotesKey ? FieldIdentifier.Create(() => _notes) : GuidanceFields.Find(_form, key);

    private Task PublishAsync()
    {
        Revalidate();
        return CanPublish
            ? OnPublish.InvokeAsync(new GuidanceSubmission(BasedOnNumber, _definition, _notes))
            : Task.CompletedTask;
    }
}
