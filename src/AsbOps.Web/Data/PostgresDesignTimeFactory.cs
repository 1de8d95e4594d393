using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AsbOps.Web.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add … --context PostgresAsbOpsDbContext</c> build the PostgreSQL model without a server
/// (adding a migration never connects). The app itself registers the context from configuration.
/// </summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAsbOpsDbContext>
{
    public PostgresAsbOpsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAsbOpsDbContext>().UseNpgsql("Host=localhost;Database=asbops_design").Options);
}
