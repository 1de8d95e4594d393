using AsbOps.Domain.Places;

namespace AsbOps.Web.Features.People;

/// <summary>Checks a new person's details and tidies them: trimmed names, a normalised postcode.</summary>
public static class NewPersonValidator
{
    public const string FirstNameKey = "firstName";
    public const string LastNameKey = "lastName";
    public const string DateOfBirthKey = "dateOfBirth";
    public const string AddressKey = "address";
    public const string PostcodeKey = "postcode";
    public const string PhoneKey = "phone";

    private static readonly DateOnly Earliest = new(1900, 1, 1);

    public static (NewPerson Tidy, Dictionary<string, string> Errors) Validate(NewPerson person, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(person);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var first = Name(person.FirstName, FirstNameKey, "first", errors);
        var last = Name(person.LastName, LastNameKey, "last", errors);
        if (person.DateOfBirth is { } dob && dob > today)
        {
            errors[DateOfBirthKey] = "The date of birth cannot be in the future.";
        }
        else if (person.DateOfBirth is { } old && old < Earliest)
        {
            errors[DateOfBirthKey] = "Check the year: the date of birth is before 1900.";
        }

        var address = Optional(person.Address, 300, AddressKey, errors);
        string? postcode = null;
        if (!string.IsNullOrWhiteSpace(person.Postcode))
        {
            postcode = Postcode.Normalise(person.Postcode.Trim());
            if (postcode is null)
            {
                errors[PostcodeKey] = "Not a UK postcode, e.g. LE11 1AA.";
            }
        }

        var phone = Optional(person.Phone, 40, PhoneKey, errors);
        return (new NewPerson(first, last, person.DateOfBirth, address, postcode, phone), errors);
    }

    private static string? Name(string? value, string key, string which, Dictionary<string, string> errors)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            errors[key] = $"Enter the {which} name.";
        }
        else if (trimmed.Length > 100)
        {
            errors[key] = "At most 100 characters.";
        }

        return trimmed;
    }

    private static string? Optional(string? value, int max, string key, Dictionary<string, string> errors)
    {
        var trimmed = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (trimmed is { Length: var length } && length > max)
        {
            errors[key] = $"At most {max} characters.";
        }

        return trimmed;
    }
}
