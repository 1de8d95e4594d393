using AsbOps.Domain.Risk;
using AsbOps.Web.Data.Seeding;
using AsbOps.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Data;

/// <summary>
/// Applies migrations once at start-up, puts right any stored case standing that differs from its rows, then seeds
/// what every deployment needs (roles, risk guidance version 1), and in Development the demo force when the database
/// is empty. Every step is idempotent.
/// </summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<AsbOpsDbContext> dbFactory,
    RoleManager<IdentityRole> roleManager,
    DemoForceGenerator demoForce,
    IOptions<DemoOptions> demoOptions,
    IHostEnvironment environment,
    TimeProvider clock,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(bool seedDemo = true, CancellationToken cancellationToken = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            // A migration that fills a new column for every case of a large force runs longer than a query may.
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            await db.Database.MigrateAsync(cancellationToken);
            db.Database.SetCommandTimeout(null);

            // A bulk load cut off before it put back its indexes and foreign keys left the statements to do so.
            if (await PostgresBulkLoad.RestorePendingAsync(db, cancellationToken) is > 0 and var restored)
            {
                logger.LogWarning("Put back {Count} indexes and foreign keys that an interrupted bulk load had dropped", restored);
            }

            if (db.Database.IsSqlite())
            {
                // WAL lets readers (dashboards) go on while a writer commits.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }

            if (!await db.GuidanceVersions.AnyAsync(cancellationToken))
            {
                db.GuidanceVersions.Add(new RiskGuidanceVersion
                {
                    Number = 1,
                    PublishedAt = clock.GetUtcNow().UtcDateTime,
                    Notes = RiskGuidanceV1.Notes,
                    Definition = RiskGuidanceV1.Definition,
                });
                await db.SaveChangesAsync(cancellationToken);
            }

            // A fix made by hand in the database while the app was down may have left a stored case standing wrong.
            if (await CaseStandingRefresh.RepairAsync(db, cancellationToken) is > 0 and var repaired)
            {
                logger.LogWarning("Put right the stored standing of {Count} cases or incidents that differed from their rows", repaired);
            }
        }

        foreach (var role in Roles.All)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                await roleManager.CreateAsync(new IdentityRole(role));
            }
        }

        if (seedDemo && environment.IsDevelopment() && demoOptions.Value.SeedOnStart)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (!await db.Cases.AnyAsync(cancellationToken))
            {
                logger.LogInformation("Empty database: loading the demo force (scale {Scale})", demoOptions.Value.Scale);
                await demoForce.GenerateAsync(demoOptions.Value.Scale, cancellationToken);
            }
        }
    }
}
