using System.Globalization;
using AsbOps.Domain.Incidents;
using AsbOps.Web.Data;
using AsbOps.Web.Data.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AsbOps.Web.Tests.Postgres;

/// <summary>
/// The bulk writer on PostgreSQL is a binary COPY that writes each value itself, under the column type the EF model
/// names: what it stores must be exactly what EF Core's SaveChanges stores for the same objects, column by column, in
/// every table the demo force writes; its keys come from the tables' sequences, so EF's own inserts never clash after.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresCopyInsertTests(PostgresAppFactory app) : IClassFixture<PostgresAppFactory>
{
    // Ids the database hands out itself (rows written without reading keys back): compared without their key.
    private static readonly string[] KeysNotReadBack = ["ComplianceFindings", "ComplianceAreaTotals"];

    [Fact]
    public async Task EveryRowTheDemoWriterCopiesIsStoredExactlyAsSaveChangesStoresTheSameObjects()
    {
        var (calendar, staff, drafts, unmanaged, plans) = await BuildDemoSliceAsync();
        var writer = new DemoBatchWriter(app.Services.GetRequiredService<IDbContextFactory<AsbOpsDbContext>>());
        var before = await TablesAsync();

        await writer.WriteCasesAsync(drafts, CancellationToken.None);
        await writer.WriteIncidentsAsync(unmanaged, CancellationToken.None);
        var history = await HistoryAsync(calendar, staff, plans);
        await writer.WriteSnapshotsAsync(history, CancellationToken.None);
        var copied = await TablesAsync();
        var written = copied.Keys.Where(t => copied[t].Count != before[t].Count).ToList();

        // The same objects again, this time through EF Core: their keys are set, so EF inserts them as they are.
        await EmptyAsync(written);
        await using (var db = app.CreateDbContext())
        {
            db.AuditEnabled = false;
            db.AddRange(drafts.Select(d => d.Case));
            db.AddRange(drafts.Where(d => d.Plan is not null).Select(d => d.Plan!));
            db.AddRange(drafts.SelectMany(d => d.Referrals.Select(r => r.Referral)));
            db.AddRange(drafts.SelectMany(d => d.Shares));
            db.AddRange(drafts.SelectMany(d => d.Markers.Select(m => m.Marker)));
            db.AddRange(drafts.SelectMany(d => d.Alerts));
            db.AddRange(drafts.SelectMany(d => d.Notes));
            db.AddRange(drafts.SelectMany(d => d.ContactPlans.Select(p => p.Plan)));
            db.AddRange(drafts.SelectMany(d => d.Contacts.Select(c => c.Contact)));
            db.AddRange(drafts.SelectMany(d => d.Reminders.Select(r => r.Email)));
            db.AddRange(drafts.SelectMany(d => d.Reminders.Select(r => r.Reminder)));
            db.AddRange(unmanaged);
            db.AddRange(history);
            await db.SaveChangesAsync();
        }

        var saved = await TablesAsync();
        Assert.Contains("Incidents", written);
        Assert.Contains("AssessmentAnswers", written);
        Assert.Contains("ComplianceFindings", written);
        foreach (var table in written)
        {
            var skipKey = KeysNotReadBack.Contains(table);
            // Rows the other tests of the class left are not part of the comparison.
            var old = Rows(before[table], skipKey).ToHashSet(StringComparer.Ordinal);
            var bulk = Rows(copied[table], skipKey).Where(r => !old.Contains(r)).ToList();
            var ef = Rows(saved[table], skipKey).Where(r => !old.Contains(r)).ToList();
            Assert.True(bulk.Count > 0, table);
            Assert.Equal(ef.Count, bulk.Count);
            var first = bulk.Zip(ef).FirstOrDefault(p => p.First != p.Second);
            Assert.True(first == default, $"{table}: COPY stored\n{first.First}\nSaveChanges stored\n{first.Second}");
        }
    }

    [Fact]
    public async Task AfterACopyEfInsertsNewRowsWithoutKeyClashesEvenAfterRowsCopiedWithKeysOfTheirOwn()
    {
        var area = await app.AddAreaAsync("COPYSEQ");
        var copied = Enumerable.Range(0, 3).Select(i => Incident($"COPY-SEQ-{i}", area.Id)).ToList();
        var ownKey = Incident("COPY-SEQ-OWN", area.Id);
        await using (var db = app.CreateDbContext())
        {
            var largest = await db.Incidents.MaxAsync(i => (long?)i.Id) ?? 0;
            ownKey.Id = largest + 1000;
            await using var transaction = await db.Database.BeginTransactionAsync();
            using (var insert = new BulkInserter(db))
            {
                await insert.InsertAsync(copied, CancellationToken.None);
                await insert.InsertAsync([ownKey], CancellationToken.None);
            }

            await transaction.CommitAsync();
        }

        var added = Incident("COPY-SEQ-EF", area.Id);
        await using (var db = app.CreateDbContext())
        {
            db.Incidents.Add(added);
            await db.SaveChangesAsync();
        }

        Assert.All(copied, i => Assert.True(i.Id > 0));
        Assert.Equal(3, copied.Select(i => i.Id).Distinct().Count());
        Assert.True(added.Id > ownKey.Id, $"EF got {added.Id} after a row copied with key {ownKey.Id}.");
        await using var read = app.CreateDbContext();
        Assert.Equal(5, await read.Incidents.CountAsync(i => i.StormRef.StartsWith("COPY-SEQ-")));
    }

    [Fact]
    public async Task ACopyThatHitsAUniqueReferenceFailsAsAUniqueViolationAndLeavesNothingSaved()
    {
        var area = await app.AddAreaAsync("COPYDUP");
        await using (var db = app.CreateDbContext())
        {
            db.Incidents.Add(Incident("COPY-DUP-1", area.Id));
            await db.SaveChangesAsync();
        }

        System.Data.Common.DbException? failure = null;
        await using (var db = app.CreateDbContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            try
            {
                using var insert = new BulkInserter(db);
                await insert.InsertAsync([Incident("COPY-DUP-2", area.Id), Incident("copy-dup-1", area.Id)], CancellationToken.None);
            }
            catch (System.Data.Common.DbException ex)
            {
                failure = ex;
                await transaction.RollbackAsync();
            }

            // The connection is usable again after the failed COPY.
            Assert.Equal(1, await db.Incidents.CountAsync(i => i.AreaId == area.Id));
        }

        Assert.NotNull(failure);
        Assert.True(DbErrors.IsUniqueViolation(failure), failure.Message);
    }

    private static Incident Incident(string stormRef, int areaId) => new()
    {
        StormRef = stormRef,
        Source = IncidentSource.ControlRoom,
        ReceivedAt = new DateTime(2026, 11, 25, 14, 3, 7, DateTimeKind.Utc),
        AreaId = areaId,
        Category = AsbCategory.Environmental,
        Address = "12 Example Road",
        Postcode = "LE11 1AA",
        Description = "Fly-tipping",
        Thrive = new ThriveAssessment { Threat = "None", Grade = ThriveGrade.Emergency },
        CreatedAt = new DateTime(2026, 11, 25, 14, 4, 0, DateTimeKind.Utc),
    };

    /// <summary>A slice of the demo force built as the generator builds it: about sixty cases and forty unmanaged incidents.</summary>
    private async Task<(DemoCalendar Calendar, IReadOnlyList<DemoAreaStaff> Staff, List<DemoCaseDraft> Drafts, List<Incident> Unmanaged, List<DemoCasePlan> Plans)> BuildDemoSliceAsync()
    {
        var calendar = new DemoCalendar(new DateTime(2026, 3, 18, 0, 0, 0, DateTimeKind.Utc));
        IReadOnlyList<DemoAreaStaff> staff;
        int guidanceVersionId;
        await using (var db = app.CreateDbContext())
        {
            guidanceVersionId = await db.GuidanceVersions.Where(g => g.Number == 1).Select(g => g.Id).SingleAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var staffBuilder = new DemoStaffBuilder(app.Services.GetRequiredService<IPasswordHasher<AppUser>>(),
                app.Services.GetRequiredService<ILookupNormalizer>(), withDemoLogins: false, demoPassword: "");
            staff = await staffBuilder.BuildAsync(db, new Random(7), 1, CancellationToken.None);
            await transaction.CommitAsync();
        }

        var rng = new Random(11);
        var plans = DemoCasePlanner.Plan(rng, calendar, 1).Where((_, i) => i % 70 == 0).ToList();
        var people = new DemoPeoplePool(calendar);
        var incidents = new DemoIncidentBuilder(calendar);
        var builder = new DemoCaseBuilder(calendar, staff, people, incidents,
            new DemoRiskBuilder(calendar, new DemoAssessmentBuilder(Domain.Risk.RiskGuidanceV1.Definition, guidanceVersionId)),
            new DemoFollowUpBuilder(calendar, new DemoReminderBuilder(calendar)));
        var drafts = plans.Select(plan => builder.Build(rng, plan)).ToList();
        var unmanaged = Enumerable.Range(0, 40)
            .Select(i => incidents.Unmanaged(rng, staff[i % staff.Count], calendar.ReportTime(rng, calendar.Start, calendar.End), screened: i % 2 == 0))
            .ToList();
        return (calendar, staff, drafts, unmanaged, plans);
    }

    /// <summary>Twelve weeks of compliance snapshots with findings on the cases written, as the generator attaches them.</summary>
    private async Task<List<Domain.Compliance.ComplianceSnapshot>> HistoryAsync(DemoCalendar calendar, IReadOnlyList<DemoAreaStaff> staff, List<DemoCasePlan> plans)
    {
        var rng = new Random(13);
        var history = DemoSnapshotHistory.Build(rng, calendar, plans, staff, 1);
        var lives = await DemoFindingHistory.LoadCasesAsync(app.Services.GetRequiredService<IDbContextFactory<AsbOpsDbContext>>(),
            history.Count > 0 ? history[0].TakenAt : calendar.End, CancellationToken.None);
        DemoFindingHistory.Attach(history, lives, rng, null);
        return history;
    }

    /// <summary>Every table of the EF model, each row as text (column = value, in column order), read without EF.</summary>
    private async Task<Dictionary<string, List<Dictionary<string, string>>>> TablesAsync()
    {
        await using var db = app.CreateDbContext();
        var tables = db.Model.GetEntityTypes().Where(t => !t.IsOwned() && t.GetTableName() is not null)
            .Select(t => t.GetTableName()!).Distinct().ToList();
        await using var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        await connection.OpenAsync();
        var result = new Dictionary<string, List<Dictionary<string, string>>>();
        foreach (var table in tables)
        {
            await using var command = new NpgsqlCommand($"SELECT * FROM \"{table}\"", connection);
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<Dictionary<string, string>>();
            while (await reader.ReadAsync())
            {
                rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => Text(reader.IsDBNull(i) ? null : reader.GetValue(i))));
            }

            result[table] = rows;
        }

        return result;
    }

    private static string Text(object? value) => value switch
    {
        null => "NULL",
        DateTime d => d.Kind + ":" + d.ToString("O", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        byte[] b => Convert.ToHexString(b),
        IFormattable f => value.GetType().Name + ":" + f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.GetType().Name + ":" + value,
    };

    /// <summary>The rows as sorted lines, each column named, optionally without the key.</summary>
    private static List<string> Rows(List<Dictionary<string, string>> rows, bool skipKey) =>
        [.. rows.Select(r => string.Join(" | ", r.Where(c => !(skipKey && c.Key == "Id")).Select(c => $"{c.Key}={c.Value}")))
            .Order(StringComparer.Ordinal)];

    private async Task EmptyAsync(IEnumerable<string> tables)
    {
        await using var db = app.CreateDbContext();
        await using var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"TRUNCATE {string.Join(", ", tables.Select(t => $"\"{t}\""))} RESTART IDENTITY CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }
}
