using AsbOps.Domain.CaseRecord;

namespace AsbOps.Web.Features.CaseRecord.Contacts;

/// <summary>The rules of the contact forms, run by the forms and again by the service.</summary>
public static class VictimContactValidation
{
    public static class Fields
    {
        public const string ContactedOn = nameof(VictimContactInput.ContactedOn);
        public const string Method = nameof(VictimContactInput.Method);
        public const string Outcome = nameof(VictimContactInput.Outcome);
        public const string NextContactDueOn = nameof(VictimContactInput.NextContactDueOn);
        public const string FrequencyDays = nameof(ContactFrequencyInput.FrequencyDays);
    }

    public static Dictionary<string, string> Validate(VictimContactInput input, DateOnly addedOn, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        DateOnly? contacted = input.ContactedOn is { } on ? DateOnly.FromDateTime(on) : null;
        if (contacted is not { } day)
        {
            errors[Fields.ContactedOn] = "Give the date of the contact.";
        }
        else if (day > today)
        {
            errors[Fields.ContactedOn] = "Cannot be in the future.";
        }
        else if (day < addedOn)
        {
            errors[Fields.ContactedOn] = $"Cannot be before the victim was added to the case ({addedOn:d MMM yyyy}).";
        }

        if (input.Method is not { } method || !Enum.IsDefined(method))
        {
            errors[Fields.Method] = "Choose how the victim was contacted.";
        }

        if (string.IsNullOrWhiteSpace(input.Outcome))
        {
            errors[Fields.Outcome] = "Say what came of the contact.";
        }
        else if (input.Outcome.Trim().Length > VictimContact.MaxOutcome)
        {
            errors[Fields.Outcome] = $"At most {VictimContact.MaxOutcome:N0} characters.";
        }

        if (input.NextContactDueOn is not { } next)
        {
            errors[Fields.NextContactDueOn] = "Give the date the next contact is due.";
        }
        else if (contacted is { } from && DateOnly.FromDateTime(next) <= from)
        {
            errors[Fields.NextContactDueOn] = "Must be after the date of this contact.";
        }
        else if (contacted is { } start && DateOnly.FromDateTime(next) > start.AddDays(ContactSchedule.MaxFrequencyDays))
        {
            errors[Fields.NextContactDueOn] = $"At most {ContactSchedule.MaxFrequencyDays} days after this contact.";
        }

        return errors;
    }

    public static Dictionary<string, string> Validate(ContactFrequencyInput input)
    {
        var errors = new Dictionary<string, string>();
        if (input.FrequencyDays is { } days && days is < ContactSchedule.MinFrequencyDays or > ContactSchedule.MaxFrequencyDays)
        {
            errors[Fields.FrequencyDays] =
                $"Between {ContactSchedule.MinFrequencyDays} and {ContactSchedule.MaxFrequencyDays} days, or blank for the default of the victim's risk.";
        }

        return errors;
    }
}
