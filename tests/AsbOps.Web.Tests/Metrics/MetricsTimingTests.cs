using AsbOps.Domain.Cases;
using AsbOps.Domain.Reminders;
using AsbOps.Domain.Risk;
using AsbOps.Web.Features.Metrics;
using AsbOps.Web.Tests.Compliance;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.Metrics;

/// <summary>
/// Area TIM, period 1–10 March 2026, values counted by hand:
/// cases opened in the period reach a first complete assessment after 2 h (a later one after 50 h does not count),
/// 10 h and 30 h; one has only a draft. A case opened in February (1 h) and one in area TIMB (500 h) are left out.
/// Reminders queued in the period: 3 on an assessment still unknown, 1 on one with no unknown left, 2 on a superseded
/// one; 4 queued in February and 5 in area TIMB are left out.
/// </summary>
public sealed class MetricsTimingFixture() : MetricsFixtureBase("TIM", "TIMB")
{
    protected override async Task SeedAsync(Web.Data.AsbOpsDbContext db, CaseBuilder b, int other)
    {
        var twoHours = b.Case(Area, "ASB-2026-000301", openedHoursAgo: 100);
        var stillUnknown = Completed(b, twoHours, openedHoursAgo: 100, afterHours: 2, unknownCount: 2);
        Completed(b, twoHours, openedHoursAgo: 100, afterHours: 50);
        var tenHours = b.Case(Area, "ASB-2026-000302", openedHoursAgo: 120);
        var noUnknownLeft = Completed(b, tenHours, openedHoursAgo: 120, afterHours: 10);
        var thirtyHours = b.Case(Area, "ASB-2026-000303", openedHoursAgo: 200);
        var superseded = Completed(b, thirtyHours, openedHoursAgo: 200, afterHours: 30, unknownCount: 1, current: false);
        var draftOnly = b.Case(Area, "ASB-2026-000304", openedHoursAgo: 48);
        b.Assess(draftOnly, b.Person(draftOnly, PersonRole.Victim), RiskLevel.NotAssessed, AssessmentStatus.Draft, createdDaysAgo: 1);
        var february = b.Case(Area, "ASB-2026-000305", openedHoursAgo: 24 * 20);
        var februaryAssessment = Completed(b, february, openedHoursAgo: 24 * 20, afterHours: 1, unknownCount: 1);
        var elsewhere = b.Case(other, "ASB-2026-000306", openedHoursAgo: 24 * 30);
        var elsewhereAssessment = Completed(b, elsewhere, openedHoursAgo: 24 * 30, afterHours: 500, unknownCount: 1);
        await db.SaveChangesAsync();

        Remind(db, stillUnknown, count: 3, queuedDaysAgo: 1);
        Remind(db, noUnknownLeft, count: 1, queuedDaysAgo: 2);
        Remind(db, superseded, count: 2, queuedDaysAgo: 3);
        Remind(db, februaryAssessment, count: 4, queuedDaysAgo: 14);
        Remind(db, elsewhereAssessment, count: 5, queuedDaysAgo: 2);
        await db.SaveChangesAsync();
    }

    private static Assessment Completed(CaseBuilder b, AsbCase c, double openedHoursAgo, double afterHours, int unknownCount = 0,
        bool current = true)
    {
        var assessment = b.Assess(c, b.Person(c, PersonRole.Victim), RiskLevel.Medium, current: current, unknownCount: unknownCount);
        assessment.CreatedAt = Now.AddHours(-openedHoursAgo);
        assessment.CompletedAt = Now.AddHours(afterHours - openedHoursAgo);
        return assessment;
    }

    private static void Remind(Web.Data.AsbOpsDbContext db, Assessment assessment, int count, double queuedDaysAgo)
    {
        for (var step = 1; step <= count; step++)
        {
            var queuedAt = Now.AddDays(-queuedDaysAgo).AddHours(-step);
            db.Reminders.Add(new Reminder
            {
                AssessmentId = assessment.Id,
                CaseId = assessment.CaseId,
                Step = step,
                DueAt = queuedAt,
                QueuedAt = queuedAt,
                RecipientUserId = "test",
            });
        }
    }

}

public sealed class MetricsTimingTests(MetricsTimingFixture fixture) : IClassFixture<MetricsTimingFixture>
{
    private MetricsFilter InPeriod(int? version = null) =>
        new(version, fixture.Area, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 10));

    [Fact]
    public async Task TimeToFirstCompleteAssessmentCountsCasesOpenedInTheAreaAndPeriodFromTheirEarliestCompleteAssessment()
    {
        var metrics = await fixture.CreateQueries().LoadAsync(InPeriod());

        Assert.Equal(new TimeToFirstAssessment(3, 10, 26, 1), Rounded(metrics.TimeToFirstAssessment));
    }

    [Fact]
    public async Task CasesOfAnotherGuidanceVersionCountAsHavingNoCompleteAssessment()
    {
        var metrics = await fixture.CreateQueries().LoadAsync(InPeriod(version: fixture.VersionId + 1000));

        Assert.Equal(new TimeToFirstAssessment(0, null, null, 4), metrics.TimeToFirstAssessment);
    }

    [Fact]
    public async Task RemindersPerAssessmentCountRemindersQueuedInTheAreaAndPeriodAndAnswersGivenSince()
    {
        var metrics = await fixture.CreateQueries().LoadAsync(InPeriod());

        Assert.Equal(new RemindersPerAssessment(3, 2.0, 3, 2), metrics.Reminders);
    }

    [Fact]
    public async Task WithoutAFilterEveryReminderAndCaseCounts()
    {
        var metrics = await fixture.CreateQueries().LoadAsync(new MetricsFilter());

        // (3 + 1 + 2 + 4 + 5) / 5 reminders; durations 1, 2, 10, 30, 500 h → median 10 h, p90 30 + 0.6 × 470 = 312 h.
        Assert.Equal(new RemindersPerAssessment(5, 3.0, 5, 2), metrics.Reminders);
        Assert.Equal(new TimeToFirstAssessment(5, 10, 312, 1), Rounded(metrics.TimeToFirstAssessment));
    }

    [Fact]
    public async Task AnotherGuidanceVersionHasNoReminders()
    {
        var metrics = await fixture.CreateQueries().LoadAsync(InPeriod(version: fixture.VersionId + 1000));

        Assert.Equal(new RemindersPerAssessment(0, 0, 0, 0), metrics.Reminders);
    }

    [Theory]
    [InlineData(new[] { 2.0, 10, 30 }, 0.5, 10)]
    [InlineData(new[] { 2.0, 10, 30 }, 0.9, 26)]
    [InlineData(new[] { 2.0, 10 }, 0.5, 6)]
    [InlineData(new[] { 7.0 }, 0.9, 7)]
    public void PercentilesInterpolateLinearlyBetweenClosestRanks(double[] ascending, double p, double expected) =>
        Assert.Equal(expected, MetricsQueries.Percentile(ascending, p)!.Value, precision: 9);

    [Fact]
    public void ThePercentileOfNoDurationsIsUnknown() => Assert.Null(MetricsQueries.Percentile([], 0.5));

    private static TimeToFirstAssessment Rounded(TimeToFirstAssessment t) =>
        t with { Median = t.Median is { } m ? Math.Round(m, 6) : null, P90 = t.P90 is { } p ? Math.Round(p, 6) : null };
}
