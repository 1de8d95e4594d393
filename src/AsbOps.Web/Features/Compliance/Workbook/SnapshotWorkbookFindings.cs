using AsbOps.Domain.Compliance;
using AsbOps.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.Compliance.Workbook;

/// <summary>
/// A snapshot's findings read rule by rule as the workbook writes them: one ordered join streamed from the database
/// (the case, its lead officer and its area's sergeant), taken in chunks of <paramref name="chunkSize"/> rows, each chunk
/// given its people and its findings' first sighting by two indexed lookups on a second context. Memory holds one
/// chunk, however many findings the force has.
/// </summary>
internal sealed class SnapshotWorkbookFindings(
    IDbContextFactory<AsbOpsDbContext> dbFactory, long snapshotId, DateTime takenAt, IReadOnlyList<DateTime> checks,
    IReadOnlyDictionary<int, string> codes, Func<string, string> caseLink, int chunkSize = SnapshotWorkbookFindings.DefaultChunkSize)
    : WorkbookFindings
{
    // Small enough that PostgreSQL looks each chunk's cases up by index (a long id list tips it into scanning the
    // whole table, and into JIT compiling the query).
    public const int DefaultChunkSize = 500;

    /// <summary>The same findings read in chunks of <paramref name="size"/> rows.</summary>
    public SnapshotWorkbookFindings InChunksOf(int size) => new(dbFactory, snapshotId, takenAt, checks, codes, caseLink, size);

    private sealed record Row(long CaseId, string Reference, int AreaId, DateTime OpenedAt, string Address, string? LeadOfficer, string? Sergeant,
        DateTime Since, string Detail);

    public override async IAsyncEnumerable<WorkbookFinding> ReadAsync(
        ComplianceRule rule, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var side = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows =
            from f in db.ComplianceFindings.AsNoTracking()
            where f.SnapshotId == snapshotId && f.Rule == rule
            join c in db.Cases on f.CaseId equals c.Id
            join lead in db.Users on c.LeadOfficerId equals lead.Id into leads
            from lead in leads.DefaultIfEmpty()
            join area in db.Areas on c.AreaId equals area.Id
            join sergeant in db.Users on area.SergeantUserId equals sergeant.Id into sergeants
            from sergeant in sergeants.DefaultIfEmpty()
            orderby f.Since, c.Reference
            select new Row(f.CaseId, c.Reference, f.AreaId, c.OpenedAt, c.Address, lead == null ? null : lead.DisplayName,
                sergeant == null ? null : sergeant.DisplayName, f.Since, f.Detail);

        var chunk = new List<Row>(chunkSize);
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            chunk.Add(row);
            if (chunk.Count == chunkSize)
            {
                foreach (var finding in await CompleteAsync(side, rule, chunk, cancellationToken))
                {
                    yield return finding;
                }

                chunk.Clear();
            }
        }

        foreach (var finding in await CompleteAsync(side, rule, chunk, cancellationToken))
        {
            yield return finding;
        }
    }

    /// <summary>
    /// Who the chunk's findings are about, and how long each has been carried over: the weekly checks before this
    /// snapshot taken since the finding was first seen (a per-person rule's oldest open life on the case counts).
    /// </summary>
    private async Task<List<WorkbookFinding>> CompleteAsync(AsbOpsDbContext db, ComplianceRule rule, List<Row> chunk, CancellationToken cancellationToken)
    {
        if (chunk.Count == 0)
        {
            return [];
        }

        var caseIds = chunk.Select(r => r.CaseId).Distinct().ToList();
        var people = await WorkbookConcerned.LoadAsync(db, rule, caseIds, cancellationToken);
        var firstSeen = await db.FindingLives.AsNoTracking()
            .Where(l => caseIds.Contains(l.CaseId) && l.Rule == rule && l.FirstSeenAt <= takenAt && (l.PutRightAt == null || l.PutRightAt > takenAt))
            .GroupBy(l => l.CaseId)
            .Select(g => new { CaseId = g.Key, First = g.Min(l => l.FirstSeenAt) })
            .ToDictionaryAsync(l => l.CaseId, l => l.First, cancellationToken);
        db.ChangeTracker.Clear();

        return chunk.Select(r => new WorkbookFinding(
                r.Reference, codes.GetValueOrDefault(r.AreaId, "?"), r.LeadOfficer, r.Sergeant, r.OpenedAt,
                WorkbookConcerned.Describe(people[r.CaseId], r.Address), AgeDays(takenAt, r.Since), r.Detail, r.Since,
                firstSeen.TryGetValue(r.CaseId, out var first) ? checks.Count(t => t >= first) : 0, caseLink(r.Reference)))
            .ToList();
    }

    private static int AgeDays(DateTime at, DateTime since) => Math.Max(0, (int)(at - since).TotalDays);
}
