using Microsoft.AspNetCore.Authorization;

namespace AsbOps.Web.Security.ApiKeys;

/// <summary>Met by a machine client whose key carries <see cref="Scope"/>, or a signed-in user in one of <see cref="Roles"/>.</summary>
public sealed record ScopeOrRoleRequirement(string Scope, IReadOnlyList<string> Roles) : IAuthorizationRequirement;

public sealed class ScopeOrRoleHandler : AuthorizationHandler<ScopeOrRoleRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeOrRoleRequirement requirement)
    {
        var user = context.User;
        if (user.HasClaim(ApiScopes.ClaimType, requirement.Scope) || requirement.Roles.Any(user.IsInRole))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
