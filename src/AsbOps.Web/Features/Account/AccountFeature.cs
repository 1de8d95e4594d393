namespace AsbOps.Web.Features.Account;

public static class AccountFeature
{
    /// <summary>The first administrator (command line and start-up check), sign-in and two-step verification.</summary>
    public static IServiceCollection AddAccountFeature(this IServiceCollection services) =>
        services.AddScoped<FirstAdministrator>().AddScoped<PasswordSetting>().AddScoped<SignInFlow>().AddScoped<TwoFactorEnrolment>()
            .AddScoped<SingleSignOnFlow>();

    /// <summary>Sign-in pages are components; the sign-out and single sign-on's two steps are endpoints.</summary>
    public static void MapAccountFeature(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapAccountEndpoints();
        endpoints.MapSingleSignOnEndpoints();
    }
}
