using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Compliance;
using AsbOps.Domain.Risk;
using AsbOps.Web.Data;
using AsbOps.Web.Features.Metrics;
using AsbOps.Web.Tests.Infrastructure;
using ClosedXML.Excel;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AsbOps.Web.Tests.Metrics;

/// <summary>
/// Area TRN, period 1 Feb – 10 Mar 2026 (now is 10 Mar 12:00), monthly, version 2 published 3 Mar:
/// <list type="bullet">
/// <item>Case 1 opened 2 Feb 10:00, closed 20 Feb, marker 2 Feb – 12 Feb 16:00. Victim complete 2 Feb 16:00, high, lowered to
/// medium and rejected: vulnerable yes, repeatVictim unknown (still open), targeted yes. Perpetrator complete 3 Feb 10:00,
/// computed low raised to medium: escalating answered yes on 5 Feb 10:00 after being left unknown.</item>
/// <item>Case 2 opened 2 Mar 08:00, open at high. Victim complete 2 Mar 20:00, medium: vulnerable no, repeatVictim unknown.
/// Location complete 4 Mar 08:00, computed medium raised to high: vulnerableNearby unknown. A draft is ignored.</item>
/// <item>Case 3 opened 5 Mar 12:00, no assessment. Case 0 opened and assessed high in January (before the period).</item>
/// <item>Weekly checks 9 Feb (case 1: unknown answer, high risk without plan or marker), 16 Feb (case 1: unknown answer),
/// 9 Mar (case 2: unknown answer; the other area's case: review overdue).</item>
/// <item>Area TRNB: one case opened 10 Feb, victim complete that day at high, vulnerable yes: left out unless force-wide.</item>
/// </list>
/// </summary>
public sealed class MetricsTrendFixture() : MetricsFixtureBase("TRN", "TRNB")
{
    public const string Key = "test-metrics-key";

    public static readonly DateOnly From = new(2026, 2, 1);
    public static readonly DateOnly To = new(2026, 3, 10);

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ApiClients:0:Name"] = "analysts",
        ["ApiClients:0:Key"] = Key,
        ["ApiClients:0:Scopes:0"] = "ops:read",
        ["ApiClients:0:RequestsPerMinute"] = "600000",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now)));
    }

    public IMetricsTrendQueries Trends => Services.GetRequiredService<IMetricsTrendQueries>();

    private static DateTime At(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, DateTimeKind.Utc);

    private static Assessment Done(Assessment a, DateTime at)
    {
        a.CreatedAt = at;
        a.CompletedAt = a.Status == AssessmentStatus.Complete ? at : null;
        return a;
    }

    protected override async Task SeedAsync(AsbOpsDbContext db, CaseBuilder b, int other)
    {
        (await db.GuidanceVersions.SingleAsync(v => v.Number == 1)).PublishedAt = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        db.GuidanceVersions.Add(new RiskGuidanceVersion
        {
            Number = 2,
            PublishedAt = At(3, 3, 9),
            Notes = "Version 2 for the trend test",
            Definition = RiskGuidanceV1.Definition,
        });

        var c1 = b.Case(Area, openedAt: At(2, 2, 10), level: RiskLevel.High, status: CaseStatus.Closed, with: c => c.ClosedAt = At(2, 20, 9));
        var a1 = Done(b.Assess(c1, b.Person(c1, PersonRole.Victim, RiskLevel.High), RiskLevel.High), At(2, 2, 16));
        a1.JudgementLevel = RiskLevel.Medium;
        a1.JudgementApproval = OverrideApproval.Rejected;
        b.Answer(a1, "vulnerable", "yes");
        b.Answer(a1, "repeatVictim", "unknown");
        b.Answer(a1, "targeted", "yes");
        var a2 = Done(b.Assess(c1, b.Person(c1, PersonRole.Perpetrator, RiskLevel.Medium), RiskLevel.Medium), At(2, 3, 10));
        a2.ComputedLevel = RiskLevel.Low;
        a2.JudgementLevel = RiskLevel.Medium;
        a2.JudgementApproval = OverrideApproval.NotRequired;
        b.Answer(a2, "escalating", "yes");
        a2.Answers[^1].AnsweredAt = At(2, 5, 10);

        var c2 = b.Case(Area, openedAt: At(3, 2, 8), level: RiskLevel.High);
        var a3 = Done(b.Assess(c2, b.Person(c2, PersonRole.Victim, RiskLevel.Medium), RiskLevel.Medium), At(3, 2, 20));
        b.Answer(a3, "vulnerable", "no");
        b.Answer(a3, "repeatVictim", "unknown");
        var a5 = Done(b.Assess(c2, null, RiskLevel.High), At(3, 4, 8));
        a5.ComputedLevel = RiskLevel.Medium;
        a5.JudgementLevel = RiskLevel.High;
        a5.JudgementApproval = OverrideApproval.NotRequired;
        b.Answer(a5, "vulnerableNearby", "unknown");
        var draft = Done(b.Assess(c2, b.Person(c2, PersonRole.Victim), RiskLevel.NotAssessed, AssessmentStatus.Draft), At(3, 6, 8));
        b.Answer(draft, "vulnerable", "unknown");

        b.Case(Area, openedAt: At(3, 5, 12));
        var c0 = b.Case(Area, openedAt: At(1, 20, 9), level: RiskLevel.High);
        Done(b.Assess(c0, b.Person(c0, PersonRole.Victim, RiskLevel.High), RiskLevel.High), At(1, 25, 9));

        var x1 = b.Case(other, openedAt: At(2, 10, 9), level: RiskLevel.High);
        var x = Done(b.Assess(x1, b.Person(x1, PersonRole.Victim, RiskLevel.High), RiskLevel.High), At(2, 10, 9));
        b.Answer(x, "vulnerable", "yes");
        await db.SaveChangesAsync();

        b.Marker(c1, active: false, placedAt: At(2, 2, 16), endedAt: At(2, 12, 16));
        db.ComplianceSnapshots.AddRange(
            Check(At(2, 9, 6), "2026-W07", (c1, Area, ComplianceRule.UnknownAnswer), (c1, Area, ComplianceRule.HighRiskWithoutPlanOrMarker)),
            Check(At(2, 16, 6), "2026-W08", (c1, Area, ComplianceRule.UnknownAnswer)),
            Check(At(3, 9, 6), "2026-W11", (c2, Area, ComplianceRule.UnknownAnswer), (x1, other, ComplianceRule.ReviewOverdue)));
        await db.SaveChangesAsync();
    }

    private static ComplianceSnapshot Check(DateTime at, string week, params (AsbCase Case, int Area, ComplianceRule Rule)[] findings) => new()
    {
        TakenAt = at,
        IsWeekly = true,
        IsoWeek = week,
        Findings = [.. findings.Select(f => new ComplianceFinding { CaseId = f.Case.Id, AreaId = f.Area, Rule = f.Rule, Detail = "test", Since = at })],
    };
}

