using System.Security.Claims;
using System.Text.Json;
using AsbOps.Domain.Audit;
using AsbOps.Domain.Referrals;
using AsbOps.Web.Data;
using AsbOps.Web.Data.Auditing;
using AsbOps.Web.Security;
using AsbOps.Web.Security.SingleSignOn;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Features.Account;

/// <summary>
/// Turns the identity provider's answer into an AsbOps session. The user is found by their linked provider login, or
/// else by email (and then linked); an unknown user is created with the claims' role when
/// <c>Authentication:Oidc:CreateUsers</c> is on, refused otherwise. The claims decide the role (and the area and agency
/// when those claims are configured and sent) at every sign-in; a claim naming a role, area or agency AsbOps does not
/// know is refused, and so is a disabled user. Every change is audited and every sign-in recorded.
/// </summary>
public sealed class SingleSignOnFlow(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    AsbOpsDbContext db,
    IOptions<OidcOptions> options,
    TimeProvider clock,
    ILogger<SingleSignOnFlow> logger)
{
    private OidcOptions Oidc => options.Value;

    /// <summary>Signs the user in and returns null, or returns why not.</summary>
    public async Task<SingleSignOnRefusal?> SignInAsync(ClaimsPrincipal external, CancellationToken cancellationToken = default)
    {
        var subject = external.FindFirstValue("sub") ?? external.FindFirstValue(ClaimTypes.NameIdentifier);
        if (string.IsNullOrEmpty(subject))
        {
            return Refuse(null, "no-subject", "Sign-in did not complete", $"{Oidc.DisplayName} did not say who you are (no 'sub' claim). Tell your administrator.");
        }

        var email = EmailOf(external);
        var user = await users.FindByLoginAsync(SingleSignOnSession.Scheme, subject);
        if (user is null && email is not null)
        {
            user = await users.FindByEmailAsync(email);
            if (user is not null && (await users.GetLoginsAsync(user)).Any(l => l.LoginProvider == SingleSignOnSession.Scheme))
            {
                return Refuse(email, "linked-elsewhere", "Account linked to someone else",
                    $"The AsbOps account for {email} is linked to a different {Oidc.DisplayName} identity. Ask an administrator to check it.");
            }
        }

        if (user is null && email is null)
        {
            return Refuse(null, "no-email", "No email address",
                $"{Oidc.DisplayName} did not send an email address (claims 'email' or 'preferred_username'), so AsbOps cannot find your account.");
        }

        if (user is null && !Oidc.CreateUsers)
        {
            return Refuse(email, "unknown-user", "No AsbOps account",
                $"There is no AsbOps account for {email}. Ask an AsbOps administrator to invite you; you can then sign in with {Oidc.DisplayName}.");
        }

        if (user is not null && AccountStatus.IsDisabled(user, clock.GetUtcNow()))
        {
            return Refuse(email, "disabled", "Account disabled", $"The AsbOps account for {email ?? user.Email} is disabled. Ask an AsbOps administrator if you need it again.");
        }

        var grant = await ReadGrantAsync(external, user, cancellationToken);
        if (grant.Refusal is { } refused)
        {
            return Refuse(email ?? user?.Email, refused.Code, refused.Title, refused.Message);
        }

        db.AuditActor = new AuditActor(user?.Id, $"single sign-on: {email ?? user?.Email}");
        user ??= await CreateAsync(email!, DisplayNameOf(external, email!), grant);
        if (user is null)
        {
            return Refuse(email, "not-created", "Account not created", $"AsbOps could not create an account for {email}. Tell your administrator.");
        }

        await ApplyAsync(user, grant);
        if (!(await users.GetLoginsAsync(user)).Any(l => l.LoginProvider == SingleSignOnSession.Scheme))
        {
            // Found by email (or just created): from now on the provider's subject finds the user.
            await users.AddLoginAsync(user, new UserLoginInfo(SingleSignOnSession.Scheme, subject, Oidc.DisplayName));
        }

        RecordSignIn(user);
        await db.SaveChangesAsync(cancellationToken);
        await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: SingleSignOnSession.Scheme);
        logger.LogInformation("User signed in with single sign-on through {Provider}", Oidc.DisplayName);
        return null;
    }

    private sealed record Grant(string Role, int? AreaId, bool AreaSent, Agency? Agency, bool AgencySent, SingleSignOnRefusal? Refusal = null)
    {
        public static Grant Refused(string code, string title, string message) => new("", null, false, null, false, new SingleSignOnRefusal(code, title, message));
    }

    /// <summary>The role, area and agency the claims give, or why they cannot be used.</summary>
    private async Task<Grant> ReadGrantAsync(ClaimsPrincipal external, AppUser? user, CancellationToken cancellationToken)
    {
        var named = external.FindAll(Oidc.RoleClaim).Select(c => c.Value.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var unknown = named.Where(r => !Roles.All.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0)
        {
            return Grant.Refused("unknown-role", "Unknown role",
                $"{Oidc.DisplayName} gave the role {Quoted(unknown)}, which AsbOps does not have. AsbOps roles are {string.Join(", ", Roles.All)}. Ask your administrator to correct your role assignment.");
        }

        if (named.Count == 0)
        {
            return Grant.Refused("no-role", "No AsbOps role",
                $"{Oidc.DisplayName} gave you no AsbOps role (claim '{Oidc.RoleClaim}'). Ask your administrator to assign you one of {string.Join(", ", Roles.All)}.");
        }

        if (named.Count > 1)
        {
            return Grant.Refused("several-roles", "More than one role",
                $"{Oidc.DisplayName} gave you the roles {Quoted(named)}; an AsbOps user has exactly one. Ask your administrator to leave one.");
        }

        var role = Roles.All.First(r => string.Equals(r, named[0], StringComparison.OrdinalIgnoreCase));

        int? areaId = user?.AreaId;
        var areaCode = string.IsNullOrEmpty(Oidc.AreaClaim) ? null : external.FindFirstValue(Oidc.AreaClaim)?.Trim();
        var areaSent = !string.IsNullOrEmpty(areaCode);
        if (areaSent)
        {
            var area = await db.Areas.AsNoTracking().Where(a => a.Code == areaCode!.ToUpperInvariant())
                .Select(a => new { a.Id, a.RetiredAt }).SingleOrDefaultAsync(cancellationToken);
            if (area is null)
            {
                return Grant.Refused("unknown-area", "Unknown area",
                    $"{Oidc.DisplayName} gave the area '{areaCode}', which AsbOps does not have. Ask your administrator to correct it, or to add the area in AsbOps.");
            }

            if (area.RetiredAt is not null)
            {
                return Grant.Refused("retired-area", "Retired area",
                    $"{Oidc.DisplayName} gave the area '{areaCode}', which AsbOps has retired. Ask your administrator to give you your current area.");
            }

            areaId = area.Id;
        }

        if (role is Roles.Officer or Roles.Sergeant or Roles.Inspector && areaId is null)
        {
            return Grant.Refused("no-area", "No area",
                $"The role {role} works in one area, and neither {Oidc.DisplayName} (claim '{Oidc.AreaClaim}') nor AsbOps gives you one. Ask your administrator.");
        }

        var agency = user?.Agency;
        var agencyName = string.IsNullOrEmpty(Oidc.AgencyClaim) ? null : external.FindFirstValue(Oidc.AgencyClaim)?.Trim();
        var agencySent = !string.IsNullOrEmpty(agencyName);
        if (agencySent)
        {
            if (!Enum.TryParse<Agency>(agencyName, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(agencyName, out _))
            {
                return Grant.Refused("unknown-agency", "Unknown agency",
                    $"{Oidc.DisplayName} gave the agency '{agencyName}', which AsbOps does not have. AsbOps agencies are {string.Join(", ", Enum.GetNames<Agency>())}.");
            }

            agency = parsed;
        }

        if (role == Roles.Partner && agency is null)
        {
            return Grant.Refused("no-agency", "No agency",
                $"Partner users belong to an agency, and neither {Oidc.DisplayName} (claim '{Oidc.AgencyClaim}') nor AsbOps gives you one. Ask your administrator.");
        }

        return new Grant(role, areaId, areaSent, agency, agencySent);
    }

    private async Task<AppUser?> CreateAsync(string email, string displayName, Grant grant)
    {
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            AreaId = grant.AreaId,
            Agency = grant.Agency,
            PrimaryRole = grant.Role,
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            logger.LogWarning("Single sign-on could not create a user: {Errors}", string.Join(" ", created.Errors.Select(e => e.Description)));
            return null;
        }

        await users.AddToRoleAsync(user, grant.Role);
        logger.LogInformation("Single sign-on created a user with the role {Role}", grant.Role);
        return user;
    }

    /// <summary>The provider decides the role (and the area and agency it sends): a change is saved, audited, and stamps the user.</summary>
    private async Task ApplyAsync(AppUser user, Grant grant)
    {
        var current = await users.GetRolesAsync(user);
        var changed = false;
        if (current.Count != 1 || !string.Equals(current[0], grant.Role, StringComparison.OrdinalIgnoreCase) || user.PrimaryRole != grant.Role)
        {
            if (current.Count > 0)
            {
                await users.RemoveFromRolesAsync(user, current);
            }

            await users.AddToRoleAsync(user, grant.Role);
            user.PrimaryRole = grant.Role;
            changed = true;
        }

        if (user.AreaId != grant.AreaId)
        {
            user.AreaId = grant.AreaId;
            changed = true;
        }

        if (user.Agency != grant.Agency)
        {
            user.Agency = grant.Agency;
            changed = true;
        }

        if (changed)
        {
            await users.UpdateSecurityStampAsync(user);
        }
    }

    private void RecordSignIn(AppUser user) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserId = user.Id,
            UserName = user.UserName ?? user.Email ?? user.Id,
            Action = AuditAction.Update,
            EntityType = nameof(AppUser),
            EntityId = user.Id,
            Changes = JsonSerializer.Serialize(new SortedDictionary<string, object?>(StringComparer.Ordinal)
            {
                ["signedIn"] = new { from = (string?)null, to = $"single sign-on through {Oidc.DisplayName}" },
            }),
        });

    private SingleSignOnRefusal Refuse(string? email, string code, string title, string message)
    {
        logger.LogWarning("Single sign-on refused ({Code}) for {Email}: {Message}", code, email ?? "(no email)", message);
        return new SingleSignOnRefusal(code, title, message);
    }

    private static string? EmailOf(ClaimsPrincipal external)
    {
        foreach (var type in new[] { "email", ClaimTypes.Email, "preferred_username", "upn" })
        {
            if (external.FindFirstValue(type)?.Trim() is { Length: > 3 } value && value.Contains('@', StringComparison.Ordinal))
            {
                return value;
            }
        }

        return null;
    }

    private static string DisplayNameOf(ClaimsPrincipal external, string email) =>
        external.FindFirstValue("name")?.Trim() is { Length: > 0 } name ? name[..Math.Min(name.Length, 120)] : email;

    private static string Quoted(IEnumerable<string> values) => string.Join(", ", values.Select(v => $"'{v}'"));
}
