using AsbOps.Web.Features.Dashboard.Feed;
using AsbOps.Web.Live;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.ScaleOut;

/// <summary>
/// Two instances of the app on one SQLite file and one real Redis (the SignalR backplane and the ops-change bridge),
/// as a load-balanced deployment runs. Instance A migrates first; B starts on the migrated file.
/// </summary>
public sealed class ScaleOutFixture : IAsyncLifetime
{
    /// <summary>The bridge's pub/sub channel (OpsRedisBridge); each instance's bridge is one subscriber.</summary>
    public const string BridgeChannel = "asbops:ops-changes";

    public static readonly string[] AreaCodes = ["SCALEKEY", "SCALENOTE", "SCALESUBA", "SCALESUBB", "SCALEGREET"];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "asbops-scaleout", Guid.NewGuid().ToString("N"));
    private int _stormSequence;

    public RedisServer Redis { get; private set; } = null!;

    public ScaleOutInstance A { get; private set; } = null!;

    public ScaleOutInstance B { get; private set; } = null!;

    public string NextStormRef() => $"LP-SCALE-{Interlocked.Increment(ref _stormSequence):D5}";

    public async Task InitializeAsync()
    {
        Redis = await RedisServer.StartAsync();
        Directory.CreateDirectory(_folder);
        var database = Path.Combine(_folder, "asbops.db");
        A = new ScaleOutInstance(database, Redis.Configuration);
        _ = A.Server;
        B = new ScaleOutInstance(database, Redis.Configuration);
        _ = B.Server;

        // Every area exists before the first incident: the API's area cache reloads at most every few seconds.
        foreach (var code in AreaCodes)
        {
            await A.AddAreaAsync(code);
        }

        // Both bridges subscribed and both broadcasters counted once, so no test races the start-up.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await Redis.SubscribersAsync(BridgeChannel) < 2
            || A.Services.GetRequiredService<OpsBroadcaster>().Latest is null
            || B.Services.GetRequiredService<OpsBroadcaster>().Latest is null)
        {
            await Task.Delay(50, deadline.Token);
        }
    }

    public async Task DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
        await Redis.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow shutdown stays in the temp folder; nothing depends on it.
        }
    }
}
