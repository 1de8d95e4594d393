using System.Diagnostics;
using AsbOps.Domain.Jobs;
using AsbOps.Web.Data;
using AsbOps.Web.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Jobs;

/// <summary>
/// Runs a job's work and records the run (start, duration, outcome, what it did) for the jobs page, and its duration
/// for telemetry (<c>asbops_job_duration_seconds</c>).
/// </summary>
public sealed class JobRunner(
    IDbContextFactory<AsbOpsDbContext> dbFactory, TimeProvider clock, JobInstance instance, AsbOpsMetrics metrics, ILogger<JobRunner> logger)
{
    public async Task RunAsync(string job, Func<CancellationToken, Task<string>> work, CancellationToken cancellationToken)
    {
        var run = new JobRun { Job = job, Instance = instance.Name, StartedAt = clock.GetUtcNow().UtcDateTime, Outcome = JobOutcome.Running };
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            db.JobRuns.Add(run);
            await db.SaveChangesAsync(cancellationToken);
        }

        var started = Stopwatch.GetTimestamp();
        var outcome = "cancelled";
        try
        {
            run.Detail = await work(cancellationToken);
            outcome = "succeeded";
            run.Outcome = JobOutcome.Succeeded;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            run.Outcome = JobOutcome.Failed;
            outcome = "failed";
            run.Detail = ex.Message.Length <= 2000 ? ex.Message : ex.Message[..2000];
            logger.LogError(ex, "Job {Job} failed", job);
        }
        finally
        {
            metrics.JobRan(job, outcome, Stopwatch.GetElapsedTime(started));
            run.FinishedAt = clock.GetUtcNow().UtcDateTime;
            await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            db.JobRuns.Update(run);
            await db.SaveChangesAsync(CancellationToken.None);
        }
    }
}
