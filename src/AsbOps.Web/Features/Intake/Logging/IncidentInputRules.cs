using AsbOps.Domain.Incidents;
using AsbOps.Domain.Places;
using AsbOps.Web.Components.Shared;
using AsbOps.Web.Features.Intake.Api;

namespace AsbOps.Web.Features.Intake.Logging;

/// <summary>
/// What a hand-logged incident must satisfy, keyed by <see cref="IncidentInput"/> property. The form runs it per
/// field as the officer types and the service runs it again before saving. Limits and the postcode, phone and
/// control-character rules are the control-room API's (<see cref="IncidentRequestReader"/>).
/// </summary>
public static class IncidentInputRules
{
    public const int ReporterNameMaxLength = 200;
    public const int ReporterPhoneMaxLength = 40;

    private static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(5);

    public static Dictionary<string, string[]> Check(IncidentInput input, DateTime nowUtc)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add(message);
        }

        CheckReceived(input.ReceivedAtLocal, nowUtc, Add);
        if (input.AreaId is null)
        {
            Add(nameof(IncidentInput.AreaId), "Choose the area.");
        }

        if (input.Category is not { } category || !Enum.IsDefined(category))
        {
            Add(nameof(IncidentInput.Category), "Choose personal, nuisance or environmental.");
        }

        if (input.Grade is not { } grade || !Enum.IsDefined(grade))
        {
            Add(nameof(IncidentInput.Grade), "Choose the THRIVE grade.");
        }

        Text(input.Address, nameof(IncidentInput.Address), IncidentRequestReader.MaxTextLength, required: true, multiline: false, Add);
        if (Text(input.Postcode, nameof(IncidentInput.Postcode), 10, required: true, multiline: false, Add) is { } postcode
            && Postcode.Normalise(postcode) is null)
        {
            Add(nameof(IncidentInput.Postcode), "Not a UK postcode (e.g. LE11 1AA).");
        }

        CheckCoordinates(input, Add);
        Text(input.Description, nameof(IncidentInput.Description), Incident.DescriptionMaxLength, required: true, multiline: true, Add);
        Text(input.ReporterName, nameof(IncidentInput.ReporterName), ReporterNameMaxLength, required: false, multiline: false, Add);
        if (Text(input.ReporterPhone, nameof(IncidentInput.ReporterPhone), ReporterPhoneMaxLength, required: false, multiline: false, Add) is { } phone
            && !IncidentRequestReader.IsValidPhone(phone))
        {
            Add(nameof(IncidentInput.ReporterPhone), "Use digits, spaces, '+', '(', ')' and '-' only.");
        }

        foreach (var (field, value) in ThriveNotes(input))
        {
            Text(value, field, ThriveAssessment.NoteMaxLength, required: false, multiline: true, Add);
        }

        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
    }

    public static IEnumerable<(string Field, string? Value)> ThriveNotes(IncidentInput input) =>
    [
        (nameof(IncidentInput.Threat), input.Threat), (nameof(IncidentInput.Harm), input.Harm), (nameof(IncidentInput.Risk), input.Risk),
        (nameof(IncidentInput.Investigation), input.Investigation), (nameof(IncidentInput.Vulnerability), input.Vulnerability),
        (nameof(IncidentInput.Engagement), input.Engagement),
    ];

    private static void CheckReceived(DateTime? local, DateTime nowUtc, Action<string, string> add)
    {
        const string field = nameof(IncidentInput.ReceivedAtLocal);
        if (local is not { } received)
        {
            add(field, "Give the date and time the report was received.");
        }
        else if (!UkTime.IsValidLocal(received))
        {
            add(field, "That time does not exist in UK time (the clocks went forward).");
        }
        else if (received.Year < 2000)
        {
            add(field, "Must be in the year 2000 or later.");
        }
        else if (UkTime.ToUtc(received) > nowUtc + AllowedSkew)
        {
            add(field, "Must not be in the future.");
        }
    }

    private static void CheckCoordinates(IncidentInput input, Action<string, string> add)
    {
        if (input.Latitude is { } lat && (double.IsNaN(lat) || lat is < -90 or > 90))
        {
            add(nameof(IncidentInput.Latitude), "Must be a number from -90 to 90.");
        }

        if (input.Longitude is { } lon && (double.IsNaN(lon) || lon is < -180 or > 180))
        {
            add(nameof(IncidentInput.Longitude), "Must be a number from -180 to 180.");
        }

        if (input.Latitude.HasValue != input.Longitude.HasValue)
        {
            add(input.Latitude.HasValue ? nameof(IncidentInput.Longitude) : nameof(IncidentInput.Latitude), "Give both latitude and longitude, or neither.");
        }
    }

    private static string? Text(string? value, string field, int max, bool required, bool multiline, Action<string, string> add)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                add(field, "Required.");
            }

            return null;
        }

        if (text.Length > max)
        {
            add(field, $"At most {max} characters ({text.Length} given).");
            return null;
        }

        if (IncidentRequestReader.HasForbiddenCharacters(text, multiline))
        {
            add(field, multiline ? "Control characters other than line breaks and tabs are not allowed." : "Control characters are not allowed.");
            return null;
        }

        return text;
    }
}
