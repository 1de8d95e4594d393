using AsbOps.Domain.Cases;
using AsbOps.Domain.Compliance;
using AsbOps.Web.Data.Seeding;
using AsbOps.Web.Features.Compliance;
using AsbOps.Web.Live;
using AsbOps.Web.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.Compliance;

/// <summary>A demo force of its own for <see cref="ComplianceBoardTests"/>, which changes cases.</summary>
public sealed class ComplianceBoardForce : IAsyncLifetime, IDisposable
{
    public DemoForceAppFactory App { get; } = new("Development", new DemoOptions().Seed, DemoForceAppFactory.Today);

    public async Task InitializeAsync() => await App.GenerateAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => App.Dispose();
}

/// <summary>
/// The live compliance page's board (ADR 0022) shows on the demo force exactly what the database queries show, reads
/// only the changed case when a change names it, and reads the whole force again after a minute (in the background
/// while it is asked for, at once after two minutes unasked) or a change that names no case. Each test compares the board with the queries after its change.
/// </summary>
public sealed class ComplianceBoardTests(ComplianceBoardForce force) : IClassFixture<ComplianceBoardForce>
{
    private const int Cap = CompliancePage.FindingsPerRule;

    private ComplianceBoard Board => force.App.Services.GetRequiredService<ComplianceBoard>();

    private OpsNotifier Notifier => force.App.Services.GetRequiredService<OpsNotifier>();

    private async Task<string> FromDatabaseAsync(int? areaId)
    {
        await using var scope = force.App.Services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<IComplianceQueries>();
        var counts = await queries.CountAsync(areaId);
        var findings = new Dictionary<ComplianceRule, IReadOnlyList<ComplianceFindingRow>>();
        foreach (var rule in ComplianceRuleText.All)
        {
            findings[rule] = await queries.FindingsAsync(rule, areaId, Cap);
        }

        return Describe(counts, findings);
    }

    private async Task<string> FromBoardAsync(int? areaId)
    {
        var live = await Board.GetAsync(areaId, Cap);
        return Describe(live.Counts, live.Findings);
    }

    /// <summary>Every count of every area and rule, and every listed finding in order with what it says.</summary>
    private static string Describe(ComplianceCounts counts, IReadOnlyDictionary<ComplianceRule, IReadOnlyList<ComplianceFindingRow>> findings)
    {
        var lines = counts.Areas.Append(counts.Total).Select(a =>
            $"{a.AreaCode}: open {a.OpenCases}, high {a.HighRiskCases}, missing {a.MissingAssessments}, unknown {a.UnknownAnswers}, "
            + $"overdue {a.OverdueReviews}, " + string.Join(", ", ComplianceRuleText.All.Select(r => $"rule {(int)r} {a[r]}")));
        var listed = ComplianceRuleText.All.SelectMany(rule => findings[rule].Select(f =>
            $"rule {(int)rule}: {f.CaseRef} {f.AreaCode} {f.LeadOfficer} {f.Since:O} {f.AgeDays} {f.Missing}"));
        return string.Join("\n", lines.Concat(listed));
    }

    private async Task<(long Id, string Reference, string Area)> CaseBreakingAsync(ComplianceRule rule)
    {
        var live = await Board.GetAsync(null, Cap);
        var finding = live.Findings[rule][0];
        return (finding.CaseId, finding.CaseRef, finding.AreaCode);
    }

    [Fact]
    public async Task OnTheDemoForceTheBoardShowsWhatTheDatabaseQueriesShow()
    {
        var expected = await FromDatabaseAsync(null);
        Assert.Equal(expected, await FromBoardAsync(null));
        Assert.Contains("rule 6: ASB-", expected);

        await using var db = force.App.CreateDbContext();
        var area = await db.Areas.Where(a => db.Cases.Any(c => c.AreaId == a.Id)).OrderBy(a => a.Code).Select(a => a.Id).FirstAsync();
        Assert.Equal(await FromDatabaseAsync(area), await FromBoardAsync(area));
    }

