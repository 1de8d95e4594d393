using AsbOps.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Email;

/// <summary>
/// "Queue this step's email once": the step's row (unique per thing chased and step) is inserted first, then the email
/// is queued and the row pointed at it, all in one transaction. A second run or instance trying the same step fails
/// on the unique index before it queues anything and rolls back, so the step is sent once however many try; a crash
/// before the commit leaves neither row nor email. Shared by every reminder that escalates in steps.
/// </summary>
public sealed class OutboxOnce(IDbContextFactory<AsbOpsDbContext> dbFactory, EmailOutbox outbox)
{
    /// <summary>True when this call queued the step; false when another run or instance already had.</summary>
    public async Task<bool> TryQueueAsync<TStep>(TStep step, Action<TStep, long> pointAt, OutgoingEmail email, CancellationToken cancellationToken)
        where TStep : class
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            db.Add(step);
            await db.SaveChangesAsync(cancellationToken);
            var message = outbox.Enqueue(db, email);
            await db.SaveChangesAsync(cancellationToken);
            pointAt(step, message.Id);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            await transaction.RollbackAsync(CancellationToken.None);
            return false;
        }
    }
}
