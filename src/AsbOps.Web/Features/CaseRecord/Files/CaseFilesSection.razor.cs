using System.Globalization;
using AsbOps.Web.Components.Shared;
using AsbOps.Web.Data;
using AsbOps.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace AsbOps.Web.Features.CaseRecord.Files;

/// <summary>
/// The case's files: the upload form (the file streams from the browser over the circuit, in chunks, straight to the
/// service's temporary file) and the list, each file downloaded through its own address.
/// </summary>
public sealed partial class CaseFilesSection
{
    private CaseFilesModel? _model;
    private CaseFileInput _input = new();
    private RetireFileInput? _retire;
    private IBrowserFile? _chosen;
    private FieldRulesValidator? _validator;
    private FieldRulesValidator? _retireValidator;
    private string? _message;
    private bool _uploading;
    private int _inputKey;

    [Inject]
    private ICaseFileService Files { get; set; } = default!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = default!;

    [Parameter, EditorRequired]
    public long CaseId { get; set; }

    private string InputId => $"case-file-input-{CaseId}";

    private string MaxText => SizeText(_model?.MaxBytes ?? Files.MaxBytes);

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync() => _model = await Files.ReadAsync(await CurrentUser.GetScopeAsync(), CaseId);

    internal static string SizeText(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024d * 1024):0.#} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, (bytes + 1023) / 1024)} KB");

    private IReadOnlyDictionary<string, string[]> Rules() =>
        (_chosen is null
            ? new Dictionary<string, string> { [CaseFileService.FileField] = "Choose a file to attach." }
            : Files.ValidateBefore(_input, _chosen.Size)).AsFieldMessages();

    private IReadOnlyDictionary<string, string[]> RetireRules() =>
        (_retire is null || !string.IsNullOrWhiteSpace(_retire.Reason)
            ? new Dictionary<string, string>()
            : new Dictionary<string, string> { [nameof(RetireFileInput.Reason)] = "Say why the file is retired." }).AsFieldMessages();

    private void Choose(InputFileChangeEventArgs e)
    {
        _chosen = e.File;
        _input.FileName = e.File.Name;
        _message = null;
        _validator?.ShowRules();
    }

    private async Task UploadAsync()
    {
        _uploading = true;
        _message = null;
        try
        {
            // One byte over the limit may be read, so the service sees (and refuses) a file that grew after it was chosen.
            await using var content = _chosen!.OpenReadStream(Files.MaxBytes + 1);
            var result = await Files.UploadAsync(await CurrentUser.GetScopeAsync(), CaseId, _input, content, _chosen.Size);
            if (result.Succeeded)
            {
                _input = new CaseFileInput();
                _chosen = null;
                _inputKey++;
                await LoadAsync();
                return;
            }

            _validator?.ShowServerErrors(result.Errors);
            _message = result.Outcome == CommandOutcome.Invalid ? null : result.Message;
        }
        finally
        {
            _uploading = false;
        }
    }

    private void StartRetire(CaseFileView file) => _retire = new RetireFileInput { FileId = file.Id, Version = file.Version };

    private async Task RetireAsync()
    {
        var result = await Files.RetireAsync(await CurrentUser.GetScopeAsync(), CaseId, _retire!);
        if (result.Succeeded)
        {
            _retire = null;
            await LoadAsync();
            return;
        }

        _retireValidator?.ShowServerErrors(result.Errors);
        _message = result.Outcome == CommandOutcome.Invalid ? null : result.Message;
    }
}
