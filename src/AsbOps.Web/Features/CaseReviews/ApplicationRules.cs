using System.Net.Mail;
using AsbOps.Domain.CaseReviews;
using AsbOps.Domain.Cases;

namespace AsbOps.Web.Features.CaseReviews;

/// <summary>The rules of an application, run by the form, again by the service, and by the API (field by field).</summary>
public static class ApplicationRules
{
    public const int MaxReports = 50;
    public const int MaxReference = 100;

    /// <summary>Errors keyed by <see cref="ApplicationInput"/>'s property names; nothing is stored while any remain.</summary>
    public static Dictionary<string, string> Validate(ApplicationInput input, DateTime now)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (input.AreaId is null)
        {
            errors[nameof(input.AreaId)] = "Choose the area.";
        }

        if (input.ApplicantReference is { } reference && (reference.Trim().Length is 0 or > MaxReference))
        {
            errors[nameof(input.ApplicantReference)] = $"Give 1 to {MaxReference} characters, or leave it empty.";
        }

        if (!string.IsNullOrWhiteSpace(input.CaseRef) && !CaseReference.TryParse(input.CaseRef.Trim(), out _))
        {
            errors[nameof(input.CaseRef)] = "Not a case reference (e.g. ASB-2026-000123).";
        }

        if (input.ApplicantKind is not { } kind || !Enum.IsDefined(kind))
        {
            errors[nameof(input.ApplicantKind)] = "Say whether the victim applied or someone on their behalf.";
        }

        Text(errors, nameof(input.ApplicantName), input.ApplicantName, CaseReviewApplication.MaxName, "Give the applicant's name.");
        if (input.ApplicantKind == CaseReviewApplicant.ThirdParty)
        {
            Text(errors, nameof(input.OnBehalfOf), input.OnBehalfOf, CaseReviewApplication.MaxName, "Give the name of the victim they apply for.");
        }
        else if (input.OnBehalfOf is { Length: > CaseReviewApplication.MaxName })
        {
            errors[nameof(input.OnBehalfOf)] = $"At most {CaseReviewApplication.MaxName} characters.";
        }

        if (input.ReceivedVia is not { } via || !Enum.IsDefined(via))
        {
            errors[nameof(input.ReceivedVia)] = "Say how the application was received.";
        }

        if (input.ReceivedAt is not { } received)
        {
            errors[nameof(input.ReceivedAt)] = "Give the date it was received.";
        }
        else if (received > now.AddMinutes(5))
        {
            errors[nameof(input.ReceivedAt)] = "Cannot be in the future.";
        }
        else if (received < now.AddYears(-2))
        {
            errors[nameof(input.ReceivedAt)] = "More than two years ago: check the date.";
        }

        Contact(errors, input);
        if (input.Category is not { } category || !Enum.IsDefined(category))
        {
            errors[nameof(input.Category)] = "Choose the kind of ASB: personal, nuisance or environmental.";
        }

        if (string.IsNullOrWhiteSpace(input.Postcode))
        {
            errors[nameof(input.Postcode)] = "Give the postcode where the behaviour happens.";
        }
        else if (Domain.Places.Postcode.Normalise(input.Postcode) is null)
        {
            errors[nameof(input.Postcode)] = "Not a UK postcode (e.g. LE11 1AA).";
        }

        Text(errors, nameof(input.Account), input.Account, CaseReviewApplication.MaxText, "Describe the behaviour and the reports made about it.");
        if (input.ReportRefs().Count > MaxReports)
        {
            errors[nameof(input.Reports)] = $"At most {MaxReports} reports.";
        }

        return errors;
    }

    private static void Contact(Dictionary<string, string> errors, ApplicationInput input)
    {
        var phone = input.ContactPhone?.Trim();
        var email = input.ContactEmail?.Trim();
        var address = input.ContactAddress?.Trim();
        if (string.IsNullOrEmpty(phone) && string.IsNullOrEmpty(email) && string.IsNullOrEmpty(address))
        {
            errors[nameof(input.ContactPhone)] = "Give at least one way to reach the applicant: phone, email or address.";
            return;
        }

        if (!string.IsNullOrEmpty(phone) && (phone.Length is < 6 or > 40 || !phone.All(c => char.IsDigit(c) || c is ' ' or '+' or '(' or ')' or '-')))
        {
            errors[nameof(input.ContactPhone)] = "Not a phone number (digits, spaces, + ( ) - only).";
        }

        if (!string.IsNullOrEmpty(email) && (email.Length > 254 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email))
        {
            errors[nameof(input.ContactEmail)] = "Not an email address.";
        }

        if (address is { Length: > 400 })
        {
            errors[nameof(input.ContactAddress)] = "At most 400 characters.";
        }
    }

    internal static void Text(Dictionary<string, string> errors, string field, string? value, int max, string missing)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = missing;
        }
        else if (value.Trim().Length > max)
        {
            errors[field] = $"At most {max} characters.";
        }
    }
}
