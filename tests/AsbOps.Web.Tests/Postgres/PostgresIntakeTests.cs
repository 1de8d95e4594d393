using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AsbOps.Domain.Incidents;
using AsbOps.Web.Features.Dashboard;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.Postgres;

/// <summary>Control-room intake on PostgreSQL: the prepared inserts, their RETURNING ids and the unique StormRef.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresIntakeTests(PostgresApiAppFactory app) : IClassFixture<PostgresApiAppFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await app.AddAreaAsync("APIAREA");

    public Task DisposeAsync() => Task.CompletedTask;

    private static string NewRef() => "PG-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();

    [Fact]
    public async Task AnIncidentIsCreatedOnceTheSameBodyAgainIsADuplicateAndAnotherBodyIsAConflict()
    {
        using var client = app.ClientWithKey(ApiAppFactory.StormKey);
        var stormRef = NewRef();
        var body = ApiAppFactory.Incident(stormRef);
        var changed = ApiAppFactory.Incident(stormRef);
        changed["description"] = "Changed after sending";

        var created = await ApiAppFactory.PostAsync(client, body);
        var again = await ApiAppFactory.PostAsync(client, body.DeepClone());
        var conflict = await ApiAppFactory.PostAsync(client, changed);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.Conflict), (created.StatusCode, again.StatusCode, conflict.StatusCode));
        var id = (long)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        Assert.Equal(id, (long)(await again.Content.ReadFromJsonAsync<JsonObject>())!["id"]!);
        await using var db = app.CreateDbContext();
        var stored = await db.Incidents.Include(i => i.Screening).SingleAsync(i => i.StormRef == stormRef);
        Assert.Equal(id, stored.Id);
        Assert.Equal(IncidentSource.ControlRoom, stored.Source);
        Assert.Equal(DateTimeKind.Utc, stored.ReceivedAt.Kind);
        Assert.Equal(DateTime.Parse((string)body["receivedAt"]!, null, System.Globalization.DateTimeStyles.AdjustToUniversal), stored.ReceivedAt);
        Assert.Equal("Youths kicking door, shouting abuse at occupant", stored.Description);
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.EntityType == nameof(Incident) && e.EntityId == id.ToString()));
    }

    [Fact]
    public async Task ABatchStoresTheNewItemsAndAnswersEveryItemInOrder()
    {
        using var client = app.ClientWithKey(ApiAppFactory.StormKey);
        var existing = ApiAppFactory.Incident(NewRef());
        await ApiAppFactory.PostAsync(client, existing);
        var conflicting = ApiAppFactory.Incident((string)existing["stormRef"]!);
        conflicting["description"] = "Changed";
        var good1 = ApiAppFactory.Incident(NewRef());
        var good2 = ApiAppFactory.Incident(NewRef());
        var batch = new JsonObject { ["incidents"] = new JsonArray(good1, existing.DeepClone(), conflicting, good2, good1.DeepClone()) };

        var response = await ApiAppFactory.PostAsync(client, batch, "/api/v1/incidents:batch");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = (await response.Content.ReadFromJsonAsync<JsonObject>())!["results"]!.AsArray();
        Assert.Equal(["created", "duplicate", "conflict", "created", "duplicate"], results.Select(r => (string)r!["status"]!));
        Assert.Equal((long)results[0]!["id"]!, (long)results[4]!["id"]!);
        await using var db = app.CreateDbContext();
        string[] refs = [(string)good1["stormRef"]!, (string)good2["stormRef"]!];
        Assert.Equal(2, await db.Incidents.CountAsync(i => refs.Contains(i.StormRef)));
    }

    [Fact]
    public async Task TheWaitingIncidentsOfAnAreaAreCountedAloneAsInItsCounters()
    {
        var area = await app.AddAreaAsync("PGWAIT");
        using var client = app.ClientWithKey(ApiAppFactory.StormKey);
        for (var i = 0; i < 3; i++)
        {
            var incident = ApiAppFactory.Incident(NewRef());
            incident["areaCode"] = "PGWAIT";
            Assert.Equal(HttpStatusCode.Created, (await ApiAppFactory.PostAsync(client, incident)).StatusCode);
        }

        await using var scope = app.Services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<OpsDashboardQueries>();
        var waiting = await queries.AwaitingScreeningAsync([area.Id]);
        var counters = await queries.CountersAsync(area.Id);

        Assert.Equal(3, waiting[area.Id]);
        Assert.Equal(counters.ByArea["PGWAIT"].AwaitingScreening, waiting[area.Id]);
    }
}
