using AsbOps.Web.Tests.Infrastructure;
using AsbOps.Web.Tests.Intake;

namespace AsbOps.Web.Tests.Postgres;

/// <summary>Case-insensitive control-room references on PostgreSQL (its comparisons are case-sensitive too).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStormRefCasingTests(PostgresApiAppFactory app) : IClassFixture<PostgresApiAppFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await app.AddAreaAsync("APIAREA");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TheSameIncidentSentAgainInAnotherCasingIsAReplayOfTheFirst()
    {
        await StormRefCasing.ASingleReplayInAnotherCasingAnswersTheFirstIncidentAsync(app, "pg-");
    }

    [Fact]
    public async Task ABatchItemInAnotherCasingOfAStoredReferenceIsADuplicate()
    {
        await StormRefCasing.ABatchReplayInAnotherCasingIsADuplicateAsync(app, "pg-");
    }

    [Fact]
    public async Task TwoCasingsOfOneReferenceInOneBatchStoreOneIncident()
    {
        await StormRefCasing.TwoCasingsInOneBatchStoreOneIncidentAsync(app, "pg-");
    }
}
