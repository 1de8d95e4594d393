using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace AsbOps.Web.Security.ApiKeys;

/// <summary>Authorization policies of the public API and hub: a key with the scope, or a login with the role.</summary>
public static class ApiPolicies
{
    /// <summary>Chooses the API key scheme when a key is presented, the login cookie otherwise.</summary>
    public const string Scheme = "ApiOrCookie";

    public const string IncidentsWrite = "api:incidents:write";
    public const string MarkersRead = "api:markers:read";
    public const string OpsRead = "api:ops:read";
    public const string CaseReviewsWrite = "api:casereviews:write";

    /// <summary>Any valid key or any signed-in user (reference data).</summary>
    public const string AnyClient = "api:any";

    public static IServiceCollection AddApiKeys(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<List<ApiClientOptions>>(configuration.GetSection(ApiClientOptions.Section));
        services.AddSingleton<ApiKeyRegistry>();
        services.AddSingleton<StoredApiClientLookup>();
        services.AddSingleton<IAuthorizationHandler, ScopeOrRoleHandler>();
        services.AddAuthentication()
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddPolicyScheme(Scheme, "API key or login", options =>
                options.ForwardDefaultSelector = context => ApiKeyAuthenticationHandler.PresentedKey(context.Request) is not null
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme);

        services.AddAuthorizationBuilder()
            .AddPolicy(IncidentsWrite, Policy(ApiScopes.IncidentsWrite, Roles.Officer, Roles.Sergeant, Roles.Inspector, Roles.Admin))
            .AddPolicy(MarkersRead, Policy(ApiScopes.MarkersRead, Roles.Officer, Roles.Sergeant, Roles.Inspector, Roles.Compliance, Roles.Admin))
            .AddPolicy(OpsRead, Policy(ApiScopes.OpsRead, Roles.Officer, Roles.Sergeant, Roles.Inspector, Roles.Compliance, Roles.Analyst, Roles.Admin))
            .AddPolicy(CaseReviewsWrite, Policy(ApiScopes.CaseReviewsWrite, Roles.Officer, Roles.Sergeant, Roles.Inspector, Roles.Admin))
            .AddPolicy(AnyClient, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        return services;
    }

    private static Action<AuthorizationPolicyBuilder> Policy(string scope, params string[] roles) => policy => policy
        .AddAuthenticationSchemes(Scheme)
        .RequireAuthenticatedUser()
        .AddRequirements(new ScopeOrRoleRequirement(scope, roles));
}
