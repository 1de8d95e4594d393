using System.Globalization;
using AsbOps.Domain.Cases;
using AsbOps.Web.Components.Shared;
using AsbOps.Web.Data;
using AsbOps.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace AsbOps.Web.Features.People;

/// <summary>
/// Adds a person to a case in a role: search first (name and date of birth, or address), pick a match or add a new
/// person. After adding, "add another person at this address" keeps the address for the next member of the household.
/// </summary>
public sealed partial class AddPersonPage
{
    /// <summary>The service keys a new person's errors in camel case; each belongs to the input of that property.</summary>
    private static readonly Dictionary<string, string> PropertyOf = new(StringComparer.Ordinal)
    {
        [NewPersonValidator.FirstNameKey] = nameof(PersonFields.FirstName),
        [NewPersonValidator.LastNameKey] = nameof(PersonFields.LastName),
        [NewPersonValidator.DateOfBirthKey] = nameof(PersonFields.DateOfBirth),
        [NewPersonValidator.PhoneKey] = nameof(PersonFields.Phone),
        [NewPersonValidator.AddressKey] = nameof(PersonFields.Address),
        [NewPersonValidator.PostcodeKey] = nameof(PersonFields.Postcode),
    };

    private readonly PersonFields _person = new();
    private readonly EditContext _form;
    private FieldRulesValidator? _validator;

    private CaseForPeople? _case;
    private bool _loading = true;
    private bool _busy;
    private PersonRole _role = PersonRole.Victim;
    private IReadOnlyList<PersonMatch>? _matches;
    private AddPersonResult? _added;
    private string? _message;
    private Severity _severity = Severity.Info;

    public AddPersonPage() => _form = new EditContext(_person);

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
        DateOnly.TryParseExact(_person.DateOfBirth, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dob) ? dob : null;

    /// <summary>The one rule the page checks itself: a date of birth it can read. The service checks the rest.</summary>
    private IReadOnlyDictionary<string, string[]> Rules() =>
        !string.IsNullOrWhiteSpace(_person.DateOfBirth) && ParsedDateOfBirth is null
            ? new Dictionary<string, string[]> { [NewPersonValidator.DateOfBirthKey] = ["Enter the date as day, month and year."] }
            : new Dictionary<string, string[]>();

    private FieldIdentifier? FieldFor(string key) =>
        PropertyOf.TryGetValue(key, out var property) ? new FieldIdentifier(_person, property) : null;

    private async Task SearchAsync()
    {
        _busy = true;
        _message = null;
        _validator?.Clear();
        _matches = await People.SearchAsync(await CurrentUser.GetScopeAsync(),
            new PersonSearch(_person.FirstName, _person.LastName, ParsedDateOfBirth, _person.Address, _person.Postcode));
        if (string.IsNullOrWhiteSpace(_person.LastName) && string.IsNullOrWhiteSpace(_person.Postcode) && string.IsNullOrWhiteSpace(_person.Address))
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
            new NewPerson(_person.FirstName, _person.LastName, ParsedDateOfBirth, _person.Address, _person.Postcode, _person.Phone),
            ConfirmedNotDuplicate: _matches is { Count: > 0 }));

    private async Task AddAsync(AddPersonCommand command)
    {
        if (!_form.Validate())
        {
            return;
        }

        _busy = true;
        var result = await People.AddAsync(command, await CurrentUser.GetScopeAsync());
        _busy = false;
        _validator?.ShowServerErrors(result.Errors);
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
        _person.Address = _added?.Address ?? _person.Address;
        _person.Postcode = _added?.Postcode ?? _person.Postcode;
        _person.FirstName = _person.LastName = _person.DateOfBirth = _person.Phone = null;
        _added = null;
        _matches = null;
        _validator?.Clear();
        Show("Same address kept. Enter the next member of the household.", Severity.Info);
    }

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

    /// <summary>What the officer types; the date of birth stays text until it is read, so a bad one can be shown.</summary>
    private sealed class PersonFields
    {
        public string? FirstName { get; set; }

        public string? LastName { get; set; }

        public string? DateOfBirth { get; set; }

        public string? Phone { get; set; }

        public string? Address { get; set; }

        public string? Postcode { get; set; }
    }
}
