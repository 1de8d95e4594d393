using AsbOps.Web.Components.Shared;
using AsbOps.Web.Data;
using AsbOps.Web.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AsbOps.Web.Features.People;

public sealed partial class PersonPage
{
    private PersonView? _person;
    private bool _loading = true;
    private bool _busy;
    private bool _canEdit;
    private bool _canMerge;
    private bool _canExport;
    private UserScope? _user;
    private FlagsModel _flags = new();
    private readonly MergeModel _merge = new();
    private string? _message;
    private Severity _messageSeverity = Severity.Success;
    private string? _mergeError;

    [Parameter]
    public long Id { get; set; }

    [Inject]
    private IPersonViewService People { get; set; } = default!;

    [Inject]
    private IPersonRecordService Records { get; set; } = default!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _loading = true;
        _message = null;
        _user = await CurrentUser.GetScopeAsync();
        _canEdit = CaseEditors.CanEdit(_user);
        _canMerge = _user.Role == Roles.Sergeant;
        _canExport = SubjectAccess.SubjectAccessQueries.MayExport(_user);
        await LoadAsync();
        _loading = false;
    }

    private async Task LoadAsync()
    {
        _person = await People.GetAsync(_user!, Id);
        if (_person is not null)
        {
            _flags = new FlagsModel
            {
                Vulnerable = _person.SetFlags.Vulnerable,
                RepeatVictim = _person.SetFlags.RepeatVictim,
                SafeguardingConcern = _person.SetFlags.SafeguardingConcern,
            };
        }
    }

    private async Task SaveFlagsAsync()
    {
        _busy = true;
        try
        {
            var result = await Records.SetFlagsAsync(_user!, _person!.Id, new PersonFlags(_flags.Vulnerable, _flags.RepeatVictim, _flags.SafeguardingConcern), _person.Version);
            Show(result, "Flags saved.");
            if (result.Succeeded)
            {
                await LoadAsync();
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task MergeAsync()
    {
        _mergeError = null;
        if (_merge.DuplicateId is not { } duplicateId || duplicateId <= 0)
        {
            _mergeError = "Give the other record's number (shown under the name on its page).";
            return;
        }

        var other = await People.GetAsync(_user!, duplicateId);
        if (other is null || other.Id == _person!.Id)
        {
            _mergeError = other is null ? $"No person {duplicateId} on a case of your area." : "That is this record: give the number of the other record of the same person.";
            return;
        }

        var cases = string.Join(", ", other.Cases.Select(c => c.CaseRef));
        if (!await Dialogs.ConfirmAsync($"Merge record {other.Id} into this one?",
                $"{other.Name} (record {other.Id}, on {cases}) becomes {_person.Name} (record {_person.Id}): the roles, markers, referrals and contacts move here and record {other.Id} keeps no details of its own. This cannot be undone.",
                "Merge records"))
        {
            return;
        }

        _busy = true;
        try
        {
            var result = await Records.MergeAsync(_user!, _person.Id, _person.Version, duplicateId);
            _mergeError = result.ErrorFor(PersonRecordService.DuplicateKey);
            Show(result, $"Record {duplicateId} merged into this record.");
            if (result.Succeeded)
            {
                _merge.DuplicateId = null;
                await LoadAsync();
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private void Show(CommandResult result, string done)
    {
        _messageSeverity = result.Succeeded ? Severity.Success : Severity.Error;
        _message = result.Succeeded ? done : result.Outcome == CommandOutcome.Invalid && result.Errors.Count > 0 ? null : result.Message;
    }

    private sealed class FlagsModel
    {
        public bool Vulnerable { get; set; }

        public bool RepeatVictim { get; set; }

        public bool SafeguardingConcern { get; set; }
    }

    private sealed class MergeModel
    {
        public long? DuplicateId { get; set; }
    }
}
