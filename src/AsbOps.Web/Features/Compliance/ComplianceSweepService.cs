using System.Diagnostics;
using AsbOps.Domain.Compliance;
using AsbOps.Web.Data;
using AsbOps.Web.Live;
using AsbOps.Web.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Features.Compliance;

/// <summary>What one sweep stored.</summary>
public sealed record ComplianceSweepResult(
    long SnapshotId, bool Created, int OpenCases, int MissingAssessments, int Findings, int PrunedFindings, int StandingRepaired = 0)
{
    public override string ToString() => (Created
        ? $"snapshot {SnapshotId}: {OpenCases} open cases, {MissingAssessments} missing an assessment, {Findings} findings; {PrunedFindings} old findings pruned"
        : $"snapshot {SnapshotId} already held for this week")
        + (StandingRepaired > 0 ? $"; the stored standing of {StandingRepaired} cases or incidents was out of date and has been put right" : "");
}

/// <summary>
/// Evaluates every compliance rule over every open case (the same predicates as the live counters) and stores a
/// snapshot: totals, counts per area and rule, headline totals per area, and every finding. One walk over the cases,
/// a page at a time, yields both the counts (summed in memory per area) and the findings, so memory stays flat as
/// the force grows and the cases are read once; everything commits in one transaction, then
/// the live feed hears <see cref="OpsChangeKind.ComplianceSwept"/>. Old sweep snapshots are pruned; weekly ones stay.
/// </summary>
public sealed class ComplianceSweepService(
    IDbContextFactory<AsbOpsDbContext> dbFactory,
    IOptions<ComplianceOptions> options,
    OpsNotifier notifier,
    TimeProvider clock,
    AsbOpsMetrics? metrics = null)
{
    public const int PageSize = 2000;

    public Task<ComplianceSweepResult> SweepAsync(CancellationToken cancellationToken = default) =>
        TimedAsync("sweep", week: null, cancellationToken);

    /// <summary>
    /// Sweeps unless the newest snapshot is younger than <paramref name="maxAge"/>: a download of this week's workbook
    /// then lists what the live compliance page lists, not what the last scheduled sweep found.
    /// </summary>
    public async Task RefreshAsync(TimeSpan maxAge, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var latest = await db.ComplianceSnapshots.AsNoTracking().MaxAsync(s => (DateTime?)s.TakenAt, cancellationToken);
            if (latest is { } taken && now - taken < maxAge)
            {
                return;
            }
        }

        await SweepAsync(cancellationToken);
    }

    /// <summary>
    /// Rebuilds the lives of findings from the snapshots that hold findings (<see cref="Data.Migrations.FindingLifeBackfill"/>),
    /// when none are kept yet: after the demo force writes its weekly history.
    /// </summary>
    public async Task RebuildLivesFromHistoryAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.FindingLives.AnyAsync(cancellationToken))
        {
            await db.Database.ExecuteSqlRawAsync(Data.Migrations.FindingLifeBackfill.Sql, cancellationToken);
        }
    }

    /// <summary>The weekly check's snapshot of <paramref name="week"/>: taken once; a second call returns the first.</summary>
    public Task<ComplianceSweepResult> WeeklyAsync(ComplianceWeek week, CancellationToken cancellationToken = default) =>
        TimedAsync("weekly", week, cancellationToken);

    /// <summary>Takes the snapshot and records how long it took (<c>asbops_sweep_duration_seconds</c>).</summary>
    private async Task<ComplianceSweepResult> TimedAsync(string kind, ComplianceWeek? week, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await TakeSnapshotAsync(week, cancellationToken);
        metrics?.SweepRan(kind, Stopwatch.GetElapsedTime(started));
        return result;
    }

    private async Task<ComplianceSweepResult> TakeSnapshotAsync(ComplianceWeek? week, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (week is { } w && await ExistingWeeklyAsync(db, w, cancellationToken) is { } existing)
        {
            return new ComplianceSweepResult(existing, false, 0, 0, 0, 0);
        }

        // The weekly check also puts right any stored case standing a write past the context left wrong.
        var repaired = week is null ? 0 : await CaseStandingRefresh.RepairAsync(db, cancellationToken);
        var rules = new CaseRulePredicates(db, options.Value.ToThresholds(), now);
        var snapshot = new ComplianceSnapshot { TakenAt = now, IsWeekly = week is not null, IsoWeek = week?.Key };
        int findings;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // The snapshot row first, so that findings can refer to it while the cases are walked; its counters are
            // filled in before the commit, so no reader ever sees them empty.
            db.ComplianceSnapshots.Add(snapshot);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (week is { } racing && DbErrors.IsUniqueViolation(ex))
            {
                // Another instance took this week's snapshot first.
                await transaction.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                return new ComplianceSweepResult(await ExistingWeeklyAsync(db, racing, cancellationToken) ?? 0, false, 0, 0, 0, 0);
            }

            var areas = await AreaLookup.LoadAsync(db, null, cancellationToken);
            var tallies = new Dictionary<int, RuleTally>();
            var seen = new Dictionary<FindingKey, int>();
            findings = await WalkCasesAsync(db, rules, areas, snapshot.Id, tallies, seen, cancellationToken);
            Fill(snapshot, ComplianceQueries.ToCounts(tallies, areas, null, now));
            await db.SaveChangesAsync(cancellationToken);
            await FindingLifeKeeper.KeepAsync(db, seen, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();
        var pruned = await PruneAsync(db, now, cancellationToken);
        notifier.Publish(new OpsChange(OpsChangeKind.ComplianceSwept, null, At: now));
        return new ComplianceSweepResult(snapshot.Id, true, snapshot.OpenCases, snapshot.MissingAssessments, findings, pruned, repaired);
    }

    /// <summary>
    /// Walks the open cases a page at a time, once: every case's flags go into its area's tally, and the breaking
    /// cases of the page are read once more for what their findings say and written with a prepared statement. Every
    /// finding's key (per person for rules 1 and 3) goes into <paramref name="seen"/> for the findings' lives.
    /// </summary>
    private static async Task<int> WalkCasesAsync(
        AsbOpsDbContext db, CaseRulePredicates rules, AreaLookup areas, long snapshotId, Dictionary<int, RuleTally> tallies,
        Dictionary<FindingKey, int> seen, CancellationToken cancellationToken)
    {
        var stored = 0;
        long after = 0;
        using var insert = new BulkInserter(db);
        while (true)
        {
            var page = await ComplianceQueries.FlagsPageAsync(db, rules, after, PageSize, cancellationToken);
            foreach (var flags in page)
            {
                if (!tallies.TryGetValue(flags.AreaId, out var tally))
                {
                    tallies[flags.AreaId] = tally = new RuleTally { AreaId = flags.AreaId };
                }

                tally.Add(flags);
            }

            var breaking = page.Where(RuleTally.BreaksAny).ToList();
            if (breaking.Count > 0)
            {
                var details = await ComplianceQueries.DetailsAsync(db, breaking.Select(f => f.CaseId).ToList(), cancellationToken);
                var rows = ComplianceRuleText.All
                    .SelectMany(rule => breaking.Where(f => RuleTally.Breaks(f, rule))
                        .Select(f => ToFinding(CaseFindingDetails.ToFinding(rule, details[f.CaseId], rules, areas), snapshotId)))
                    .ToList();
                await insert.InsertAsync(rows, cancellationToken, readKeys: false);
                stored += rows.Count;

                var perPerson = breaking.Where(f => f.Rule1 == 1 || f.Rule3 == 1).Select(f => f.CaseId).ToList();
                var people = await FindingLifeKeeper.UnassessedPeopleAsync(db, perPerson, cancellationToken);
                foreach (var row in rows)
                {
                    foreach (var key in FindingLifeKeeper.KeysOf(row.CaseId, row.Rule, people))
                    {
                        seen[key] = row.AreaId;
                    }
                }
            }

            if (page.Count < PageSize)
            {
                return stored;
            }

            after = page[^1].CaseId;
        }
    }

    private static ComplianceFinding ToFinding(ComplianceFindingRow f, long snapshotId) => new()
    {
        SnapshotId = snapshotId,
        CaseId = f.CaseId,
        AreaId = f.AreaId,
        Rule = f.Rule,
        Detail = f.Missing.Length <= 500 ? f.Missing : f.Missing[..500],
        Since = f.Since,
    };

    private async Task<int> PruneAsync(AsbOpsDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var findingsBefore = now.AddDays(-Math.Max(0, options.Value.SweepFindingsRetentionDays));
        var snapshotsBefore = now.AddDays(-Math.Max(1, options.Value.SweepRetentionDays));
        var pruned = await db.ComplianceFindings
            .Where(f => db.ComplianceSnapshots.Any(s => s.Id == f.SnapshotId && !s.IsWeekly && s.TakenAt < findingsBefore))
            .ExecuteDeleteAsync(cancellationToken);
        var old = db.ComplianceSnapshots.Where(s => !s.IsWeekly && s.TakenAt < snapshotsBefore).Select(s => s.Id);
        await db.ComplianceSnapshotCounts.Where(c => old.Contains(c.SnapshotId)).ExecuteDeleteAsync(cancellationToken);
        await db.ComplianceAreaTotals.Where(t => old.Contains(t.SnapshotId)).ExecuteDeleteAsync(cancellationToken);
        await db.ComplianceFindings.Where(f => old.Contains(f.SnapshotId)).ExecuteDeleteAsync(cancellationToken);
        await db.ComplianceSnapshots.Where(s => !s.IsWeekly && s.TakenAt < snapshotsBefore).ExecuteDeleteAsync(cancellationToken);
        return pruned;
    }

    private static Task<long?> ExistingWeeklyAsync(AsbOpsDbContext db, ComplianceWeek week, CancellationToken cancellationToken) =>
        db.ComplianceSnapshots.AsNoTracking().Where(s => s.IsoWeek == week.Key).Select(s => (long?)s.Id).FirstOrDefaultAsync(cancellationToken);

    private static void Fill(ComplianceSnapshot snapshot, ComplianceCounts counts)
    {
        snapshot.OpenCases = counts.Total.OpenCases;
        snapshot.HighRiskCases = counts.Total.HighRiskCases;
        snapshot.MissingAssessments = counts.Total.MissingAssessments;
        snapshot.UnknownAnswers = counts.Total.UnknownAnswers;
        snapshot.OverdueReviews = counts.Total.OverdueReviews;
        snapshot.Counts.AddRange(counts.Areas.SelectMany(a => ComplianceRuleText.All
            .Select(rule => new ComplianceSnapshotCount { AreaId = a.AreaId!.Value, Rule = rule, Count = a[rule] })));
        snapshot.AreaTotals.AddRange(counts.Areas.Select(a => new ComplianceAreaTotals
        {
            AreaId = a.AreaId!.Value,
            OpenCases = a.OpenCases,
            HighRiskCases = a.HighRiskCases,
            MissingAssessments = a.MissingAssessments,
            UnknownAnswers = a.UnknownAnswers,
            OverdueReviews = a.OverdueReviews,
        }));
    }
}
