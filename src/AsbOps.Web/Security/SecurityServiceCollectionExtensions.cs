using AsbOps.Web.Data;
using AsbOps.Web.Security.ApiKeys;
using Microsoft.AspNetCore.Authorization;
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
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AsbOpsDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<SetPasswordTokenProvider>(SetPasswordTokenProvider.ProviderName);
        services.AddOptions<AsbOpsAuthenticationOptions>()
            .Bind(configuration.GetSection(AsbOpsAuthenticationOptions.Section))
            .Validate(o => o.SetPasswordLinkHours > 0, "Authentication:SetPasswordLinkHours must be more than 0.")
            .ValidateOnStart();
        services.AddAsbOpsDataProtection(configuration, environment);

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
            options.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
        });

        services.AddAuthorizationBuilder()
            // The fallback also accepts an API key, so an API request that matches no endpoint (wrong content type,
            // say) gets its real answer rather than a login challenge.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(ApiPolicies.Scheme).RequireAuthenticatedUser().Build());
        return services;
    }

    /// <summary>API and hub calls get a status code rather than a redirect to the login page.</summary>
    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
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
