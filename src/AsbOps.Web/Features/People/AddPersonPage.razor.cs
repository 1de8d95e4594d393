using System.Globalization;
using AsbOps.Domain.Cases;
using AsbOps.Web.Components.Shared;
using AsbOps.Web.Data;
using AsbOps.Web.Features.Cases;
using AsbOps.Web.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AsbOps.Web.Features.People;

/// <summary>
/// Adds a person to a case in a role: search first (name and date of birth, or address), pick a match or add a new
/// person. After adding, "add another person at this address" keeps the address for the next member of the household.
/// </summary>
public sealed partial class AddPersonPage
{
    private static readonly IReadOnlyDictionary<string, string> NoErrors = new Dictionary<string, string>();

    private CaseForPeople? _case;
    private bool _loading = true;
    private bool _busy;
    private PersonRole _role = PersonRole.Victim;
    private string? _firstName;
    private string? _lastName;
    private string? _dateOfBirth;
    private string? _address;
    private string? _postcode;
    private string? _phone;
    private IReadOnlyList<PersonMatch>? _matches;
    private IReadOnlyDictionary<string, string> _errors = NoErrors;
    private AddPersonResult? _added;
    private string? _message;
    private Severity _severity = Severity.Info;

    [Parameter]
    public string CaseRef { get; set; } = "";

    [Inject]
    private ICasePeopleService People { get; set; } = default!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = default!;

    private List<BreadcrumbItem> Breadcrumbs =>
    [
        new("Cases", href: "/cases"),
        new(_case?.Reference ?? CaseRef, href: $"/cases/{_case?.Reference ?? CaseRef}"),
        new("Add a person", href: null, disabled: true),
    ];

    protected override async Task OnParametersSetAsync()
    {
        _loading = true;
        _case = await People.GetCaseAsync(await CurrentUser.GetScopeAsync(), CaseRef);
        _loading = false;
    }

    private DateOnly? ParsedDateOfBirth =>
        DateOnly.TryParseExact(_dateOfBirth, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dob) ? dob : null;

    private async Task SearchAsync()
    {
        _busy = true;
        _message = null;
        _errors = NoErrors;
        _matches = await People.SearchAsync(await CurrentUser.GetScopeAsync(),
            new PersonSearch(_firstName, _lastName, ParsedDateOfBirth, _address, _postcode));
        if (string.IsNullOrWhiteSpace(_lastName) && string.IsNullOrWhiteSpace(_postcode) && string.IsNullOrWhiteSpace(_address))
        {
            Show("Enter a last name (with a date of birth if known), an address or a postcode to search.", Severity.Info);
        }

        _busy = false;
    }

    private Task AddExistingAsync(PersonMatch match) =>
        AddAsync(new AddPersonCommand(_case!.Id, _role, match.PersonId, null));

    /// <summary>The officer has seen the matches (or there were none) before choosing to add someone new.</summary>
    private Task AddNewAsync() =>
        AddAsync(new AddPersonCommand(_case!.Id, _role, null,
            new NewPerson(_firstName, _lastName, ParsedDateOfBirth, _address, _postcode, _phone),
            ConfirmedNotDuplicate: _matches is { Count: > 0 }));

    private async Task AddAsync(AddPersonCommand command)
    {
        if (!string.IsNullOrWhiteSpace(_dateOfBirth) && ParsedDateOfBirth is null)
        {
            _errors = new Dictionary<string, string> { [NewPersonValidator.DateOfBirthKey] = "Enter the date as day, month and year." };
            return;
        }

        _busy = true;
        var result = await People.AddAsync(command, await CurrentUser.GetScopeAsync());
        _busy = false;
        _errors = result.Errors;
        if (result.Succeeded)
        {
            _added = result;
            _message = null;
            _matches = null;
            return;
        }

        Show(result.Message ?? "Not added.", result.Outcome == CommandOutcome.Conflict ? Severity.Warning : Severity.Error);
    }

    /// <summary>Each member of a household is a person of their own: keep the address, clear the rest.</summary>
    private void AddAnotherAtAddress()
    {
        _address = _added?.Address ?? _address;
        _postcode = _added?.Postcode ?? _postcode;
        _firstName = _lastName = _dateOfBirth = _phone = null;
        _added = null;
        _matches = null;
        _errors = NoErrors;
        Show("Same address kept. Enter the next member of the household.", Severity.Info);
    }

    private static string MatchedOn(PersonMatch match) => (match.MatchedByName, match.MatchedByAddress) switch
    {
        (true, true) => "name and address",
        (true, false) => "name",
        _ => "address",
    };

    private static string CasesText(PersonMatch match)
    {
        var shown = string.Join(", ", match.Cases.Select(c => $"{c.CaseReference} ({CaseDisplay.Words(c.Role).ToLowerInvariant()})"));
        var hidden = match.CasesNotShown > 0 ? $"{match.CasesNotShown} in other areas" : "";
        var text = string.Join("; ", new[] { shown, hidden }.Where(s => s.Length > 0));
        return text.Length > 0 ? text : "none";
    }

    private void Show(string message, Severity severity)
    {
        _message = message;
        _severity = severity;
    }
}
