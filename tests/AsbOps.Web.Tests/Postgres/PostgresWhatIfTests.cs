using AsbOps.Domain.Risk;
using AsbOps.Web.Data;
using AsbOps.Web.Features.Guidance.WhatIf;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Guidance.WhatIf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.Postgres;

public sealed class PostgresWhatIfFixture : WhatIfFixture
{
    protected override bool OnPostgres => true;
}

/// <summary>The what-if replay's streamed, ordered query on PostgreSQL, against the same hand-computed fixture.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresWhatIfTests(PostgresWhatIfFixture app) : IClassFixture<PostgresWhatIfFixture>
{
    [Fact]
    public async Task TheReplayGivesTheHandComputedFiguresAndStoresNothing()
    {
        var service = new GuidanceWhatIfService(app.Services.GetRequiredService<IDbContextFactory<AsbOpsDbContext>>());
        var analyst = new UserScope("analyst-id", "analyst@test.local", Roles.Analyst, null, null);
        int assessments, answers, audit;
        await using (var db = app.CreateDbContext())
        {
            (assessments, answers, audit) = (await db.Assessments.CountAsync(), await db.AssessmentAnswers.CountAsync(), await db.AuditEntries.CountAsync());
        }

        var r = await service.ReplayAsync(analyst, WhatIfFixture.Draft(),
            new WhatIfFilter(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31), app.Area, "Victim"));

        Assert.Equal((6, 2, 5, 2), (r.Assessments, r.ChangedAssessments, r.Cases, r.ChangedCases));
        Assert.Equal(1, r.Matrix[(int)RiskLevel.Medium, (int)RiskLevel.High]);
        Assert.Equal(1, r.Matrix[(int)RiskLevel.Low, (int)RiskLevel.Medium]);
        Assert.Equal("Victim: vulnerable = yes (3 → 6)", Assert.Single(r.Drivers).Name);
        Assert.Equal((1, 2, 2, 4), (r.Workload.HighCasesNow, r.Workload.HighCasesDraft, r.Workload.MarkersNow, r.Workload.MarkersDraft));
        Assert.Equal([app.Case2, app.Case3], r.Changes!.Select(c => c.CaseReference).Order(StringComparer.Ordinal));
        await using var after = app.CreateDbContext();
        Assert.Equal((assessments, answers, audit),
            (await after.Assessments.CountAsync(), await after.AssessmentAnswers.CountAsync(), await after.AuditEntries.CountAsync()));
    }
}
