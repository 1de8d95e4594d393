using AsbOps.Domain.Risk;
using AsbOps.Web.Data;
using AsbOps.Web.Features.Guidance.WhatIf;
using AsbOps.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.Guidance.WhatIf;

/// <summary>The what-if replay against the hand-computed <see cref="WhatIfFixture"/>.</summary>
public sealed class GuidanceWhatIfServiceTests(WhatIfFixture app) : IClassFixture<WhatIfFixture>
{
    private static readonly UserScope Analyst = new("analyst-id", "analyst@test.local", Roles.Analyst, null, null);

    private GuidanceWhatIfService Service => new(app.Services.GetRequiredService<IDbContextFactory<AsbOpsDbContext>>());

    private WhatIfFilter Filter(string? role = null) => new(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31), app.Area, role);

    [Fact]
    public async Task TheReplayCountsMatchTheHandComputedFixture()
    {
        var r = await Service.ReplayAsync(Analyst, WhatIfFixture.Draft(), Filter());

        Assert.Equal(6, r.Assessments);
        Assert.Equal(2, r.ChangedAssessments);
        Assert.Equal(2, r.Raised);
        Assert.Equal(0, r.Lowered);
        Assert.Equal(5, r.Cases);
        Assert.Equal(2, r.ChangedCases);
        int Cell(RiskLevel from, RiskLevel to) => r.Matrix[(int)from, (int)to];
        Assert.Equal(1, Cell(RiskLevel.Low, RiskLevel.Low));
        Assert.Equal(1, Cell(RiskLevel.Low, RiskLevel.Medium));
        Assert.Equal(2, Cell(RiskLevel.Medium, RiskLevel.Medium));
        Assert.Equal(1, Cell(RiskLevel.Medium, RiskLevel.High));
        Assert.Equal(1, Cell(RiskLevel.High, RiskLevel.High));
        Assert.Equal(6, WhatIfResult.Levels.Sum(f => WhatIfResult.Levels.Sum(t => r.Matrix[(int)f, (int)t])));
    }

    [Fact]
    public async Task TheVulnerableQuestionDrivesBothChanges()
    {
        var r = await Service.ReplayAsync(Analyst, WhatIfFixture.Draft(), Filter());

        var driver = Assert.Single(r.Drivers);
        Assert.Equal("Question", driver.Kind);
        Assert.Equal("Victim: vulnerable = yes (3 → 6)", driver.Name);
        Assert.Equal((2, 0), (driver.Raised, driver.Lowered));
    }

    [Fact]
    public async Task TheHighRiskWorkloadFollowsTheProceduresRules()
    {
        var r = await Service.ReplayAsync(Analyst, WhatIfFixture.Draft(), Filter());

        var w = r.Workload;
        Assert.Equal((1, 2), (w.HighCasesNow, w.HighCasesDraft));
        Assert.Equal((2, 4), (w.MarkersNow, w.MarkersDraft)); // each high person plus the case location
        Assert.Equal((1, 2), (w.ActionPlansNow, w.ActionPlansDraft));
        Assert.Equal((6.0, 7.6), (w.ReviewsPerMonthNow, w.ReviewsPerMonthDraft)); // 30.44/28×3 + 30.44/56 + 30.44/14; draft 30.44/28×3 + 30.44/14×2
        Assert.Equal(["Jan 2026", "Feb 2026", "Mar 2026"], r.Months.Select(m => m.Label));
        Assert.Equal([0, 1, 0], r.Months.Select(m => m.HighNow));
        Assert.Equal([0, 2, 0], r.Months.Select(m => m.HighDraft));
    }

    [Fact]
    public async Task AnAnalystGetsTheChangedAssessmentsWithTheirCaseReferences()
    {
        var r = await Service.ReplayAsync(Analyst, WhatIfFixture.Draft(), Filter());

        Assert.NotNull(r.Changes);
        Assert.Equal(
            [(app.Case2, RiskLevel.Medium, RiskLevel.High), (app.Case3, RiskLevel.Low, RiskLevel.Medium)],
            r.Changes.Select(c => (c.CaseReference, c.From, c.To)).OrderBy(c => c.CaseReference, StringComparer.Ordinal));
    }

    [Fact]
    public async Task TheRoleFilterLeavesOutOtherRoles()
    {
        var victims = await Service.ReplayAsync(Analyst, WhatIfFixture.Draft(), Filter("Victim"));
        var perpetrators = await Service.ReplayAsync(Analyst, WhatIfFixture.Draft(), Filter("Perpetrator"));

        Assert.Equal(6, victims.Assessments);
        Assert.Equal(0, perpetrators.Assessments);
    }

    [Fact]
    public async Task AllAreasIncludeTheOtherAreasAssessment()
    {
        var r = await Service.ReplayAsync(Analyst, WhatIfFixture.Draft(), Filter() with { AreaId = null });

        Assert.True(r.Assessments >= 7);
        Assert.True(r.ChangedAssessments >= 3);
    }

    [Fact]
    public async Task UnchangedGuidanceChangesNoLevel()
    {
        var r = await Service.ReplayAsync(Analyst, RiskGuidanceV1.Definition, Filter());

        Assert.Equal(0, r.ChangedAssessments);
        Assert.Empty(r.Drivers);
    }

    [Fact]
    public async Task TheReplayChangesNothingStored()
    {
        var before = await SnapshotAsync();

        await Service.ReplayAsync(Analyst, WhatIfFixture.Draft(), Filter() with { AreaId = null });

        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task AnInvalidDraftOrPeriodIsRefusedWithAReason()
    {
        var broken = WhatIfFixture.Draft() with { Bands = [] };

        var draft = await Assert.ThrowsAsync<ArgumentException>(() => Service.ReplayAsync(Analyst, broken, Filter()));
        var period = await Assert.ThrowsAsync<ArgumentException>(() =>
            Service.ReplayAsync(Analyst, WhatIfFixture.Draft(), Filter() with { To = new DateOnly(2025, 12, 31) }));

        Assert.StartsWith("The draft is not valid guidance", draft.Message);
        Assert.StartsWith("The period ends before it starts", period.Message);
    }

    [Fact]
    public async Task AnOfficerMayNotReplay()
    {
        var officer = new UserScope("o", "o@test.local", Roles.Officer, app.Area, null);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Service.ReplayAsync(officer, WhatIfFixture.Draft(), Filter()));
    }

    /// <summary>Row counts of the tables a replay could touch, and every assessment's stored levels and score.</summary>
    private async Task<string> SnapshotAsync()
    {
        await using var db = app.CreateDbContext();
        var counts = string.Join(",", await db.Assessments.CountAsync(), await db.AssessmentAnswers.CountAsync(), await db.Cases.CountAsync(),
            await db.CaseParticipants.CountAsync(), await db.GuidanceVersions.CountAsync(), await db.AuditEntries.CountAsync(),
            await db.Markers.CountAsync(), await db.Alerts.CountAsync(), await db.Outbox.CountAsync());
        var rows = await db.Assessments.AsNoTracking().OrderBy(a => a.Id)
            .Select(a => $"{a.Id}:{a.Level}:{a.ComputedLevel}:{a.Score}:{a.JudgementApproval}:{a.Version}").ToListAsync();
        var answers = await db.AssessmentAnswers.AsNoTracking().OrderBy(a => a.Id).Select(a => $"{a.Id}:{a.Value}:{a.Score}").ToListAsync();
        return counts + "|" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(string.Join("\n", rows.Concat(answers)))));
    }
}
