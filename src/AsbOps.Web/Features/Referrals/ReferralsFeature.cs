namespace AsbOps.Web.Features.Referrals;

public static class ReferralsFeature
{
    /// <summary>Referrals to partner agencies and their outcomes.</summary>
    public static IServiceCollection AddReferralsFeature(this IServiceCollection services)
    {
        services.AddScoped<IReferralService, ReferralService>();
        return services;
    }
}
