using System.ComponentModel.DataAnnotations;
using System.Net.Mail;
using AsbOps.Web.Security;

namespace AsbOps.Web.Features.Admin.Users;

/// <summary>The rules of a user's record, run by the form as the administrator types and again by the service on save.</summary>
public static class UserRules
{
    public const int DisplayNameMaxLength = 120;
    public const int CollarNumberMaxLength = 20;

    /// <summary>Roles whose work is one area's: they need an area.</summary>
    public static bool NeedsArea(string role) => role is Roles.Officer or Roles.Sergeant or Roles.Inspector;

    public static IReadOnlyDictionary<string, string[]> Check(UserInput input, IReadOnlySet<int> openAreaIds, bool inviting)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (inviting && !IsEmailAddress(input.Email?.Trim()))
        {
            errors[nameof(UserInput.Email)] = ["Enter the user's email address, such as name@force.police.uk."];
        }

        if (string.IsNullOrWhiteSpace(input.DisplayName))
        {
            errors[nameof(UserInput.DisplayName)] = ["Enter the name people will see."];
        }
        else if (input.DisplayName.Trim().Length > DisplayNameMaxLength)
        {
            errors[nameof(UserInput.DisplayName)] = [$"Use at most {DisplayNameMaxLength} characters."];
        }

        if (input.CollarNumber is { Length: > CollarNumberMaxLength })
        {
            errors[nameof(UserInput.CollarNumber)] = [$"Use at most {CollarNumberMaxLength} characters."];
        }

        if (!Roles.All.Contains(input.Role))
        {
            errors[nameof(UserInput.Role)] = ["Choose a role."];
            return errors;
        }

        if (NeedsArea(input.Role))
        {
            if (input.AreaId is not { } area)
            {
                errors[nameof(UserInput.AreaId)] = ["Officers, sergeants and inspectors need an area."];
            }
            else if (!openAreaIds.Contains(area))
            {
                errors[nameof(UserInput.AreaId)] = ["This area is retired; choose an open one."];
            }
        }

        if (input.Role == Roles.Partner && input.Agency is null)
        {
            errors[nameof(UserInput.Agency)] = ["Partner users need an agency."];
        }

        return errors;
    }

    public static bool IsEmailAddress(string? email) =>
        email is { Length: > 0 and <= 256 }
        && new EmailAddressAttribute().IsValid(email)
        && MailAddress.TryCreate(email, out var parsed)
        && parsed.Address == email
        && parsed.Host.Contains('.', StringComparison.Ordinal);
}