public sealed class MetricsTrendQueriesTests(MetricsTrendFixture fixture) : IClassFixture<MetricsTrendFixture>
{
    private const double Hour = 1.0 / 24;

    private Task<MetricsTrends> LoadAsync(int? area = -1, TrendGrain grain = TrendGrain.Month) =>
        fixture.Trends.LoadAsync(new MetricsFilter(null, area == -1 ? fixture.Area : area, MetricsTrendFixture.From, MetricsTrendFixture.To, grain));

    [Fact]
    public async Task PeriodsAreTheMonthsOfThePeriodWithVersionTwoMarkedInMarch()
    {
        var t = await LoadAsync();

        Assert.Equal(["Feb 2026", "Mar 2026"], t.Periods.Select(p => p.Label));
        Assert.Equal((new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 11)), (t.Periods[1].Start, t.Periods[1].End));
        Assert.Equal([[], [2]], t.Periods.Select(p => p.VersionsStarting.ToArray()));
        Assert.Equal("Mar 2026 (v2 starts)", t.Periods[1].MarkedLabel);
    }

    [Fact]
    public void WeeksStartOnMondayAndAreClippedToThePeriod()
    {
        var weeks = TrendCalendar.Cut(new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 10), TrendGrain.Week);

        Assert.Equal(
        [
            (new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 2), "w/c 26 Jan 2026"),
            (new DateOnly(2026, 2, 2), new DateOnly(2026, 2, 9), "w/c 2 Feb 2026"),
            (new DateOnly(2026, 2, 9), new DateOnly(2026, 2, 11), "w/c 9 Feb 2026"),
        ], weeks);
    }

    [Fact]
    public async Task AnswerDistributionCountsEachOptionOfCompleteAssessmentsByMonth()
    {
        var t = await LoadAsync();

        int[] Counts(AssessmentKind kind, string key, string value) =>
            [.. t.Answers.Single(a => a.Matrix == kind && a.QuestionKey == key && a.Value == value).Counts];
        Assert.Equal([1, 0], Counts(AssessmentKind.Victim, "vulnerable", "yes"));
        Assert.Equal([0, 1], Counts(AssessmentKind.Victim, "vulnerable", "no"));
        Assert.Equal([0, 0], Counts(AssessmentKind.Victim, "vulnerable", "unknown"));
        Assert.Equal([1, 1], Counts(AssessmentKind.Victim, "repeatVictim", "unknown"));
        Assert.Equal([1, 0], Counts(AssessmentKind.Victim, "targeted", "yes"));
        Assert.Equal([1, 0], Counts(AssessmentKind.Perpetrator, "escalating", "yes"));
        Assert.Equal([0, 1], Counts(AssessmentKind.Location, "vulnerableNearby", "unknown"));
        Assert.Equal(7, t.Answers.Sum(a => a.Total));
        Assert.Equal(["First time", "Less than weekly", "Weekly", "Daily or more"],
            t.Answers.Where(a => a.Matrix == AssessmentKind.Victim && a.QuestionKey == "frequency").Select(a => a.OptionLabel));
    }

    [Fact]
    public async Task UnknownShareAndHowLongUnknownsStayOpen()
    {
        var t = await LoadAsync();

        var repeat = t.Unknowns.Single(u => u.Matrix == AssessmentKind.Victim && u.QuestionKey == "repeatVictim");
        Assert.Equal([1, 1], repeat.Answered);
        Assert.Equal([1, 1], repeat.Unknown);
        Assert.Equal(1.0, repeat.Share(0));
        var vulnerable = t.Unknowns.Single(u => u.Matrix == AssessmentKind.Victim && u.QuestionKey == "vulnerable");
        Assert.Equal((0.0, 0.0), (vulnerable.Share(0), vulnerable.Share(1)));
        var escalating = t.Unknowns.Single(u => u.QuestionKey == "escalating");
        Assert.Null(escalating.Share(1));
        Assert.Equal(5, t.Unknowns.Count);

        // February: escalating answered 2 days after completion; repeatVictim open since 2 Feb 16:00 (35 days 20 hours).
        Assert.Equal(1, t.UnknownLife[0].Answered);
        Assert.Equal(2.0, t.UnknownLife[0].MedianDaysToAnswer!.Value, 6);
        Assert.Equal(1, t.UnknownLife[0].StillOpen);
        Assert.Equal(35 + (20 * Hour), t.UnknownLife[0].MedianDaysOpen!.Value, 6);
        // March: two open, 7 days 16 hours and 6 days 4 hours: median 6 days 22 hours.
        Assert.Equal((0, (double?)null, 2), (t.UnknownLife[1].Answered, t.UnknownLife[1].MedianDaysToAnswer, t.UnknownLife[1].StillOpen));
        Assert.Equal(6 + (22 * Hour), t.UnknownLife[1].MedianDaysOpen!.Value, 6);
    }

    [Fact]
    public async Task TimeFromOpeningToFirstCompleteAssessmentByMonthOfOpening()
    {
        var t = await LoadAsync();

        Assert.Equal(new TimeToFirstPoint(1, 1, 6, 6), t.TimeToFirst[0]);
        Assert.Equal(new TimeToFirstPoint(2, 1, 12, 12), t.TimeToFirst[1]);
    }

    [Fact]
    public async Task LevelsByRoleAndOverridesWithTheSergeantsDecisions()
    {
        var t = await LoadAsync();

        Assert.Equal(["Victim", "Perpetrator", "Location"], t.Levels.Select(l => l.Role));
        var victim = t.Levels[0];
        Assert.Equal([0, 0], victim.Low);
        Assert.Equal([0, 1], victim.Medium);
        Assert.Equal([1, 0], victim.High);
        Assert.Equal([1, 0], t.Levels[1].Medium);
        Assert.Equal([0, 1], t.Levels[2].High);
        Assert.Equal(new OverridePoint(1, 1, 0, 1, 0, 0), t.Overrides[0]);
        Assert.Equal(new OverridePoint(1, 0, 0, 0, 0, 0), t.Overrides[1]);
    }

    [Fact]
    public async Task HighRiskWorkloadAndComplianceRulesBroken()
    {
        var t = await LoadAsync();

        Assert.Equal(new HighRiskPoint(1, 0, 10), t.HighRisk[0]);
        Assert.Equal((1, 1), (t.HighRisk[1].Entering, t.HighRisk[1].StillHigh));
        Assert.Equal(6 + (4 * Hour), t.HighRisk[1].MedianDaysHigh!.Value, 6);
        int[] Rule(ComplianceRule rule) => [.. t.Rules.Single(r => r.Rule == rule).Cases];
        Assert.Equal([1, 1], Rule(ComplianceRule.UnknownAnswer));
        Assert.Equal([1, 0], Rule(ComplianceRule.HighRiskWithoutPlanOrMarker));
        Assert.Equal([0, 0], Rule(ComplianceRule.ReviewOverdue));
        Assert.Equal(3, t.Rules.Sum(r => r.Cases.Sum()));
    }

    [Fact]
    public async Task TheAreaFilterAppliesToTheTrendsAndForceWideAddsTheOtherArea()
    {
        var forceWide = await LoadAsync(area: null);

        Assert.Equal(2, forceWide.HighRisk[0].Entering);
        Assert.Equal([2, 0], forceWide.Levels.Single(l => l.Role == "Victim").High);
        Assert.Equal([0, 1], forceWide.Rules.Single(r => r.Rule == ComplianceRule.ReviewOverdue).Cases);
        Assert.Equal([2, 0], forceWide.Answers.Single(a => a.Matrix == AssessmentKind.Victim && a.QuestionKey == "vulnerable" && a.Value == "yes").Counts);
    }

    [Fact]
    public async Task TheApiAndTheWorkbookGiveTheServicesNumbers()
    {
        var expected = MetricsTrendSections.Build(await LoadAsync());
        using var client = fixture.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", MetricsTrendFixture.Key);

        using var response = await client.GetAsync("/api/v1/metrics?from=2026-02-01&to=2026-03-10&area=trn");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var sections = json.RootElement.GetProperty("sections").EnumerateArray().ToList();
        Assert.Equal(expected.Select(s => s.Key), sections.Select(s => s.GetProperty("key").GetString()));
        for (var i = 0; i < expected.Count; i++)
        {
            var columns = sections[i].GetProperty("columns").EnumerateArray().ToList();
            Assert.Equal(expected[i].Columns.Select(c => c.Name), columns.Select(c => c.GetProperty("name").GetString()));
            Assert.Equal(expected[i].Columns.Select(c => c.Values), columns.Select(c => c.GetProperty("values").EnumerateArray()
                .Select(v => v.ValueKind == JsonValueKind.Null ? (double?)null : v.GetDouble()).ToList()));
        }

        Assert.Equal(["Feb 2026", "Mar 2026"], json.RootElement.GetProperty("periods").EnumerateArray().Select(p => p.GetProperty("label").GetString()));

        var file = new MemoryStream();
        MetricsWorkbook.Write(FakeMetricsQueries.Empty, new MetricsSelection("All versions", "TRN", MetricsTrendFixture.From, MetricsTrendFixture.To),
            file, await LoadAsync());
        file.Position = 0;
        using var workbook = new XLWorkbook(file);
        foreach (var section in expected)
        {
            var ws = workbook.Worksheet(MetricsTrendSheets.SheetName(section.Group));
            var title = ws.Column(1).CellsUsed().Single(c => c.GetString() == section.Title);
            for (var c = 0; c < section.Columns.Count; c++)
            {
                Assert.Equal(section.Columns[c].Name, title.CellBelow().CellRight(c + 1).GetString());
                for (var p = 0; p < 2; p++)
                {
                    var cell = title.CellBelow().CellBelow(p + 1).CellRight(c + 1);
                    // A workbook keeps 15 significant digits.
                    Assert.Equal(section.Columns[c].Values[p] is null, cell.IsEmpty());
                    Assert.Equal(section.Columns[c].Values[p] ?? 0, cell.IsEmpty() ? 0 : cell.GetValue<double>(), 9);
                }
            }
        }
    }

    [Theory]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("to=yesterday", "to")]
    [InlineData("from=2026-03-01&to=2026-02-01", "to")]
    [InlineData("area=NOWHERE", "area")]
    [InlineData("version=99", "version")]
    [InlineData("grain=fortnight", "grain")]
    public async Task BadParametersAnswerAProblemNamingTheField(string query, string field)
    {
        using var client = fixture.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", MetricsTrendFixture.Key);

        using var response = await client.GetAsync("/api/v1/metrics?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([field], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task TheApiNeedsTheOpsReadScope()
    {
        using var client = fixture.CreateClient();

        using var response = await client.GetAsync("/api/v1/metrics");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
