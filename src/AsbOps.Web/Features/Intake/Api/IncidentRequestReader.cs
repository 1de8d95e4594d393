using System.Text.Json;
using System.Text.RegularExpressions;
using AsbOps.Domain.Incidents;
using AsbOps.Domain.Places;

namespace AsbOps.Web.Features.Intake.Api;

/// <summary>
/// Reads one incident from JSON by hand, so every problem is reported against the field it belongs to (wrong type,
/// missing, unknown, too long, control characters, future or zone-less time) rather than as one parse error.
/// </summary>
public sealed partial class IncidentRequestReader(TimeProvider clock)
{
    public const int MaxTextLength = 300;
    public const int MaxNoteLength = ThriveAssessment.NoteMaxLength;

    private static readonly string[] TopLevel =
        ["stormRef", "receivedAt", "category", "areaCode", "location", "description", "thrive", "reporter"];

    private static readonly string[] LocationFields = ["address", "postcode", "lat", "lon"];
    private static readonly string[] ThriveFields = ["threat", "harm", "risk", "investigation", "vulnerability", "engagement", "grade"];
    private static readonly string[] ReporterFields = ["name", "phone"];

    /// <summary>Clock skew allowed between the control room and AsbOps before a time counts as "in the future".</summary>
    private static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(5);

    public (IncidentSubmission? Submission, Dictionary<string, string[]> Errors) Read(JsonElement body, IReadOnlySet<string> knownAreaCodes)
    {
        var errors = new Errors();
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body", "The body must be a JSON object.");
            return (null, errors.ToDictionary());
        }

        var top = Fields.Of(body, TopLevel, "", errors);
        var stormRef = Text(top["stormRef"], "stormRef", errors, required: true, max: 40);
        if (stormRef is not null && !StormRefPattern().IsMatch(stormRef))
        {
            errors.Add("stormRef", "Use letters, digits, '-' and '/' only (3 to 40 characters), starting with a letter or digit.");
        }

        var receivedAt = Time(top["receivedAt"], "receivedAt", errors);
        var category = Choice<AsbCategory>(top["category"], "category", errors, required: true, "personal, nuisance or environmental");
        var areaCode = Text(top["areaCode"], "areaCode", errors, required: true, max: 16)?.ToUpperInvariant();
        if (areaCode is not null && !knownAreaCodes.Contains(areaCode))
        {
            errors.Add("areaCode", $"'{areaCode}' is not a known area code.");
        }

        var description = Text(top["description"], "description", errors, required: true, max: Incident.DescriptionMaxLength, multiline: true);

        string? address = null, postcode = null;
        double? lat = null, lon = null;
        if (Object(top["location"], "location", errors, required: true) is { } locationObject)
        {
            var location = Fields.Of(locationObject, LocationFields, "location.", errors);
            address = Text(location["address"], "location.address", errors, required: true, max: MaxTextLength);
            postcode = Text(location["postcode"], "location.postcode", errors, required: true, max: 10);
            if (postcode is not null)
            {
                postcode = Postcode.Normalise(postcode);
                if (postcode is null)
                {
                    errors.Add("location.postcode", "Not a UK postcode (e.g. LE11 1AA).");
                }
            }

            lat = Number(location["lat"], "location.lat", errors, -90, 90);
            lon = Number(location["lon"], "location.lon", errors, -180, 180);
            if (lat.HasValue != lon.HasValue)
            {
                errors.Add(lat.HasValue ? "location.lon" : "location.lat", "Give both lat and lon, or neither.");
            }
        }

        ThriveSubmission? thrive = null;
        if (Object(top["thrive"], "thrive", errors, required: true) is { } thriveObject)
        {
            var t = Fields.Of(thriveObject, ThriveFields, "thrive.", errors);
            var grade = Choice<ThriveGrade>(t["grade"], "thrive.grade", errors, required: true, "emergency, priority, scheduled or resolution");
            thrive = new ThriveSubmission(
                Text(t["threat"], "thrive.threat", errors, false, MaxNoteLength, multiline: true),
                Text(t["harm"], "thrive.harm", errors, false, MaxNoteLength, multiline: true),
                Text(t["risk"], "thrive.risk", errors, false, MaxNoteLength, multiline: true),
                Text(t["investigation"], "thrive.investigation", errors, false, MaxNoteLength, multiline: true),
                Text(t["vulnerability"], "thrive.vulnerability", errors, false, MaxNoteLength, multiline: true),
                Text(t["engagement"], "thrive.engagement", errors, false, MaxNoteLength, multiline: true),
                grade ?? ThriveGrade.Scheduled);
        }

        string? reporterName = null, reporterPhone = null;
        if (Object(top["reporter"], "reporter", errors, required: false) is { } reporterObject)
        {
            var reporter = Fields.Of(reporterObject, ReporterFields, "reporter.", errors);
            reporterName = Text(reporter["name"], "reporter.name", errors, false, 200);
            reporterPhone = Text(reporter["phone"], "reporter.phone", errors, false, 40);
            if (reporterPhone is not null && !IsValidPhone(reporterPhone))
            {
                errors.Add("reporter.phone", "Use digits, spaces, '+', '(' , ')' and '-' only.");
            }
        }

        if (errors.Any)
        {
            return (null, errors.ToDictionary());
        }

        return (new IncidentSubmission(stormRef!, receivedAt!.Value, category!.Value, areaCode!, address!, postcode!, lat, lon,
            description!, thrive!, reporterName, reporterPhone), errors.ToDictionary());
    }

    /// <summary>Digits, spaces, '+', brackets and '-' (5 to 40 characters), as the API accepts.</summary>
    public static bool IsValidPhone(string text) => PhonePattern().IsMatch(text);

    /// <summary>Control characters other than (for multi-line text) line breaks and tabs, as the API refuses.</summary>
    public static bool HasForbiddenCharacters(string text, bool multiline)
    {
        // One pass without delegates: every text field of every incident goes through here.
        foreach (var c in text)
        {
            if ((char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t')) || c is '\uFFFE' or '\uFFFF')
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9/-]{2,39}$")]
    private static partial Regex StormRefPattern();

    [GeneratedRegex(@"^\+?[0-9 ()-]{5,40}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex ZonedTimePattern();
}
