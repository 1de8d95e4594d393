using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Data;

/// <summary>
/// The <c>IDbContextFactory&lt;AsbOpsDbContext&gt;</c> every feature uses: it hands out the configured provider's
/// context (<see cref="SqliteAsbOpsDbContext"/> or <see cref="PostgresAsbOpsDbContext"/>).
/// </summary>
public sealed class ProviderContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<AsbOpsDbContext>
    where TContext : AsbOpsDbContext
{
    public AsbOpsDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<AsbOpsDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
