using AsbOps.Domain.Areas;
using AsbOps.Domain.Cases;
using AsbOps.Web.Data;
using AsbOps.Web.Data.Auditing;
using AsbOps.Web.Features.Cases;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AsbOps.Web.Tests.Cases;

/// <summary>
/// The case list reads through <see cref="IReadContextPool"/> (pooled contexts) and sends the page's ids as one
/// parameter: a leased context comes back with the state of a new one, on the app's one model, and refuses to save; a
/// <see cref="ReadSnapshot"/> lets writers on and keeps its reads consistent; the list as it opens (compiled queries in a
/// snapshot) lists the same rows and people as the LINQ query of another order. Run on SQLite
/// here and on PostgreSQL by <c>PostgresCaseListPooledReadTests</c>.
/// </summary>
public abstract class CaseListPooledReadChecks(AsbOpsAppFactory app)
{
    private static readonly UserScope Analyst = new("analyst-id", "analyst@test.local", Roles.Analyst, null, null);
    private static int _areas;

    private IReadContextPool Pool => app.Services.GetRequiredService<IReadContextPool>();

    [Fact]
    public async Task ALeasedContextReturnedToThePoolComesBackWithTheAuditStateOfANewContext()
    {
        AsbOpsDbContext returned;
        await using (var db = Pool.Lease())
        {
            returned = db;
            db.AuditActor = new AuditActor("someone-id", "someone");
            db.AuditEnabled = false;
            db.Clock = new FakeTimeProvider();
            db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        }

        // Other leases may be waiting in the pool ahead of it: hold each until the returned one comes round.
        var held = new List<AsbOpsDbContext>();
        try
        {
            while (held.Count <= ReadContextPool<AsbOpsDbContext>.Size && !held.Contains(returned))
            {
                held.Add(Pool.Lease());
            }

            var again = Assert.Single(held, db => ReferenceEquals(db, returned));
            Assert.Equal(AuditActor.System, again.AuditActor);
            Assert.True(again.AuditEnabled);
            Assert.Same(TimeProvider.System, again.Clock);
            Assert.Equal(QueryTrackingBehavior.TrackAll, again.ChangeTracker.QueryTrackingBehavior);
            Assert.True(again.IsReadLease);

            // The same model as the contexts the app writes with: the pool built no second one.
            await using var made = await app.Services.GetRequiredService<IDbContextFactory<AsbOpsDbContext>>().CreateDbContextAsync();
            Assert.Same(made.Model, again.Model);
            Assert.False(made.IsReadLease);
        }
        finally
        {
            foreach (var db in held)
            {
                await db.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task ALeasedContextRefusesToSave()
    {
        var code = $"POOL{Interlocked.Increment(ref _areas)}";
        await using (var db = Pool.Lease())
        {
            db.Areas.Add(new Area { Code = code, Name = "Pooled" });

            Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        await using var check = app.CreateDbContext();
        Assert.False(await check.Areas.AnyAsync(a => a.Code == code));
    }

    [Fact]
    public async Task AReadSnapshotTakesNoWriteLockAndSeesWhatItFirstReadUntilItEnds()
    {
        await using var db = Pool.Lease();
        await db.Database.OpenConnectionAsync();
        int before;
        using (var snapshot = ReadSnapshot.Begin(db))
        {
            before = await db.Areas.CountAsync();

            // Another context writes and commits meanwhile (with the write lock taken, it would wait and time out).
            await using (var writer = app.CreateDbContext())
            {
                writer.Areas.Add(new Area { Code = $"POOL{Interlocked.Increment(ref _areas)}", Name = "Written meanwhile" });
                await writer.SaveChangesAsync();
            }

            Assert.Equal(before, await db.Areas.CountAsync());
            snapshot.Commit();
        }

        Assert.Equal(before + 1, await db.Areas.CountAsync());
    }

    [Fact]
    public async Task TheListAsItOpensShowsTheSamePeopleAsTheLinqQueryOfAnotherOrder()
    {
        var area = await app.AddAreaAsync($"POOL{Interlocked.Increment(ref _areas)}");
        var fourVictims = await app.AddCaseAsync(area.Id, c => c.OpenedAt = new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc), people:
        [
            new("Vera", "One", PersonRole.Victim), new("Wes", "Witness", PersonRole.Witness), new("Vic", "Two", PersonRole.Victim),
            new("Val", "Three", PersonRole.Victim), new("Vin", "Four", PersonRole.Victim),
        ]);
        var noVictim = await app.AddCaseAsync(area.Id, c => c.OpenedAt = new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc), people:
        [
            new("Walt", "Seen", PersonRole.Witness), new("Perry", "Trator", PersonRole.Perpetrator),
        ]);
        var nobody = await app.AddCaseAsync(area.Id, c => c.OpenedAt = new DateTime(2026, 3, 3, 9, 0, 0, DateTimeKind.Utc));

        var newest = await app.Services.GetRequiredService<ICaseListService>()
            .SearchAsync(Analyst, new CaseListQuery { Area = area.Code, PageSize = 50 });
        var oldest = await app.Services.GetRequiredService<ICaseListService>()
            .SearchAsync(Analyst, new CaseListQuery { Area = area.Code, PageSize = 50, SortBy = CaseListSort.Opened });

        static string Shown(CaseListRow r) => $"{r.Reference} {r.PeopleCount}: {string.Join(", ", r.PeopleShown)}";
        Assert.Equal(
            [
                $"{nobody.Reference} 0: ",
                $"{noVictim.Reference} 2: Walt Seen",
                $"{fourVictims.Reference} 5: Vera One, Vic Two, Val Three",
            ],
            newest.Rows.Select(Shown));
        Assert.Equal(oldest.Rows.Select(Shown).Reverse(), newest.Rows.Select(Shown));
        Assert.Equal((3, 3), (newest.TotalCount, oldest.TotalCount));
    }
}
