using System.Globalization;
using AsbOps.Web.Data.Seeding;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AsbOps.Web.Tests.Data;

/// <summary>
/// The app on its own SQLite file in the given environment, with the demo seed and a fake clock, so that the
/// generator can be run and its output compared run against run.
/// </summary>
public class DemoForceAppFactory(string environment, int seed, DateTimeOffset now) : AsbOpsAppFactory
{
    /// <summary>A Wednesday in March: the demo year then spans two calendar years.</summary>
    public static readonly DateTimeOffset Today = new(2026, 3, 18, 10, 30, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(now);

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Demo:Seed"] = seed.ToString(CultureInfo.InvariantCulture),
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment(environment);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public async Task<DemoForceResult> GenerateAsync(int scale = 1)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DemoForceGenerator>().GenerateAsync(scale);
    }

    public async Task<DemoForceResult> ReplaceAsync(int scale = 1)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DemoForceGenerator>().ReplaceAsync(scale);
    }
}

/// <summary>One demo force in Development (with the demo logins), seeded once and shared by the demo force tests.</summary>
public sealed class SeededDemoForce : IAsyncLifetime, IDisposable
{
    public DemoForceAppFactory App { get; } = new("Development", new DemoOptions().Seed, DemoForceAppFactory.Today);

    public DemoForceResult Result { get; private set; } = new(0, 0, 0);

    public async Task InitializeAsync() => Result = await App.GenerateAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => App.Dispose();
}

[CollectionDefinition(Name)]
public sealed class DemoForceCollection : ICollectionFixture<SeededDemoForce>
{
    public const string Name = "Seeded demo force";
}
