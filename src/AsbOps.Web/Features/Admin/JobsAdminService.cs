using AsbOps.Domain.Email;
using AsbOps.Domain.Jobs;
using AsbOps.Web.Data;
using AsbOps.Web.Email;
using AsbOps.Web.Jobs;
using AsbOps.Web.Security;
using Coravel.Invocable;
using Coravel.Scheduling.Schedule.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.Admin;

/// <summary>A job as the admin jobs page shows it.</summary>
public sealed record JobStatus(
    string Name, string Title, string Schedule, DateTime NextRun, DateTime? LastStarted, TimeSpan? LastDuration, JobOutcome? LastOutcome,
    string? LastDetail, string? LastInstance);

/// <summary>A message that was not delivered before its give-up time (given up).</summary>
public sealed record FailedEmail(long Id, string To, string Subject, int Attempts, DateTime CreatedAt, string? LastError);

public sealed record OutboxQueue(int Pending, int Failed, DateTime? OldestPending, IReadOnlyList<FailedEmail> FailedMessages);

/// <summary>What the admin jobs page reads and does: job runs, the outbox queue, retrying a message, running a job now.</summary>
public sealed class JobsAdminService(
    IDbContextFactory<AsbOpsDbContext> dbFactory,
    JobCatalog catalog,
    Outbox.OutboxAdministration outbox,
    IMutex mutex,
    IServiceScopeFactory scopes,
    TimeProvider clock)
{
    public const int FailedShown = 100;

    public async Task<IReadOnlyList<JobStatus>> JobsAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var statuses = new List<JobStatus>();
        foreach (var job in catalog.All)
        {
            var last = await db.JobRuns.AsNoTracking().Where(r => r.Job == job.Name)
                .OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
            statuses.Add(new JobStatus(job.Name, job.Title, job.Schedule, job.NextRunAfter(now), last?.StartedAt,
                last?.FinishedAt - last?.StartedAt, last?.Outcome, last?.Detail, last?.Instance));
        }

        return statuses;
    }

    public async Task<OutboxQueue> OutboxAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pending = await db.Outbox.CountAsync(m => m.Status == OutboxStatus.Pending, cancellationToken);
        var failed = await db.Outbox.CountAsync(m => m.Status == OutboxStatus.GivenUp, cancellationToken);
        var oldest = await db.Outbox.Where(m => m.Status == OutboxStatus.Pending).MinAsync(m => (DateTime?)m.CreatedAt, cancellationToken);
        var messages = await db.Outbox.AsNoTracking().Where(m => m.Status == OutboxStatus.GivenUp)
            .OrderByDescending(m => m.CreatedAt).Take(FailedShown)
            .Select(m => new FailedEmail(m.Id, m.To, m.Subject, m.Attempts, m.CreatedAt, m.LastError))
            .ToListAsync(cancellationToken);
        return new OutboxQueue(pending, failed, oldest, messages);
    }

    /// <summary>Resends a given-up message, audited, as the outbox page does.</summary>
    public async Task<bool> RetryAsync(UserScope admin, long id, CancellationToken cancellationToken = default) =>
        (await outbox.ResendAsync(admin, id, cancellationToken)).Succeeded;

    /// <summary>Runs a job now under its lease; false when it is running here or on another instance.</summary>
    public async Task<bool> RunNowAsync(string name, CancellationToken cancellationToken = default)
    {
        if (catalog.Find(name) is not { } job || !mutex.TryGetLock(job.Name, DatabaseMutex.MaxLeaseMinutes))
        {
            return false;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var invocable = (IInvocable)scope.ServiceProvider.GetRequiredService(job.Invocable);
            if (invocable is ICancellableInvocable cancellable)
            {
                cancellable.CancellationToken = cancellationToken;
            }

            await invocable.Invoke();
            return true;
        }
        finally
        {
            mutex.Release(job.Name);
        }
    }
}
