using AsbOps.Domain.Cases;
using AsbOps.Domain.Compliance;
using AsbOps.Web.Data;
using AsbOps.Web.Features.Compliance;
using AsbOps.Web.Features.Compliance.Workbook;
using AsbOps.Web.Live;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AsbOps.Web.Tests.Compliance;

/// <summary>This week's download sweeps first when the newest snapshot is stale, so it lists what the live page lists.</summary>
public sealed class CurrentWeekWorkbookTests(ComplianceFixture fixture) : IClassFixture<ComplianceFixture>
{
    private async Task<XLWorkbook> DownloadThisWeekAsync(HttpClient client)
    {
        using var response = await client.GetAsync(WeeklyWorkbookEndpoint.WeeklyWorkbookPath);
        response.EnsureSuccessStatusCode();
        return new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
    }

    private static List<string> References(XLWorkbook workbook, ComplianceRule rule) =>
        workbook.Worksheet(WeeklyComplianceWorkbook.RuleSheet(rule)).Column(1).CellsUsed().Skip(1).Select(c => c.GetString()).ToList();

    [Fact]
    public async Task ACaseThatBrokeARuleAfterTheLastSweepIsInThisWeeksDownload()
    {
        // The last scheduled sweep, five minutes ago by the app's clock.
        var earlier = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(-5));
        await new ComplianceSweepService(
            fixture.Services.GetRequiredService<IDbContextFactory<AsbOpsDbContext>>(), Options.Create(new ComplianceOptions()),
            fixture.Services.GetRequiredService<OpsNotifier>(), earlier).SweepAsync();
        await fixture.AddUserAsync("co-current@test.local", Roles.Compliance);
        var client = await fixture.CreateSignedInClientAsync("co-current@test.local");
        await using (var db = fixture.CreateDbContext())
        {
            var b = new CaseBuilder(db, fixture.GuidanceVersionId, fixture.Clock.GetUtcNow().UtcDateTime);
            var late = b.Case(fixture.AreaA, "ASB-2026-000777", openedHoursAgo: 1);
            b.Person(late, PersonRole.Witness);
            await db.SaveChangesAsync();
        }

        using var workbook = await DownloadThisWeekAsync(client);

        Assert.Contains("ASB-2026-000777", References(workbook, ComplianceRule.NoVictimNoLocationAssessment));
    }
}
