using AsbOps.Web.Components.Shared;
using AsbOps.Web.Data;
using AsbOps.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace AsbOps.Web.Features.Retention;

public sealed partial class RetentionPage
{
    private const int HistoryLength = 20;

    private IReadOnlyList<RetentionRow> _rows = [];
    private IReadOnlyList<RetentionHistoryRow> _history = [];
    private RetentionRow? _selected;
    private RetainInput _retain = new();
    private DisposeInput _dispose = new();
    private Dictionary<string, string> _errors = [];
    private UserScope? _user;
    private bool _loading = true;
    private bool _busy;
    private int _withinMonths;
    private int _years;
    private string? _message;
    private Severity _messageSeverity = Severity.Success;

    [Inject]
    private IRetentionService Retention { get; set; } = default!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private IOptions<RetentionOptions> Options { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _years = Options.Value.ReviewAfterYears;
        _user = await CurrentUser.GetScopeAsync();
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _loading = true;
        var dueBy = Clock.GetUtcNow().UtcDateTime.AddMonths(_withinMonths);
        _rows = await Retention.DueAsync(_user!, dueBy);
        _history = await Retention.HistoryAsync(_user!, HistoryLength);
        _selected = _selected is null ? null : _rows.FirstOrDefault(r => r.CaseId == _selected.CaseId);
        _loading = false;
    }

    private async Task ChangeWindowAsync(int months)
    {
        _withinMonths = months;
        await LoadAsync();
    }

    private void Select(RetentionRow row)
    {
        _selected = row;
        _retain = new RetainInput { NextReviewDue = Clock.GetUtcNow().UtcDateTime.Date.AddYears(1) };
        _dispose = new DisposeInput();
        _errors = [];
        _message = null;
    }

    private async Task RetainAsync()
    {
        var row = _selected!;
        _busy = true;
        try
        {
            var result = await Retention.RetainAsync(_user!, row.CaseId, row.Version, _retain);
            await AfterAsync(result, "retain", $"{row.Reference} retained until {(_retain.NextReviewDue is { } d ? CaseDisplay.Date(DateOnly.FromDateTime(d)) : "")}.");
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task DisposeAsync()
    {
        var row = _selected!;
        if (string.IsNullOrWhiteSpace(_dispose.Reason))
        {
            _errors = new() { [RetentionService.ReasonKey + ".dispose"] = "Give the reason for the decision." };
            return;
        }

        if (!await Dialogs.ConfirmAsync($"Dispose of {row.Reference}?",
                $"The personal data of {row.Reference} is removed for good: its {row.People} people (unless on another case), notes, victim contacts, files and free text. An anonymised record stays for the metrics and compliance history.",
                "Dispose"))
        {
            return;
        }

        _busy = true;
        try
        {
            var result = await Retention.DisposeAsync(_user!, row.CaseId, row.Version, _dispose);
            await AfterAsync(result, "dispose", $"{row.Reference} disposed of: its personal data is removed.");
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task AfterAsync(CommandResult result, string form, string done)
    {
        _errors = result.Errors.ToDictionary(e => e.Key == RetentionService.ReasonKey ? $"{e.Key}.{form}" : e.Key, e => e.Value);
        _messageSeverity = result.Succeeded ? Severity.Success : Severity.Error;
        _message = result.Succeeded ? done : result.Outcome == CommandOutcome.Invalid ? null : result.Message;
        if (result.Succeeded || result.Outcome == CommandOutcome.Conflict)
        {
            _selected = result.Succeeded ? null : _selected;
            await LoadAsync();
        }
    }
}
