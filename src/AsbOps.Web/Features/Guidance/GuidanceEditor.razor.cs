using AsbOps.Domain.Risk;
using Microsoft.AspNetCore.Components;

namespace AsbOps.Web.Features.Guidance;

/// <summary>A guidance version the administrator asked to publish.</summary>
public sealed record GuidanceSubmission(int BasedOnNumber, string DefinitionJson, string Notes);

/// <summary>
/// Edits a new guidance version as JSON, checks it with <see cref="GuidanceValidator"/> as the administrator types
/// (every error with its path) and previews the matrices and bands once it is valid.
/// </summary>
public sealed partial class GuidanceEditor
{
    private string _json = "";
    private string _notes = "";
    private IReadOnlyList<GuidanceError> _errors = [];
    private GuidanceDefinition? _preview;
    private IReadOnlyList<GuidanceError>? _shownServerErrors;

    [Parameter, EditorRequired]
    public int BasedOnNumber { get; set; }

    [Parameter, EditorRequired]
    public string InitialJson { get; set; } = "";

    /// <summary>Errors the service returned on publishing (a conflict, or a rule the form did not catch).</summary>
    [Parameter]
    public IReadOnlyList<GuidanceError>? ServerErrors { get; set; }

    [Parameter]
    public bool Publishing { get; set; }

    [Parameter]
    public EventCallback<GuidanceSubmission> OnPublish { get; set; }

    private string? NotesError => _notes.Trim() switch
    {
        { Length: 0 } => "Say what changed in this version and why.",
        { Length: > GuidancePublishingService.NotesMaxLength } text => $"At most {GuidancePublishingService.NotesMaxLength} characters ({text.Length} given).",
        _ => null,
    };

    protected override void OnInitialized()
    {
        _json = InitialJson;
        Check();
    }

    protected override void OnParametersSet()
    {
        if (ServerErrors is { Count: > 0 } && !ReferenceEquals(ServerErrors, _shownServerErrors))
        {
            _shownServerErrors = ServerErrors;
            _errors = ServerErrors;
            _preview = null;
        }
    }

    private void JsonChanged(string? json)
    {
        _json = json ?? "";
        Check();
    }

    private void Check()
    {
        var (definition, errors) = GuidanceJson.Read(_json);
        _errors = errors;
        _preview = definition;
    }

    private Task PublishAsync()
    {
        Check();
        return _preview is null || NotesError is not null
            ? Task.CompletedTask
            : OnPublish.InvokeAsync(new GuidanceSubmission(BasedOnNumber, _json, _notes));
    }
}
