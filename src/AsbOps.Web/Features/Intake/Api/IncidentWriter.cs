using System.Threading.Channels;

namespace AsbOps.Web.Features.Intake.Api;

/// <summary>
/// One writer for control-room incidents in this instance. Requests that arrive together are stored together in
/// one transaction (group commit), so a burst costs a few commits instead of one per incident, and writers never
/// queue on the database's lock. Each request still gets its own answer, in order.
/// </summary>
public sealed class IncidentWriter(IncidentStore store, ILogger<IncidentWriter> logger) : BackgroundService
{
    /// <summary>The most incidents one transaction takes.</summary>
    public const int MaxGroup = 1000;

    private readonly Channel<Work> _queue = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true });

    public Task<IReadOnlyList<IntakeResult>> WriteAsync(IReadOnlyList<IncidentSubmission> submissions, CancellationToken cancellationToken)
    {
        var work = new Work(submissions, new TaskCompletionSource<IReadOnlyList<IntakeResult>>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(work))
        {
            throw new InvalidOperationException("The incident writer has stopped.");
        }

        return work.Done.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var group = new List<Work>();
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                var count = 0;
                while (count < MaxGroup && _queue.Reader.TryRead(out var work))
                {
                    group.Add(work);
                    count += work.Submissions.Count;
                }

                await StoreAsync(group);
                group.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: whatever is still queued is answered with a failure below.
        }
        finally
        {
            _queue.Writer.TryComplete();
            while (_queue.Reader.TryRead(out var left))
            {
                left.Done.TrySetException(new OperationCanceledException("The app is stopping."));
            }
        }
    }

    private async Task StoreAsync(List<Work> group)
    {
        try
        {
            var results = await store.StoreAsync(group.SelectMany(w => w.Submissions).ToList(), CancellationToken.None);
            var offset = 0;
            foreach (var work in group)
            {
                work.Done.TrySetResult(results.Skip(offset).Take(work.Submissions.Count).ToList());
                offset += work.Submissions.Count;
            }
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Storing {Count} incidents failed", group.Sum(w => w.Submissions.Count));
            foreach (var work in group)
            {
                work.Done.TrySetException(ex);
            }
        }
    }

    private sealed record Work(IReadOnlyList<IncidentSubmission> Submissions, TaskCompletionSource<IReadOnlyList<IntakeResult>> Done);
}