    [Fact]
    public async Task AChangeNamingItsCaseIsReadAloneAndShowsAtOnce()
    {
        var (id, reference, area) = await CaseBreakingAsync(ComplianceRule.HighRiskWithoutPlanOrMarker);
        var full = Board.FullReadings;
        var reread = Board.CasesReread;

        await using (var db = force.App.CreateDbContext())
        {
            await db.Cases.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CaseStatus.Closed));
        }

        Notifier.Publish(new OpsChange(OpsChangeKind.CaseChanged, area, reference));

        var live = await Board.GetAsync(null, Cap);
        Assert.DoesNotContain(live.Findings[ComplianceRule.HighRiskWithoutPlanOrMarker], f => f.CaseRef == reference);
        Assert.Equal(await FromDatabaseAsync(null), await FromBoardAsync(null));
        Assert.Equal(full, Board.FullReadings);
        Assert.Equal(reread + 1, Board.CasesReread);
    }

    [Fact]
    public async Task AChangeNotHeardShowsWithinAMinuteOnceTheBackgroundReadingIsIn()
    {
        var (id, reference, _) = await CaseBreakingAsync(ComplianceRule.ReviewOverdue);
        await Board.ReadingInBackground;
        var full = Board.FullReadings;

        await using (var db = force.App.CreateDbContext())
        {
            await db.Cases.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CaseStatus.Closed));
        }

        Assert.Contains((await Board.GetAsync(null, Cap)).Findings[ComplianceRule.ReviewOverdue], f => f.CaseRef == reference);

        // A minute on, the page is answered from the reading it has while the whole force is read in the background.
        force.App.Clock.Advance(ComplianceBoard.MaxAge);
        Assert.Contains((await Board.GetAsync(null, Cap)).Findings[ComplianceRule.ReviewOverdue], f => f.CaseRef == reference);
        await Board.ReadingInBackground;

        Assert.DoesNotContain((await Board.GetAsync(null, Cap)).Findings[ComplianceRule.ReviewOverdue], f => f.CaseRef == reference);
        Assert.Equal(full + 1, Board.FullReadings);
        Assert.Equal(await FromDatabaseAsync(null), await FromBoardAsync(null));
    }

    [Fact]
    public async Task AReadingNobodyAskedForInTwoMinutesIsReadAgainBeforeTheAnswer()
    {
        var (id, reference, _) = await CaseBreakingAsync(ComplianceRule.ReviewOverdue);
        await Board.GetAsync(null, Cap);
        await Board.ReadingInBackground;
        var full = Board.FullReadings;

        await using (var db = force.App.CreateDbContext())
        {
            await db.Cases.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CaseStatus.Closed));
        }

        force.App.Clock.Advance(ComplianceBoard.ServedWhileReadingUpTo);

        Assert.DoesNotContain((await Board.GetAsync(null, Cap)).Findings[ComplianceRule.ReviewOverdue], f => f.CaseRef == reference);
        Assert.Equal(full + 1, Board.FullReadings);
        Assert.Equal(await FromDatabaseAsync(null), await FromBoardAsync(null));
    }

    [Fact]
    public async Task ACaseChangedWhileTheForceIsReadInTheBackgroundIsNotLost()
    {
        var (_, reference, area) = await CaseBreakingAsync(ComplianceRule.HighRiskWithoutPlanOrMarker);
        await Board.ReadingInBackground;
        var reread = Board.CasesReread;

        force.App.Clock.Advance(ComplianceBoard.MaxAge);
        await Board.GetAsync(null, Cap);
        // Heard while the background reading may or may not have read the case: it is read again once that is in.
        await using (var db = force.App.CreateDbContext())
        {
            await db.Cases.Where(c => c.Reference == reference).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CaseStatus.Closed));
        }

        Notifier.Publish(new OpsChange(OpsChangeKind.CaseChanged, area, reference));
        await Board.ReadingInBackground;

        var live = await Board.GetAsync(null, Cap);
        Assert.DoesNotContain(live.Findings[ComplianceRule.HighRiskWithoutPlanOrMarker], f => f.CaseRef == reference);
        Assert.True(Board.CasesReread > reread);
        Assert.Equal(await FromDatabaseAsync(null), await FromBoardAsync(null));
    }

    [Fact]
    public async Task AChangeNamingNoCaseReadsTheWholeForceAgain()
    {
        await Board.GetAsync(null, Cap);
        var full = Board.FullReadings;

        Notifier.Publish(new OpsChange(OpsChangeKind.AreasChanged, null));
        await Board.GetAsync(null, Cap);
        Assert.Equal(full + 1, Board.FullReadings);

        // An incident that is on no case yet changes no rule: nothing is read again.
        Notifier.Publish(new OpsChange(OpsChangeKind.IncidentReceived, null));
        await Board.GetAsync(null, Cap);
        Assert.Equal(full + 1, Board.FullReadings);
    }

    [Fact]
    public async Task ManyPagesAskingAtOnceGetTheSameAnswerFromOneReading()
    {
        await Board.ReadingInBackground;
        force.App.Clock.Advance(ComplianceBoard.ServedWhileReadingUpTo);
        var full = Board.FullReadings;

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => FromBoardAsync(null)));

        Assert.Single(answers.Distinct());
        Assert.Equal(full + 1, Board.FullReadings);

        // A minute on, they are all answered from that reading while one more is read in the background.
        force.App.Clock.Advance(ComplianceBoard.MaxAge);
        var later = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => FromBoardAsync(null)));
        await Board.ReadingInBackground;
        Assert.Equal(answers[0], later.Distinct().Single());
        Assert.Equal(full + 2, Board.FullReadings);
    }
}
