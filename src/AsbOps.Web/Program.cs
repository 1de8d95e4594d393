using AsbOps.Web;
using AsbOps.Web.Components;
using AsbOps.Web.Data;
using AsbOps.Web.Email;
using AsbOps.Web.Features;
using AsbOps.Web.Features.Intake.Simulator;
using AsbOps.Web.Jobs;
using AsbOps.Web.Live;
using AsbOps.Web.Security;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddAsbOpsData(builder.Configuration, builder.Environment);
builder.Services.AddAsbOpsSecurity(builder.Configuration);
builder.Services.AddAsbOpsUi();
builder.Services.AddAsbOpsFeatures();
builder.Services.AddAsbOpsApi();
builder.Services.AddFeedSimulator(builder.Configuration, args);
builder.Services.AddAsbOpsLive(builder.Configuration);
builder.Services.AddAsbOpsEmail(builder.Configuration);
builder.Services.AddAsbOpsJobs(builder.Configuration);
builder.Services.AddAsbOpsHealth();

var app = builder.Build();

if (await CommandLine.TryRunAsync(app, args))
{
    return;
}

await app.InitializeDatabaseAsync();

app.UseAsbOpsPipeline();
app.MapAsbOpsHealth();
app.MapAsbOpsFeatures();
app.MapAsbOpsApi();
app.MapAsbOpsLive();
app.UseAsbOpsJobs();
app.MapAsbOpsUi();

app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
await app.RunAsync();

/// <summary>Entry point; public so that tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
