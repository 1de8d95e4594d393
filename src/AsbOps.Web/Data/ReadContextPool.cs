using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace AsbOps.Web.Data;

/// <summary>
/// Contexts for short reads, reused instead of built for each call (EF Core's context pooling): a page that reads a few
/// dozen rows in a millisecond spent as long again creating and initialising its context. A leased context refuses to
/// save, and comes with the settable state (<see cref="AsbOpsDbContext.AuditActor"/>, <see cref="AsbOpsDbContext.AuditEnabled"/>,
/// <see cref="AsbOpsDbContext.Clock"/>) as a new context has it, whatever the previous lease left. Disposing a leased
/// context returns it to the pool. Writes keep <c>IDbContextFactory&lt;AsbOpsDbContext&gt;</c>.
/// </summary>
public interface IReadContextPool
{
    /// <summary>A context for reads; dispose it to return it.</summary>
    AsbOpsDbContext Lease();
}

/// <summary>
/// The pool over the configured provider's context, on the very options its <c>IDbContextFactory</c> uses: the pool
/// size is not part of what EF Core keys its internal services on, so the pooled contexts share the one model (and the
/// compiled queries made for it).
/// </summary>
public sealed class ReadContextPool<TContext>(DbContextOptions<TContext> options) : IReadContextPool
    where TContext : AsbOpsDbContext
{
    /// <summary>Contexts kept for reuse; more at once are created and disposed as without a pool.</summary>
    public const int Size = 64;

    private readonly PooledDbContextFactory<TContext> _contexts = new(options, Size);

    public AsbOpsDbContext Lease()
    {
        var db = _contexts.CreateDbContext();
        db.LeaseForReads();
        return db;
    }
}
