using AsbOps.Domain.Compliance;
using AsbOps.Domain.Email;
using AsbOps.Web.Data;
using AsbOps.Web.Email;
using AsbOps.Web.Features.Compliance;
using AsbOps.Web.Features.Compliance.Workbook;
using AsbOps.Web.Live;
using AsbOps.Web.Security;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AsbOps.Web.Tests.Compliance;

/// <summary>The sweep and the weekly check over the hand-built compliance fixture (one breaking case per rule).</summary>
public sealed class ComplianceSweepTests(ComplianceFixture fixture) : IClassFixture<ComplianceFixture>
{
    public static TheoryData<ComplianceRule> Rules => new(Enum.GetValues<ComplianceRule>());

    private IDbContextFactory<AsbOpsDbContext> DbFactory => fixture.Services.GetRequiredService<IDbContextFactory<AsbOpsDbContext>>();

    private ComplianceSweepService Sweep(TimeProvider? clock = null, ComplianceOptions? options = null) =>
        new(DbFactory, Options.Create(options ?? new ComplianceOptions()), fixture.Services.GetRequiredService<OpsNotifier>(), clock ?? fixture.Clock);

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task TheSweepStoresAFindingForExactlyTheCasesThatBreakEachRule(ComplianceRule rule)
    {
        var result = await Sweep().SweepAsync();

        await using var db = fixture.CreateDbContext();
        var cases = await db.ComplianceFindings.Where(f => f.SnapshotId == result.SnapshotId && f.Rule == rule)
            .Join(db.Cases, f => f.CaseId, c => c.Id, (f, c) => c.Reference).OrderBy(r => r).ToListAsync();
        string[] expected = rule is ComplianceRule.VictimWithoutAssessment or ComplianceRule.PerpetratorWithoutAssessment
            ? [fixture.BreakingCase[rule], "ASB-2026-000101"]
            : [fixture.BreakingCase[rule]];
        Assert.Equal(expected.Order(), cases);
    }

    [Fact]
    public async Task TheSweepStoresTotalsCountsPerAreaAndRuleAndAreaHeadlines()
    {
        var result = await Sweep().SweepAsync();

        await using var db = fixture.CreateDbContext();
        var snapshot = await db.ComplianceSnapshots.Include(s => s.Counts).Include(s => s.AreaTotals).SingleAsync(s => s.Id == result.SnapshotId);
        Assert.False(snapshot.IsWeekly);
        Assert.Equal((13, 3, 4, 2, 1), (snapshot.OpenCases, snapshot.HighRiskCases, snapshot.MissingAssessments, snapshot.UnknownAnswers, snapshot.OverdueReviews));
        Assert.All(ComplianceRuleText.All, rule =>
            Assert.Equal(rule == ComplianceRule.UnknownAnswer ? 2 : 1, snapshot.Counts.Single(c => c.AreaId == fixture.AreaA && c.Rule == rule).Count));
        Assert.Equal(1, snapshot.Counts.Single(c => c.AreaId == fixture.AreaB && c.Rule == ComplianceRule.VictimWithoutAssessment).Count);
        Assert.Equal(0, snapshot.Counts.Single(c => c.AreaId == fixture.AreaB && c.Rule == ComplianceRule.ReviewOverdue).Count);
        var areaA = snapshot.AreaTotals.Single(t => t.AreaId == fixture.AreaA);
        var areaB = snapshot.AreaTotals.Single(t => t.AreaId == fixture.AreaB);
        Assert.Equal((12, 3, 3), (areaA.OpenCases, areaA.HighRiskCases, areaA.MissingAssessments));
        Assert.Equal((1, 0, 1), (areaB.OpenCases, areaB.HighRiskCases, areaB.MissingAssessments));
        Assert.Equal(9, result.Findings);
    }

