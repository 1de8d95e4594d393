using System.Diagnostics;
using AsbOps.Domain.Email;
using AsbOps.Web.Data;
using AsbOps.Web.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Email;

/// <summary>
/// The outbox's waiting and failing counts for the telemetry gauges, kept in memory: counted after every dispatcher run
/// (the instance holding the job's lease) and, on an instance whose count is older than <see cref="MaxAge"/>, once in
/// the background when a scrape asks. A scrape never waits on the database; it reads the last count.
/// </summary>
public sealed class OutboxBacklog(IDbContextFactory<AsbOpsDbContext> dbFactory, ILogger<OutboxBacklog> logger)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private OutboxCounts? _latest;
    private long _countedAt;
    private int _counting;

    /// <summary>The last count, or null before the first; starts a fresh count in the background when it is stale.</summary>
    public OutboxCounts? Current()
    {
        var latest = Volatile.Read(ref _latest);
        if ((latest is null || Stopwatch.GetElapsedTime(Interlocked.Read(ref _countedAt)) > MaxAge) && Interlocked.CompareExchange(ref _counting, 1, 0) == 0)
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    await CountAsync(CancellationToken.None);
                }
                catch (Exception ex)
                {
                    logger.LogWarning(ex, "Could not count the outbox for the telemetry gauges");
                }
                finally
                {
                    Volatile.Write(ref _counting, 0);
                }
            });
        }

        return latest;
    }

    /// <summary>Counts pending and failing messages now (one grouped query) and keeps the result.</summary>
    public async Task<OutboxCounts> CountAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var groups = await db.Outbox.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending)
            .GroupBy(m => m.FailingSince != null)
            .Select(g => new { Failing = g.Key, Count = g.LongCount() })
            .ToListAsync(cancellationToken);
        var counts = new OutboxCounts(groups.Sum(g => g.Count), groups.Where(g => g.Failing).Sum(g => g.Count));
        Volatile.Write(ref _latest, counts);
        Interlocked.Exchange(ref _countedAt, Stopwatch.GetTimestamp());
        return counts;
    }
}
