using AsbOps.Web.Data;
using AsbOps.Web.Security.ApiKeys;
using AsbOps.Web.Security.Passwords;
using AsbOps.Web.Security.SignIn;
using AsbOps.Web.Security.SingleSignOn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace AsbOps.Web.Security;

public static class SecurityServiceCollectionExtensions
{
    /// <summary>Identity with a login cookie, lockout after repeated failures, and a login required everywhere.</summary>
    public static IServiceCollection AddAsbOpsSecurity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddApiKeys(configuration);
        services.AddCascadingAuthenticationState();
        services.AddScoped<CurrentUser>();
        services.AddScoped<MfaRequirement>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<FailedAuthenticationLimit>();
        SignInLimitOptions.AddSignInLimits(services, configuration);
        // Open circuits re-check the user's security stamp every minute (Blazor's own provider never does).
        services.AddScoped<AuthenticationStateProvider, SessionRevalidatingStateProvider>();
        services.AddSingleton<SetPasswordLinks>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddIdentityCore<AppUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // NCSC: length, no composition rules. Checked only when a password is set; sign-in never checks it.
                options.Password.RequiredLength = AsbOpsAuthenticationOptions.MinimumPasswordLength;
                options.Password.RequiredUniqueChars = 1;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Tokens.PasswordResetTokenProvider = SetPasswordTokenProvider.ProviderName;
                options.Lockout.AllowedForNewUsers = true;
                // The lockout itself (count, doubling, clock) is AppUserManager's, from Authentication:SignInLimits.
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AsbOpsDbContext>()
            .AddUserManager<AppUserManager>()
            .AddSignInManager<AppSignInManager>()
            .AddPasswordValidator<CommonPasswordValidator<AppUser>>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<SetPasswordTokenProvider>(SetPasswordTokenProvider.ProviderName);
        services.AddOptions<AsbOpsAuthenticationOptions>()
            .Bind(configuration.GetSection(AsbOpsAuthenticationOptions.Section))
            .Validate(o => o.SetPasswordLinkHours > 0, "Authentication:SetPasswordLinkHours must be more than 0.")
            .ValidateOnStart();
        services.AddAsbOpsDataProtection(configuration, environment);
        services.AddAsbOpsSingleSignOn(configuration);

        // A disabled user, or one whose role or password an administrator changed, loses their session within a minute:
        // those changes renew the security stamp, and the cookie is checked against it this often.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.Cookie.Name = "asbops.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(10);
            // The security stamp is checked on every request, not Identity's default of every 30 minutes.
            options.Events.OnValidatePrincipal = SessionValidation.ValidateOnEveryRequestAsync;
            options.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(InteractivePolicy, policy => policy.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser())
            // The fallback also accepts an API key, so an API request that matches no endpoint (wrong content type,
            // say) gets its real answer rather than a login challenge.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(ApiPolicies.Scheme).RequireAuthenticatedUser().Build());
        return services;
    }

    /// <summary>
    /// Pages and the Blazor circuit: a signed-in user (the login cookie) only. An API key opens neither, though the
    /// fallback policy accepts one for the API.
    /// </summary>
    public const string InteractivePolicy = "interactive";

    /// <summary>API and hub calls get a status code rather than a redirect to the login page.</summary>
    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/_blazor"))
        {
            return status == StatusCodes.Status401Unauthorized
                ? ApiProblems.WriteAsync(context.HttpContext, status, "Sign in first", "Only a signed-in user may open the app; an API key cannot.")
                : ApiProblems.WriteAsync(context.HttpContext, status, "Not allowed", "Your role does not allow this.");
        }

        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs"))
        {
            return status == StatusCodes.Status401Unauthorized
                ? ApiProblems.WriteAsync(context.HttpContext, status, "Missing or unknown API key",
                    $"Send a valid key in the {ApiKeyAuthenticationHandler.HeaderName} header, or sign in.")
                : ApiProblems.WriteAsync(context.HttpContext, status, "Not allowed",
                    "Your key or role does not allow this request.");
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
