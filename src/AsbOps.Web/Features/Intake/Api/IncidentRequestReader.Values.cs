using System.Globalization;
using System.Text.Json;
using AsbOps.Web.Api;

namespace AsbOps.Web.Features.Intake.Api;

/// <summary>
/// The value readers of <see cref="IncidentRequestReader"/>: each reads one JSON value of the expected kind and, when
/// it is missing, of the wrong type, too long, out of range or badly formed, records the problem against its key.
/// </summary>
public sealed partial class IncidentRequestReader
{
    /// <summary>The value when it is there and not null; otherwise false, and "Required." against the key if it is.</summary>
    private static bool Present(JsonElement? value, string key, Errors errors, bool required, out JsonElement element)
    {
        if (value is { ValueKind: not JsonValueKind.Null } present)
        {
            element = present;
            return true;
        }

        Missing(key, errors, required);
        element = default;
        return false;
    }

    private static void Missing(string key, Errors errors, bool required)
    {
        if (required)
        {
            errors.Add(key, "Required.");
        }
    }

    private static JsonElement? Object(JsonElement? value, string key, Errors errors, bool required)
    {
        if (!Present(value, key, errors, required, out var element))
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(key, "Must be an object.");
            return null;
        }

        return element;
    }

    private static string? Text(JsonElement? value, string key, Errors errors, bool required, int max, bool multiline = false)
    {
        if (!Present(value, key, errors, required, out var element))
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            errors.Add(key, "Must be a string.");
            return null;
        }

        if (!JsonText.TryRead(element, out var raw))
        {
            errors.Add(key, JsonText.InvalidMessage);
            return null;
        }

        var text = raw.Trim();
        if (text.Length == 0)
        {
            Missing(key, errors, required);
            return null;
        }

        if (text.Length > max)
        {
            errors.Add(key, $"At most {max} characters ({text.Length} given).");
            return null;
        }

        if (HasForbiddenCharacters(text, multiline))
        {
            errors.Add(key, multiline ? "Control characters other than line breaks and tabs are not allowed." : "Control characters are not allowed.");
            return null;
        }

        return text;
    }

    private static T? Choice<T>(JsonElement? value, string key, Errors errors, bool required, string allowed)
        where T : struct, Enum
    {
        var text = Text(value, key, errors, required, 20);
        if (text is null)
        {
            return null;
        }

        if (!text.AsSpan().ContainsAnyExceptInRange('a', 'z') && Enum.TryParse<T>(text, ignoreCase: true, out var parsed))
        {
            return parsed;
        }

        errors.Add(key, $"Must be one of: {allowed}.");
        return null;
    }

    private static double? Number(JsonElement? value, string key, Errors errors, double min, double max)
    {
        if (!Present(value, key, errors, required: false, out var element))
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Number || !element.TryGetDouble(out var number) || double.IsNaN(number) || number < min || number > max)
        {
            errors.Add(key, $"Must be a number from {min} to {max}.");
            return null;
        }

        return number;
    }

    private DateTime? Time(JsonElement? value, string name, Errors errors)
    {
        var text = Text(value, name, errors, required: true, max: 40);
        if (text is null)
        {
            return null;
        }

        if (!ZonedTimePattern().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            errors.Add(name, "Must be an ISO 8601 date-time with a zone, e.g. 2026-11-25T14:03:00Z.");
            return null;
        }

        var utc = parsed.UtcDateTime;
        if (utc > clock.GetUtcNow().UtcDateTime + AllowedSkew)
        {
            errors.Add(name, "Must not be in the future.");
            return null;
        }

        if (utc.Year < 2000)
        {
            errors.Add(name, "Must be in the year 2000 or later.");
            return null;
        }

        return utc;
    }
}
