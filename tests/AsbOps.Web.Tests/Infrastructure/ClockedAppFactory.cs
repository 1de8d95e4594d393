using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AsbOps.Web.Tests.Infrastructure;

/// <summary>
/// The app on a <see cref="FakeTimeProvider"/>, optionally on a database file the test owns, so that a second
/// factory on the same file is a restart.
/// </summary>
public sealed class ClockedAppFactory(FakeTimeProvider clock, string? databasePath = null, IReadOnlyDictionary<string, string?>? settings = null)
    : AsbOpsAppFactory
{
    public FakeTimeProvider Clock { get; } = clock;

    public new string DatabasePath => databasePath ?? base.DatabasePath;

    protected override IReadOnlyDictionary<string, string?> Settings => settings ?? new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (databasePath is not null)
        {
            builder.UseSetting("ConnectionStrings:AsbOps", $"Data Source={databasePath}");
        }

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();
}
