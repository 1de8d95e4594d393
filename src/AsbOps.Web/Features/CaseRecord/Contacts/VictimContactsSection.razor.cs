using AsbOps.Web.Components.Shared;
using AsbOps.Web.Data;
using AsbOps.Web.Security;
using Microsoft.AspNetCore.Components;

namespace AsbOps.Web.Features.CaseRecord.Contacts;

/// <summary>Each victim's contact plan and log, with forms to log a contact and to agree a frequency.</summary>
public sealed partial class VictimContactsSection
{
    private VictimContactsModel? _model;
    private VictimContactInput? _contact;
    private ContactFrequencyInput? _frequency;
    private FieldRulesValidator? _contactValidator;
    private FieldRulesValidator? _frequencyValidator;
    private string? _message;

    [Inject]
    private IVictimContactService Contacts { get; set; } = default!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Parameter, EditorRequired]
    public long CaseId { get; set; }

    private DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync() => _model = await Contacts.ReadAsync(await CurrentUser.GetScopeAsync(), CaseId);

    private IReadOnlyDictionary<string, string[]> ContactRules() =>
        _contact is null
            ? new Dictionary<string, string[]>()
            : VictimContactValidation.Validate(_contact, DateOnly.MinValue, Today).AsFieldMessages();

    private IReadOnlyDictionary<string, string[]> FrequencyRules() =>
        _frequency is null ? new Dictionary<string, string[]>() : VictimContactValidation.Validate(_frequency).AsFieldMessages();

    private void StartContact(VictimContactRow victim)
    {
        var today = Clock.GetUtcNow().UtcDateTime.Date;
        _frequency = null;
        _message = null;
        _contact = new VictimContactInput
        {
            ParticipantId = victim.ParticipantId,
            ContactedOn = today,
            NextContactDueOn = today.AddDays(victim.FrequencyDays),
        };
    }

    private void StartFrequency(VictimContactRow victim)
    {
        _contact = null;
        _message = null;
        _frequency = new ContactFrequencyInput
        {
            ParticipantId = victim.ParticipantId,
            FrequencyDays = victim.FrequencyAgreed ? victim.FrequencyDays : null,
            Version = victim.PlanVersion,
        };
    }

    private void Close()
    {
        _contact = null;
        _frequency = null;
        _message = null;
    }

    private async Task LogAsync()
    {
        var result = await Contacts.LogAsync(await CurrentUser.GetScopeAsync(), CaseId, _contact!);
        await AfterAsync(result, _contactValidator);
    }

    private async Task SetFrequencyAsync()
    {
        var result = await Contacts.SetFrequencyAsync(await CurrentUser.GetScopeAsync(), CaseId, _frequency!);
        await AfterAsync(result, _frequencyValidator);
    }

    private async Task AfterAsync(CommandResult result, FieldRulesValidator? validator)
    {
        if (result.Succeeded)
        {
            Close();
            await LoadAsync();
            return;
        }

        validator?.ShowServerErrors(result.Errors);
        _message = result.Outcome == CommandOutcome.Invalid ? null : result.Message;
    }
}
