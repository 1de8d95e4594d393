using System.Net;
using AsbOps.Domain.Compliance;
using AsbOps.Web.Features.Compliance;
using AsbOps.Web.Features.Compliance.Workbook;
using AsbOps.Web.Security;
using ClosedXML.Excel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Tests.Compliance;

public sealed class WeeklyWorkbookEndpointTests(ComplianceFixture fixture) : IClassFixture<ComplianceFixture>
{
    [Fact]
    public async Task AComplianceOfficerDownloadsAHeldWeekAndOtherRolesAreTurnedAway()
    {
        var week = new ComplianceWeek(2026, 11);
        var sweep = new ComplianceSweepService(
            fixture.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Web.Data.AsbOpsDbContext>>(),
            Options.Create(new ComplianceOptions()), fixture.Services.GetRequiredService<Web.Live.OpsNotifier>(), fixture.Clock);
        await sweep.WeeklyAsync(week);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        await fixture.AddUserAsync($"co-{suffix}@test.local", Roles.Compliance);
        await fixture.AddUserAsync($"sgt-{suffix}@test.local", Roles.Sergeant, fixture.AreaA);
        var compliance = await fixture.CreateSignedInClientAsync($"co-{suffix}@test.local");
        var sergeant = await fixture.CreateSignedInClientAsync($"sgt-{suffix}@test.local");

        using var ok = await compliance.GetAsync(WeeklyWorkbookEndpoint.WeeklyWorkbookUrl(week));
        using var missing = await compliance.GetAsync($"{WeeklyWorkbookEndpoint.WeeklyWorkbookPath}?week=2020-W01");
        using var bad = await compliance.GetAsync($"{WeeklyWorkbookEndpoint.WeeklyWorkbookPath}?week=2026-W99");
        using var denied = await sergeant.GetAsync(WeeklyWorkbookEndpoint.WeeklyWorkbookUrl(week));
        using var anonymous = await fixture.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(WeeklyWorkbookEndpoint.WeeklyWorkbookUrl(week));

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("compliance-2026-W11.xlsx", ok.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var workbook = new XLWorkbook(new MemoryStream(await ok.Content.ReadAsByteArrayAsync()));
        Assert.Equal(4, workbook.Worksheet(WeeklyComplianceWorkbook.SummarySheet).Cell(9, 2).GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/Account/AccessDenied", denied.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/Account/Login", anonymous.Headers.Location!.OriginalString);
    }
}
