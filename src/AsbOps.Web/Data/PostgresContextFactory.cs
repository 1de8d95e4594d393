using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Data;

/// <summary>On PostgreSQL, the <c>IDbContextFactory&lt;AsbOpsDbContext&gt;</c> every feature uses: it hands out the PostgreSQL context.</summary>
public sealed class PostgresContextFactory(IDbContextFactory<PostgresAsbOpsDbContext> inner) : IDbContextFactory<AsbOpsDbContext>
{
    public AsbOpsDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<AsbOpsDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
