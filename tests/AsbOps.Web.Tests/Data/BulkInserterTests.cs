using AsbOps.Domain.Incidents;
using AsbOps.Web.Data;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Tests.Data;

/// <summary>
/// The bulk inserter binds SQLite statements by position and converts values itself: what it stores must be exactly
/// what EF Core's own SaveChanges stores, column by column, or queries that compare or order stored text would drift.
/// </summary>
public sealed class BulkInserterTests(AsbOpsAppFactory app) : IClassFixture<AsbOpsAppFactory>
{
    [Fact]
    public async Task BulkInsertedIncidentIsStoredExactlyAsSaveChangesStoresIt()
    {
        var area = await app.AddAreaAsync("BULKA");
        await using (var db = app.CreateDbContext())
        {
            db.Incidents.Add(Incident("BULK-SAVED", area.Id));
            await db.SaveChangesAsync();
        }

        var inserted = Incident("BULK-INSERTED", area.Id);
        await using (var db = app.CreateDbContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            using (var insert = new BulkInserter(db))
            {
                await insert.InsertAsync([inserted], CancellationToken.None);
            }

            await transaction.CommitAsync();
        }

        var saved = await StoredColumnsAsync("BULK-SAVED");
        var bulk = await StoredColumnsAsync("BULK-INSERTED");
        Assert.True(inserted.Id > 0);
        Assert.Equal(inserted.Id, bulk["Id"]);
        foreach (var column in saved.Keys.Except(["Id", "StormRef", "StormRefKey", "Version"]))
        {
            Assert.True(Equals(saved[column], bulk[column]), $"{column}: SaveChanges stored '{saved[column]}', the bulk insert '{bulk[column]}'.");
        }
    }

    [Fact]
    public async Task BulkInsertedIncidentReadsBackWithEveryValueKept()
    {
        var area = await app.AddAreaAsync("BULKB");
        var inserted = Incident("BULK-READ", area.Id);
        inserted.Latitude = null;
        inserted.Longitude = null;
        inserted.Thrive.Harm = null;
        await using (var db = app.CreateDbContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            using (var insert = new BulkInserter(db))
            {
                await insert.InsertAsync([inserted], CancellationToken.None);
            }

            await transaction.CommitAsync();
        }

        await using var read = app.CreateDbContext();
        var stored = await read.Incidents.AsNoTracking().SingleAsync(i => i.StormRef == "BULK-READ");
        Assert.Equal(inserted.ReceivedAt, stored.ReceivedAt);
        Assert.Equal(inserted.CreatedAt, stored.CreatedAt);
        Assert.Equal(AsbCategory.Environmental, stored.Category);
        Assert.Equal(ThriveGrade.Emergency, stored.Thrive.Grade);
        Assert.Equal(inserted.Description, stored.Description);
        Assert.Equal(inserted.ReporterName, stored.ReporterName);
        Assert.Null(stored.Latitude);
        Assert.Null(stored.Thrive.Harm);
        Assert.Equal(inserted.Thrive.Threat, stored.Thrive.Threat);
    }

    private static Incident Incident(string stormRef, int areaId) => new()
    {
        StormRef = stormRef,
        Source = IncidentSource.ControlRoom,
        ReceivedAt = new DateTime(2026, 11, 25, 14, 3, 7, DateTimeKind.Utc).AddTicks(1_234_567),
        AreaId = areaId,
        Category = AsbCategory.Environmental,
        Address = "12 Example Road, Loughborough",
        Postcode = "LE11 1AA",
        Latitude = 52.770_123_456,
        Longitude = -1.2,
        Description = "Fly-tipping — « Ünïcödé » 🚓 עברית\nsecond line\ttab",
        Thrive = new ThriveAssessment { Threat = "Verbal threats", Harm = "Distress", Grade = ThriveGrade.Emergency },
        ReporterName = "Zoë O'Brien",
        ReporterPhone = "07000 000000",
        RequestHash = "0123456789ABCDEF",
        CreatedAt = new DateTime(2026, 11, 25, 14, 4, 0, DateTimeKind.Utc),
    };

    /// <summary>The row as SQLite holds it (text, integer, real or null), read without EF Core's conversions.</summary>
    private async Task<Dictionary<string, object?>> StoredColumnsAsync(string stormRef)
    {
        await using var connection = new SqliteConnection($"Data Source={app.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM Incidents WHERE StormRef = $ref";
        command.Parameters.AddWithValue("$ref", stormRef);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return Enumerable.Range(0, reader.FieldCount)
            .ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i));
    }
}
