using System.Globalization;
using System.Text.Json;
using AsbOps.Domain.CaseReviews;
using AsbOps.Domain.Incidents;
using AsbOps.Web.Api;

namespace AsbOps.Web.Features.CaseReviews;

/// <summary>
/// Reads <c>POST /api/v1/case-reviews</c>'s body into an <see cref="ApplicationInput"/>, naming every bad field: unknown
/// or repeated fields, wrong JSON types and text that is not valid are reported here, the rules of the application by
/// <see cref="ApplicationRules"/> (their keys turned into the body's field names).
/// </summary>
public static class ApplicationRequestReader
{
    public static readonly IReadOnlyDictionary<string, string> FieldNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [nameof(ApplicationInput.ApplicantReference)] = "applicantReference",
        [nameof(ApplicationInput.AreaId)] = "areaCode",
        [nameof(ApplicationInput.CaseRef)] = "caseRef",
        [nameof(ApplicationInput.ApplicantKind)] = "applicantKind",
        [nameof(ApplicationInput.ApplicantName)] = "applicantName",
        [nameof(ApplicationInput.OnBehalfOf)] = "onBehalfOf",
        [nameof(ApplicationInput.ReceivedVia)] = "receivedVia",
        [nameof(ApplicationInput.ReceivedAt)] = "receivedAt",
        [nameof(ApplicationInput.ContactPhone)] = "contactPhone",
        [nameof(ApplicationInput.ContactEmail)] = "contactEmail",
        [nameof(ApplicationInput.ContactAddress)] = "contactAddress",
        [nameof(ApplicationInput.Category)] = "category",
        [nameof(ApplicationInput.Postcode)] = "postcode",
        [nameof(ApplicationInput.Account)] = "account",
        [nameof(ApplicationInput.Reports)] = "reports",
    };

    private static readonly Dictionary<string, CaseReviewApplicant> Kinds = new(StringComparer.Ordinal)
    {
        ["victim"] = CaseReviewApplicant.Victim,
        ["thirdParty"] = CaseReviewApplicant.ThirdParty,
    };

    private static readonly Dictionary<string, CaseReviewChannel> Channels = new(StringComparer.Ordinal)
    {
        ["phone"] = CaseReviewChannel.Phone,
        ["email"] = CaseReviewChannel.Email,
        ["letter"] = CaseReviewChannel.Letter,
        ["inPerson"] = CaseReviewChannel.InPerson,
        ["onlineForm"] = CaseReviewChannel.OnlineForm,
        ["partner"] = CaseReviewChannel.Partner,
    };

    private static readonly Dictionary<string, AsbCategory> Categories = new(StringComparer.Ordinal)
    {
        ["personal"] = AsbCategory.Personal,
        ["nuisance"] = AsbCategory.Nuisance,
        ["environmental"] = AsbCategory.Environmental,
    };

    /// <summary>The input and the area code given, or the errors keyed by the body's field names.</summary>
    public static (ApplicationInput Input, string? AreaCode, Dictionary<string, string[]> Errors) Read(JsonElement root)
    {
        var input = new ApplicationInput();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string? areaCode = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors["body"] = ["Send one JSON object."];
            return (input, null, errors);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var known = FieldNames.Values.ToHashSet(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            if (!JsonText.TryReadName(property, out var name))
            {
                errors["body"] = ["A field name is not valid text: " + JsonText.InvalidMessage];
                continue;
            }

            if (!known.Contains(name))
            {
                errors[name] = ["Unknown field."];
                continue;
            }

            if (!seen.Add(name))
            {
                errors[name] = ["Given more than once; send each field once."];
                continue;
            }

            var value = property.Value;
            if (value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            if (name == "reports")
            {
                ReadReports(value, input, errors);
                continue;
            }

            if (value.ValueKind != JsonValueKind.String)
            {
                errors[name] = ["Must be a string."];
                continue;
            }

            if (!JsonText.TryRead(value, out var text))
            {
                errors[name] = [JsonText.InvalidMessage];
                continue;
            }

            Assign(name, text, input, errors, ref areaCode);
        }

        if (areaCode is null && !errors.ContainsKey("areaCode"))
        {
            errors["areaCode"] = ["Required: the area's code (GET /api/v1/areas)."];
        }

        if (string.IsNullOrWhiteSpace(input.ApplicantReference) && !errors.ContainsKey("applicantReference"))
        {
            errors["applicantReference"] = ["Required: your reference for the application; a repeat under it is recognised."];
        }

        return (input, areaCode, errors);
    }

    private static void Assign(string name, string text, ApplicationInput input, Dictionary<string, string[]> errors, ref string? areaCode)
    {
        switch (name)
        {
            case "applicantReference": input.ApplicantReference = text; break;
            case "areaCode": areaCode = text; break;
            case "caseRef": input.CaseRef = text; break;
            case "applicantName": input.ApplicantName = text; break;
            case "onBehalfOf": input.OnBehalfOf = text; break;
            case "contactPhone": input.ContactPhone = text; break;
            case "contactEmail": input.ContactEmail = text; break;
            case "contactAddress": input.ContactAddress = text; break;
            case "postcode": input.Postcode = text; break;
            case "account": input.Account = text; break;
            case "applicantKind":
                if (Kinds.TryGetValue(text, out var kind)) { input.ApplicantKind = kind; } else { errors[name] = ["One of: victim, thirdParty."]; }
                break;
            case "receivedVia":
                if (Channels.TryGetValue(text, out var via)) { input.ReceivedVia = via; } else { errors[name] = ["One of: " + string.Join(", ", Channels.Keys) + "."]; }
                break;
            case "category":
                if (Categories.TryGetValue(text, out var category)) { input.Category = category; } else { errors[name] = ["One of: personal, nuisance, environmental."]; }
                break;
            case "receivedAt":
                if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
                    && text.Length >= 20 && (text.EndsWith('Z') || text[^6] is '+' or '-'))
                {
                    input.ReceivedAt = DateTime.SpecifyKind(at, DateTimeKind.Utc);
                }
                else
                {
                    errors[name] = ["A UTC ISO 8601 time, e.g. 2026-11-25T14:03:00Z."];
                }

                break;
        }
    }

    private static void ReadReports(JsonElement value, ApplicationInput input, Dictionary<string, string[]> errors)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors["reports"] = ["Must be an array of incident references (stormRef)."];
            return;
        }

        var refs = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || !JsonText.TryRead(item, out var text) || string.IsNullOrWhiteSpace(text)
                || text.Any(c => char.IsWhiteSpace(c) || c is ',' or ';'))
            {
                errors["reports"] = ["Each report must be an incident reference (stormRef) as a string."];
                return;
            }

            refs.Add(text);
        }

        input.Reports = string.Join(",", refs);
    }

    /// <summary>The rules' errors, keyed by the body's field names.</summary>
    public static Dictionary<string, string[]> ToBodyFields(IReadOnlyDictionary<string, string> errors) =>
        errors.ToDictionary(e => FieldNames.GetValueOrDefault(e.Key, e.Key), e => new[] { e.Value }, StringComparer.Ordinal);
}
