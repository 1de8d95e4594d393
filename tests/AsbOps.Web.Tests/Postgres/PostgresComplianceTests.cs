using AsbOps.Web.Data;
using AsbOps.Web.Features.Compliance;
using AsbOps.Web.Live;
using AsbOps.Web.Tests.Compliance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Tests.Postgres;

/// <summary>The compliance sweep over the same hand-built fixture on SQLite and on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresComplianceTests(ComplianceFixture sqlite, PostgresComplianceFixture postgres)
    : IClassFixture<ComplianceFixture>, IClassFixture<PostgresComplianceFixture>
{
    [Fact]
    public async Task TheSweepOnPostgresStoresTheSameSnapshotCountsAndFindingsAsOnSqlite()
    {
        var onSqlite = await SweepAsync(sqlite);
        var onPostgres = await SweepAsync(postgres);

        // The hand-counted headline (see ComplianceSweepTests), so that two empty sweeps cannot pass.
        Assert.Equal("13 open, 3 high, 4 missing, 2 unknown, 1 overdue", onSqlite.Headline);
        Assert.Equal(onSqlite.Headline, onPostgres.Headline);
        Assert.Equal(onSqlite.Counts, onPostgres.Counts);
        Assert.Equal(onSqlite.AreaTotals, onPostgres.AreaTotals);
        Assert.Equal(onSqlite.Findings, onPostgres.Findings);
        Assert.Equal(9, onPostgres.Findings.Count);
    }

    private static async Task<Sweep> SweepAsync(ComplianceFixture fixture)
    {
        var service = new ComplianceSweepService(fixture.Services.GetRequiredService<IDbContextFactory<AsbOpsDbContext>>(),
            Options.Create(new ComplianceOptions()), fixture.Services.GetRequiredService<OpsNotifier>(), fixture.Clock);
        var result = await service.SweepAsync();

        await using var db = fixture.CreateDbContext();
        var areas = await db.Areas.ToDictionaryAsync(a => a.Id, a => a.Code);
        var snapshot = await db.ComplianceSnapshots.AsNoTracking().Include(s => s.Counts).Include(s => s.AreaTotals)
            .SingleAsync(s => s.Id == result.SnapshotId);
        var findings = await db.ComplianceFindings.Where(f => f.SnapshotId == result.SnapshotId)
            .Join(db.Cases, f => f.CaseId, c => c.Id, (f, c) => new { c.Reference, f.Rule, f.AreaId, f.Since })
            .ToListAsync();
        return new Sweep(
            $"{snapshot.OpenCases} open, {snapshot.HighRiskCases} high, {snapshot.MissingAssessments} missing, "
                + $"{snapshot.UnknownAnswers} unknown, {snapshot.OverdueReviews} overdue",
            [.. snapshot.Counts.Select(c => $"{areas[c.AreaId]} {c.Rule} {c.Count}").Order(StringComparer.Ordinal)],
            [.. snapshot.AreaTotals.Select(t => $"{areas[t.AreaId]} {t.OpenCases} {t.HighRiskCases} {t.MissingAssessments} {t.UnknownAnswers}")
                .Order(StringComparer.Ordinal)],
            [.. findings.Select(f => $"{f.Reference} {areas[f.AreaId]} {f.Rule} {f.Since:O}").Order(StringComparer.Ordinal)]);
    }

    private sealed record Sweep(string Headline, List<string> Counts, List<string> AreaTotals, List<string> Findings);
}
