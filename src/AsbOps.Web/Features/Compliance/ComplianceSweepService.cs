using AsbOps.Domain.Compliance;
using AsbOps.Web.Data;
using AsbOps.Web.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Features.Compliance;

/// <summary>What one sweep stored.</summary>
public sealed record ComplianceSweepResult(long SnapshotId, bool Created, int OpenCases, int MissingAssessments, int Findings, int PrunedFindings)
{
    public override string ToString() => Created
        ? $"snapshot {SnapshotId}: {OpenCases} open cases, {MissingAssessments} missing an assessment, {Findings} findings; {PrunedFindings} old findings pruned"
        : $"snapshot {SnapshotId} already held for this week";
}

/// <summary>
/// Evaluates every compliance rule over every open case (the same predicates as the live counters) and stores a
/// snapshot: totals, counts per area and rule, headline totals per area, and every finding. Findings are read and
/// written a page at a time so memory stays flat as the force grows; everything commits in one transaction, then
/// the live feed hears <see cref="OpsChangeKind.ComplianceSwept"/>. Old sweep snapshots are pruned; weekly ones stay.
/// </summary>
public sealed class ComplianceSweepService(
    IDbContextFactory<AsbOpsDbContext> dbFactory,
    IOptions<ComplianceOptions> options,
    OpsNotifier notifier,
    TimeProvider clock)
{
    public const int PageSize = 2000;

    public Task<ComplianceSweepResult> SweepAsync(CancellationToken cancellationToken = default) =>
        TakeSnapshotAsync(week: null, cancellationToken);

    /// <summary>The weekly check's snapshot of <paramref name="week"/>: taken once; a second call returns the first.</summary>
    public Task<ComplianceSweepResult> WeeklyAsync(ComplianceWeek week, CancellationToken cancellationToken = default) =>
        TakeSnapshotAsync(week, cancellationToken);

    private async Task<ComplianceSweepResult> TakeSnapshotAsync(ComplianceWeek? week, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (week is { } w && await ExistingWeeklyAsync(db, w, cancellationToken) is { } existing)
        {
            return new ComplianceSweepResult(existing, false, 0, 0, 0, 0);
        }

        var rules = new CaseRulePredicates(db, options.Value.ToThresholds(), now);
        ComplianceSnapshot snapshot;
        int findings;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var areas = await AreaLookup.LoadAsync(db, null, cancellationToken);
            var counts = await ComplianceQueries.CountAsync(db, rules, areas, null, cancellationToken);
            snapshot = ToSnapshot(counts, now, week);
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

            db.ChangeTracker.Clear();
            findings = await StoreFindingsAsync(db, rules, areas, snapshot.Id, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var pruned = await PruneAsync(db, now, cancellationToken);
        notifier.Publish(new OpsChange(OpsChangeKind.ComplianceSwept, null, At: now));
        return new ComplianceSweepResult(snapshot.Id, true, snapshot.OpenCases, snapshot.MissingAssessments, findings, pruned);
    }

    /// <summary>Walks the breaking cases a page at a time (one scan for all rules), writing each page's findings.</summary>
    private static async Task<int> StoreFindingsAsync(
        AsbOpsDbContext db, CaseRulePredicates rules, AreaLookup areas, long snapshotId, CancellationToken cancellationToken)
    {
        var stored = 0;
        long after = 0;
        while (true)
        {
            var page = await ComplianceQueries.BreakingPageAsync(db, rules, after, PageSize, cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            foreach (var rule in ComplianceRuleText.All)
            {
                var ids = page.Where(p => p.Rules.Contains(rule)).Select(p => p.CaseId).ToList();
                if (ids.Count == 0)
                {
                    continue;
                }

                var findings = await ComplianceQueries.FindingsForCasesAsync(db, rules, areas, rule, ids, cancellationToken);
                db.ComplianceFindings.AddRange(findings.Select(f => new ComplianceFinding
                {
                    SnapshotId = snapshotId,
                    CaseId = f.CaseId,
                    AreaId = f.AreaId,
                    Rule = rule,
                    Detail = f.Missing.Length <= 500 ? f.Missing : f.Missing[..500],
                    Since = f.Since,
                }));
                stored += findings.Count;
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            if (page.Count < PageSize)
            {
                break;
            }

            after = page[^1].CaseId;
        }

        return stored;
    }

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

    private static ComplianceSnapshot ToSnapshot(ComplianceCounts counts, DateTime now, ComplianceWeek? week) => new()
    {
        TakenAt = now,
        IsWeekly = week is not null,
        IsoWeek = week?.Key,
        OpenCases = counts.Total.OpenCases,
        HighRiskCases = counts.Total.HighRiskCases,
        MissingAssessments = counts.Total.MissingAssessments,
        UnknownAnswers = counts.Total.UnknownAnswers,
        OverdueReviews = counts.Total.OverdueReviews,
        Counts = counts.Areas
            .SelectMany(a => ComplianceRuleText.All.Select(rule => new ComplianceSnapshotCount { AreaId = a.AreaId!.Value, Rule = rule, Count = a[rule] }))
            .ToList(),
        AreaTotals = counts.Areas.Select(a => new ComplianceAreaTotals
        {
            AreaId = a.AreaId!.Value,
            OpenCases = a.OpenCases,
            HighRiskCases = a.HighRiskCases,
            MissingAssessments = a.MissingAssessments,
            UnknownAnswers = a.UnknownAnswers,
            OverdueReviews = a.OverdueReviews,
        }).ToList(),
    };
}