    [Fact]
    public async Task TheSweepPublishesComplianceSweptAfterItsSnapshotIsCommitted()
    {
        var heard = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = fixture.Services.GetRequiredService<OpsNotifier>().Subscribe(async change =>
        {
            if (change.Kind == OpsChangeKind.ComplianceSwept)
            {
                await using var db = fixture.CreateDbContext();
                heard.TrySetResult(await db.ComplianceSnapshots.AnyAsync(s => s.TakenAt == ComplianceFixture.Now && s.Findings.Count > 0));
            }
        });

        await Sweep().SweepAsync();

        Assert.True(await heard.Task.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task OldSweepFindingsArePrunedWhileWeeklyFindingsStay()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(ComplianceFixture.Now).AddDays(-400));
        var options = new ComplianceOptions { SweepFindingsRetentionDays = 1, SweepRetentionDays = 90 };
        var weekly = await Sweep(clock, options).WeeklyAsync(ComplianceWeek.Of(clock.GetUtcNow().UtcDateTime));
        var old = await Sweep(clock, options).SweepAsync();
        clock.Advance(TimeSpan.FromDays(2));
        var recent = await Sweep(clock, options).SweepAsync();
        clock.Advance(TimeSpan.FromDays(100));
        await Sweep(clock, options).SweepAsync();

        await using var db = fixture.CreateDbContext();
        Assert.True(old.Findings > 0);
        Assert.True(recent.PrunedFindings >= old.Findings);
        Assert.False(await db.ComplianceFindings.AnyAsync(f => f.SnapshotId == old.SnapshotId));
        Assert.False(await db.ComplianceSnapshots.AnyAsync(s => s.Id == old.SnapshotId));
        Assert.True(await db.ComplianceFindings.AnyAsync(f => f.SnapshotId == weekly.SnapshotId));
    }

    [Fact]
    public async Task TheWeeklySnapshotIsTakenOncePerWeek()
    {
        // A week of its own: the weekly check test takes this week's snapshot too.
        var week = new ComplianceWeek(2030, 1);

        var first = await Sweep().WeeklyAsync(week);
        var again = await Sweep().WeeklyAsync(week);
        var racing = await Task.WhenAll(Sweep().WeeklyAsync(week), Sweep().WeeklyAsync(week));

        Assert.True(first.Created);
        Assert.False(again.Created);
        Assert.All(racing, r => Assert.Equal(first.SnapshotId, r.SnapshotId));
        await using var db = fixture.CreateDbContext();
        Assert.Equal(1, await db.ComplianceSnapshots.CountAsync(s => s.IsoWeek == week.Key));
    }

    [Fact]
    public async Task TheWeeklyCheckEmailsEachComplianceOfficerTheWorkbookOnceAWeek()
    {
        var officer = await fixture.AddUserAsync($"co-{Guid.NewGuid():N}@test.local", Roles.Compliance);
        var email = Options.Create(new EmailOptions());
        var check = new WeeklyComplianceCheck(DbFactory, Sweep(),
            new WeeklyWorkbookQueries(DbFactory, Options.Create(new AppOptions { BaseUrl = AppOptions.DefaultBaseUrl }), Options.Create(new ComplianceOptions()), fixture.Clock),
            new EmailOutbox(email, fixture.Clock), fixture.Clock);

        var first = await check.RunAsync();
        var second = await check.RunAsync();

        var week = ComplianceWeek.Of(ComplianceFixture.Now);
        await using var db = fixture.CreateDbContext();
        var message = await db.Outbox.SingleAsync(m => m.DedupKey == $"weekly:{week.Key}:{officer.Id}");
        Assert.Equal(officer.Email, message.To);
        Assert.Equal(OutboxStatus.Pending, message.Status);
        Assert.Equal($"compliance-{week.Key}.xlsx", message.AttachmentName);
        Assert.Contains("4 cases missing a risk assessment", message.Subject);
        Assert.True(first.Emailed >= 1);
        Assert.Equal(0, second.Emailed);
        using var workbook = new XLWorkbook(new MemoryStream(message.AttachmentContent!));
        Assert.Equal(4, workbook.Worksheet(WeeklyComplianceWorkbook.SummarySheet).Cell(9, 2).GetValue<int>());
        Assert.Equal("ASB-2026-000001", workbook.Worksheet(WeeklyComplianceWorkbook.RuleSheet(ComplianceRule.VictimWithoutAssessment)).Cell(2, 1).GetString());
    }
}
