using AsbOps.Web;
using AsbOps.Web.Api;
using AsbOps.Web.Components;
using AsbOps.Web.Data;
using AsbOps.Web.Email;
using AsbOps.Web.Features.Account;
using AsbOps.Web.Features.ActionPlans;
using AsbOps.Web.Features.Admin;
using AsbOps.Web.Features.Alerts;
using AsbOps.Web.Features.Assessments;
using AsbOps.Web.Features.CaseRecord;
using AsbOps.Web.Features.CaseReviews;
using AsbOps.Web.Features.Cases;
using AsbOps.Web.Features.Compliance;
using AsbOps.Web.Features.Dashboard;
using AsbOps.Web.Features.Guidance;
using AsbOps.Web.Features.HighRisk;
using AsbOps.Web.Features.Intake;
using AsbOps.Web.Features.Map;
using AsbOps.Web.Features.Markers;
using AsbOps.Web.Features.Metrics;
using AsbOps.Web.Features.MyWork;
using AsbOps.Web.Features.People;
using AsbOps.Web.Features.Referrals;
using AsbOps.Web.Features.Reminders;
using AsbOps.Web.Features.Retention;
using AsbOps.Web.Jobs;
using AsbOps.Web.Live;
using AsbOps.Web.Security;
using AsbOps.Web.Telemetry;

var builder = WebApplication.CreateBuilder(args);

// The host: data, security, UI, API, live messages, email and the scheduler.
builder.Services.AddAsbOpsAppOptions(builder.Configuration);
builder.AddAsbOpsTransportSecurity();
builder.Services.AddAsbOpsData(builder.Configuration, builder.Environment);
builder.Services.AddAsbOpsSecurity(builder.Configuration, builder.Environment);
builder.Services.AddAsbOpsUi();
builder.Services.AddAsbOpsApi();
builder.Services.AddAsbOpsLive(builder.Configuration);
builder.Services.AddAsbOpsJobs(builder.Configuration);
builder.Services.AddAsbOpsEmail(builder.Configuration);
builder.Services.AddAsbOpsHealth();
builder.AddAsbOpsTelemetry();

// The slices.
builder.Services.AddAccountFeature();
builder.Services.AddIntakeFeature(builder.Configuration, args);
builder.Services.AddCasesFeature();
builder.Services.AddPeopleFeature();
builder.Services.AddAssessmentsFeature();
builder.Services.AddHighRiskFeature();
builder.Services.AddActionPlansFeature();
builder.Services.AddReferralsFeature();
builder.Services.AddCaseRecordFeature();
builder.Services.AddRetentionFeature();
builder.Services.AddCaseReviewsFeature();
builder.Services.AddMarkersFeature();
builder.Services.AddAlertsFeature();
builder.Services.AddMyWorkFeature();
builder.Services.AddMapFeature();
builder.Services.AddRemindersFeature();
builder.Services.AddComplianceFeature();
builder.Services.AddDashboardFeature();
builder.Services.AddMetricsFeature();
builder.Services.AddGuidanceFeature();
builder.Services.AddAdminFeature();

CommandLine.Configure(builder, args);
var app = builder.Build();

if (await CommandLine.TryRunAsync(app, args, Console.Out, Console.Error) is { } exitCode)
{
    return exitCode;
}

app.HoldDatabaseLock();
await app.InitializeDatabaseAsync();
app.WarnIfBaseUrlIsDefault();
await app.WarnIfNoAdministratorAsync();

app.UseAsbOpsPipeline();
app.MapAsbOpsHealth();
app.MapAsbOpsTelemetry();
var api = app.MapAsbOpsApi();
api.MapIntakeFeature();
api.MapMarkersFeature();
api.MapMetricsApi();
api.MapCaseReviewsApi();
app.MapAccountFeature();
app.MapCasesFeature();
app.MapCaseRecordFeature();
app.MapPeopleFeature();
app.MapCaseReviewsFeature();
app.MapComplianceFeature();
app.MapMetricsFeature();
app.MapDashboardFeature();
app.UseAsbOpsJobs();
app.MapAsbOpsUi();

var demoLogins = await StartupBanner.ShowsDemoLoginsAsync(app.Services, app.Environment);
app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(Console.Out, StartupBanner.Addresses(app.Services), app.Environment, demoLogins));
await app.RunAsync();
return 0;

/// <summary>Entry point; public so that tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
