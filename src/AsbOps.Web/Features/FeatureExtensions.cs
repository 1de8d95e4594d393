using AsbOps.Web.Features.Account;
using AsbOps.Web.Features.ActionPlans;
using AsbOps.Web.Features.Admin;
using AsbOps.Web.Features.Assessments;
using AsbOps.Web.Features.Cases;
using AsbOps.Web.Features.Compliance;
using AsbOps.Web.Features.Dashboard;
using AsbOps.Web.Features.Exports;
using AsbOps.Web.Features.Guidance;
using AsbOps.Web.Features.HighRisk;
using AsbOps.Web.Features.Intake;
using AsbOps.Web.Features.Intake.Logging;
using AsbOps.Web.Features.Intake.Repeat;
using AsbOps.Web.Features.Intake.Screening;
using AsbOps.Web.Features.Metrics;
using AsbOps.Web.Features.Referrals;

namespace AsbOps.Web.Features;

/// <summary>One place that registers and maps every feature slice.</summary>
public static class FeatureExtensions
{
    public static IServiceCollection AddAsbOpsFeatures(this IServiceCollection services)
    {
        services.AddScoped<IncidentQueries>();
        services.AddScoped<IncidentLoggingService>();
        services.AddScoped<IncidentScreeningService>();
        services.AddRepeatFeature();
        services.AddScoped<GuidanceQueries>();
        services.AddScoped<GuidancePublishingService>();
        services.AddScoped<AdminQueries>();
        services.AddSingleton<EffectiveSettings>();
        services.AddCasesFeature();
        services.AddAssessmentsFeature();
        services.AddActionPlansFeature();
        services.AddReferralsFeature();
        services.AddSingleton<HighRiskProcedure>();
        services.AddOptions<ComplianceOptions>().BindConfiguration(ComplianceOptions.Section);
        services.AddScoped<IComplianceQueries, ComplianceQueries>();
        services.AddScoped<OpenCaseTally>();
        services.AddScoped<DashboardQueueQueries>();
        services.AddScoped<OpsDashboardQueries>();
        services.AddSingleton<DashboardSnapshots>();
        services.AddScoped<IOpsDashboardQueries, SnapshotDashboardQueries>();
        services.AddScoped<IMetricsQueries, MetricsQueries>();
        services.AddExportsFeature();
        return services;
    }

    public static void MapAsbOpsFeatures(this WebApplication app)
    {
        app.MapAccountEndpoints();
        app.MapExportEndpoints();
        app.MapMetricsEndpoints();
    }
}
