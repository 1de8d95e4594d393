using AsbOps.Domain.Risk;
using Microsoft.AspNetCore.Components;

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
    private GuidanceForm _form = new();
    private GuidanceDefinition _definition = new([], []);
    private GuidanceErrorMap _errors = GuidanceErrorMap.None;
    private string _notes = "";

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

    [Parameter]
    public EventCallback<GuidanceSubmission> OnPublish { get; set; }

    private IReadOnlyList<GuidanceError> ServerErrorsShown => ServerErrors ?? [];

    private bool CanPublish => !Publishing && _errors.Count == 0 && NotesError is null;

    private string? NotesError => _notes.Trim() switch
    {
        { Length: 0 } => "Say what changed in this version and why.",
        { Length: > GuidancePublishingService.NotesMaxLength } text => $"At most {GuidancePublishingService.NotesMaxLength} characters ({text.Length} given).",
        _ => null,
    };

    protected override void OnInitialized()
    {
        _form = GuidanceForm.From(Initial);
        Revalidate();
    }

    /// <summary>The error count for a tab's badge; null hides the badge.</summary>
    private object? Badge(string prefix) => _errors.CountUnder(prefix) is > 0 and var count ? count : null;

    private void Revalidate()
    {
        _definition = _form.ToDefinition();
        _errors = new GuidanceErrorMap(GuidanceValidator.Validate(_definition));
    }

    private void Import(GuidanceDefinition definition)
    {
        _form = GuidanceForm.From(definition);
        Revalidate();
    }

    private Task PublishAsync()
    {
        Revalidate();
        return CanPublish
            ? OnPublish.InvokeAsync(new GuidanceSubmission(BasedOnNumber, _definition, _notes))
            : Task.CompletedTask;
    }
}
