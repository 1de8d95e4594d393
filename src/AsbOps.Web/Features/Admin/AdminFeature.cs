namespace AsbOps.Web.Features.Admin;

public static class AdminFeature
{
    /// <summary>Users, areas, agencies, API clients, the effective settings, the outbox, the audit log and the jobs page.</summary>
    public static IServiceCollection AddAdminFeature(this IServiceCollection services)
    {
        services.AddScoped<AdminQueries>();
        services.AddScoped<Users.UserAdministration>();
        services.AddSingleton<Areas.AreaAdministration>();
        services.AddHostedService<Areas.AreaDirectoryRefresher>();
        services.AddSingleton<ApiClients.ApiClientAdministration>();
        services.AddSingleton<Outbox.OutboxAdministration>();
        services.AddSingleton<Audit.AuditQueries>();
        services.AddSingleton<Agencies.AgencyQueries>();
        services.AddSingleton<EffectiveSettings>();
        services.AddScoped<JobsAdminService>();
        return services;
    }
}
