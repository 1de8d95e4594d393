using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace AsbOps.Web.Security.SingleSignOn;

public static class SingleSignOnSetup
{
    /// <summary>
    /// The OpenID Connect handler when <c>Authentication:Oidc:Authority</c> is set: authorization code flow with PKCE,
    /// claims kept under the provider's own names, the answer held in Identity's external cookie until
    /// <see cref="SingleSignOnSession.CallbackPath"/> has matched the user. Bad settings stop the app at start.
    /// </summary>
    public static IServiceCollection AddAsbOpsSingleSignOn(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<SingleSignOnRefusals>();
        services.AddOptions<OidcOptions>().Bind(configuration.GetSection(OidcOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OidcOptions>, OidcOptionsValidator>();

        var oidc = configuration.GetSection(OidcOptions.Section).Get<OidcOptions>() ?? new OidcOptions();
        if (!oidc.Enabled || oidc.Problem() is not null)
        {
            return services;
        }

        services.AddAuthentication().AddOpenIdConnect(SingleSignOnSession.Scheme, oidc.DisplayName, options =>
        {
            options.SignInScheme = IdentityConstants.ExternalScheme;
            options.Authority = oidc.Authority;
            options.ClientId = oidc.ClientId;
            options.ClientSecret = string.IsNullOrEmpty(oidc.ClientSecret) ? null : oidc.ClientSecret;
            options.ResponseType = OpenIdConnectResponseType.Code;
            options.UsePkce = true;
            options.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
            options.MapInboundClaims = false;
            options.SaveTokens = false;
            options.GetClaimsFromUserInfoEndpoint = false;
            options.TokenValidationParameters.NameClaimType = "name";
            options.TokenValidationParameters.RoleClaimType = oidc.RoleClaim;
            options.Scope.Clear();
            foreach (var scope in oidc.ScopeList)
            {
                options.Scope.Add(scope);
            }

            if (!oidc.RequireHttpsMetadata)
            {
                // A loopback provider over plain http (the settings allow nothing else): cookies a browser keeps over http.
                options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.CorrelationCookie.SameSite = SameSiteMode.Lax;
                options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.NonceCookie.SameSite = SameSiteMode.Lax;
            }

            options.Events.OnRemoteFailure = context =>
            {
                var refusals = context.HttpContext.RequestServices.GetRequiredService<SingleSignOnRefusals>();
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SingleSignOnSetup))
                    .LogWarning(context.Failure, "Single sign-on with {Provider} failed", oidc.DisplayName);
                context.Response.Redirect(refusals.PageLink(new SingleSignOnRefusal("provider-error", "Sign-in did not complete",
                    $"{oidc.DisplayName} did not complete the sign-in ({context.Failure?.Message}). Try again; if it keeps failing, tell your administrator.")));
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
        return services;
    }

    private sealed class OidcOptionsValidator(IOptions<AsbOpsAuthenticationOptions> authentication) : IValidateOptions<OidcOptions>
    {
        public ValidateOptionsResult Validate(string? name, OidcOptions options)
        {
            if (options.Problem() is { } problem)
            {
                return ValidateOptionsResult.Fail(problem);
            }

            return !authentication.Value.LocalAccounts && !options.Enabled
                ? ValidateOptionsResult.Fail("Authentication:LocalAccounts=false needs single sign-on (Authentication:Oidc:Authority); without either nobody can sign in.")
                : ValidateOptionsResult.Success;
        }
    }
}
