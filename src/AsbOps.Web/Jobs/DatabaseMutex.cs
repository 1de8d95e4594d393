using AsbOps.Domain.Jobs;
using AsbOps.Web.Data;
using Coravel.Scheduling.Schedule.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Jobs;

/// <summary>
/// Coravel's <see cref="IMutex"/> as a lease row in the database, so that with several app instances a job runs
/// on one of them at a time. A lease lapses after the timeout if its holder dies.
/// </summary>
public sealed class DatabaseMutex(IDbContextFactory<AsbOpsDbContext> dbFactory, TimeProvider clock, JobInstance instance) : IMutex
{
    public const int MaxLeaseMinutes = 15;

    public bool TryGetLock(string key, int timeoutMinutes)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Coravel asks for a day; a holder that dies should not block the job that long, and no job here runs for more
        // than a few minutes.
        var expires = now.AddMinutes(Math.Clamp(timeoutMinutes, 1, MaxLeaseMinutes));
        using var db = dbFactory.CreateDbContext();
        // Only a lapsed lease is taken over, even from this instance: Coravel asks again while the last run still holds
        // the lease (a slow outbox run overlapping the next tick), and must hear no, or two runs send the same email.
        var taken = db.JobLeases
            .Where(l => l.Key == key && l.ExpiresAt < now)
            .ExecuteUpdate(s => s.SetProperty(l => l.Owner, instance.Name).SetProperty(l => l.ExpiresAt, expires));
        if (taken == 1)
        {
            return true;
        }

        db.JobLeases.Add(new JobLease { Key = key, Owner = instance.Name, ExpiresAt = expires });
        try
        {
            db.SaveChanges();
            return true;
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return false;
        }
    }

    public void Release(string key)
    {
        using var db = dbFactory.CreateDbContext();
        db.JobLeases.Where(l => l.Key == key && l.Owner == instance.Name).ExecuteDelete();
    }
}

/// <summary>This process's name in leases and job runs.</summary>
public sealed class JobInstance
{
    public string Name { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";
}
