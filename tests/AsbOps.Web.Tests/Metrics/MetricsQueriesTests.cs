using AsbOps.Domain.Cases;
using AsbOps.Domain.Risk;
using AsbOps.Web.Features.Metrics;
using AsbOps.Web.Tests.Compliance;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.Metrics;

/// <summary>
/// Area MET: one case with a current and a superseded victim assessment, a perpetrator, a location and a draft;
/// one case completed before the period. Area MET2: one case. Values below are counted by hand.
/// </summary>
public sealed class MetricsFixture() : MetricsFixtureBase("MET", "METB")
{
    protected override async Task SeedAsync(Web.Data.AsbOpsDbContext db, CaseBuilder b, int other)
    {
        var m1 = b.Case(Area, "ASB-2026-000201", level: RiskLevel.High);
        var victim = b.Person(m1, PersonRole.Victim, RiskLevel.High);
        var current = b.Assess(m1, victim, RiskLevel.High, createdDaysAgo: 5);
        b.Answer(current, "vulnerable", "unknown");
        b.Answer(current, "repeatVictim", "no");
        var old = b.Assess(m1, victim, RiskLevel.Low, current: false, createdDaysAgo: 8.5);
        old.ComputedLevel = RiskLevel.Medium;
        old.JudgementLevel = RiskLevel.Low;
        old.JudgementRationale = "Support now in place";
        old.JudgementApproval = OverrideApproval.NotRequired;
        b.Answer(old, "vulnerable", "unknown");
        b.Answer(old, "repeatVictim", "unknown");
        var perpetrator = b.Assess(m1, b.Person(m1, PersonRole.Perpetrator, RiskLevel.Medium), RiskLevel.Medium, createdDaysAgo: 4);
        perpetrator.ComputedLevel = RiskLevel.Low;
        perpetrator.JudgementLevel = RiskLevel.Medium;
        perpetrator.JudgementRationale = "Escalating fast";
        perpetrator.JudgementApproval = OverrideApproval.NotRequired;
        b.Answer(perpetrator, "escalating", "yes");
        b.Answer(perpetrator, "vulnerabilities", "unknown");
        var location = b.Assess(m1, null, RiskLevel.Medium, createdDaysAgo: 3);
        b.Answer(location, "vulnerableNearby", "no");
        var draft = b.Assess(m1, b.Person(m1, PersonRole.Victim), RiskLevel.NotAssessed, Domain.Risk.AssessmentStatus.Draft, createdDaysAgo: 2);
        b.Answer(draft, "vulnerable", "unknown");

        var before = b.Case(Area, "ASB-2026-000202", level: RiskLevel.High);
        var early = b.Assess(before, b.Person(before, PersonRole.Victim, RiskLevel.High), RiskLevel.High, createdDaysAgo: 40);
        b.Answer(early, "vulnerable", "unknown");

        var elsewhere = b.Case(other, "ASB-2026-000203", level: RiskLevel.Low);
        var there = b.Assess(elsewhere, b.Person(elsewhere, PersonRole.Victim, RiskLevel.Low), RiskLevel.Low, createdDaysAgo: 5);
        b.Answer(there, "vulnerable", "no");
        await db.SaveChangesAsync();
    }

}

public sealed class MetricsQueriesTests(MetricsFixture fixture) : IClassFixture<MetricsFixture>
{
    private MetricsFilter InPeriod(int? version = null) =>
        new(version, fixture.Area, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 10));

    [Fact]
    public async Task RiskLevelsByRoleCountCurrentCompleteAssessmentsOfTheAreaAndPeriod()
    {
        var metrics = await fixture.CreateQueries().LoadAsync(InPeriod());

        Assert.Equal(
            [new LevelsByRoleRow("Victim", 0, 0, 1), new LevelsByRoleRow("Perpetrator", 0, 1, 0), new LevelsByRoleRow("Location", 0, 1, 0)],
            metrics.LevelsByRole);
    }

    [Fact]
    public async Task TheShareOfUnknownPerQuestionCountsEveryCompleteAssessmentInThePeriod()
    {
        var metrics = await fixture.CreateQueries().LoadAsync(InPeriod());

        var share = metrics.UnknownShare.ToDictionary(q => (q.Matrix, q.QuestionKey), q => (q.Answered, q.Unknown));
        Assert.Equal((2, 2), share[(AssessmentKind.Victim, "vulnerable")]);
        Assert.Equal((2, 1), share[(AssessmentKind.Victim, "repeatVictim")]);
        Assert.Equal((1, 0), share[(AssessmentKind.Perpetrator, "escalating")]);
        Assert.Equal((1, 1), share[(AssessmentKind.Perpetrator, "vulnerabilities")]);
        Assert.Equal((1, 0), share[(AssessmentKind.Location, "vulnerableNearby")]);
        Assert.Equal(0.5, metrics.UnknownShare.Single(q => q.QuestionKey == "repeatVictim").Share);
        Assert.DoesNotContain(metrics.UnknownShare, q => q.QuestionKey == "targeted");
    }

    [Fact]
    public async Task OverridesAreCountedUpAndDownWithTheirRationalesNewestFirst()
    {
        var metrics = await fixture.CreateQueries().LoadAsync(InPeriod());

        Assert.Equal(1, metrics.Overrides.Up);
        Assert.Equal(1, metrics.Overrides.Down);
        Assert.Equal(["Escalating fast", "Support now in place"], metrics.Overrides.Latest.Select(o => o.Rationale));
        Assert.Equal("ASB-2026-000201", metrics.Overrides.Latest[0].CaseRef);
    }

    [Fact]
    public async Task WithoutAFilterEveryAreaAndDateCounts()
    {
        var metrics = await fixture.CreateQueries().LoadAsync(new MetricsFilter());

        Assert.Equal(new LevelsByRoleRow("Victim", 1, 0, 2), metrics.LevelsByRole.Single(r => r.Role == "Victim"));
        Assert.Equal((4, 3), metrics.UnknownShare.Where(q => q.QuestionKey == "vulnerable").Select(q => (q.Answered, q.Unknown)).Single());
    }

    [Fact]
    public async Task AnotherGuidanceVersionHasNoAssessments()
    {
        var metrics = await fixture.CreateQueries().LoadAsync(InPeriod(version: fixture.VersionId + 1000));

        Assert.Empty(metrics.LevelsByRole);
        Assert.Equal(0, metrics.Overrides.Up + metrics.Overrides.Down);
    }
}
