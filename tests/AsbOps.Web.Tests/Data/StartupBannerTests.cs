using AsbOps.Web.Data.Seeding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AsbOps.Web.Tests.Data;

/// <summary>The start-up banner lists the demo logins only where they can sign in.</summary>
[Collection(DemoForceCollection.Name)]
public sealed class StartupBannerTests(SeededDemoForce force)
{
    private static readonly string[] Addresses = ["http://localhost:5000"];

    /// <summary>What the app would print at start-up: whether it lists the demo logins, and the banner.</summary>
    private static async Task<(bool Shows, string Banner)> BannerOfAsync(IServiceProvider services)
    {
        var environment = services.GetRequiredService<IHostEnvironment>();
        var shows = await StartupBanner.ShowsDemoLoginsAsync(services, environment);
        using var output = new StringWriter();
        StartupBanner.Print(output, Addresses, environment, shows);
        return (shows, output.ToString());
    }

    [Fact]
    public async Task TheDemoForceInDevelopmentListsTheDemoLogins()
    {
        var (shows, banner) = await BannerOfAsync(force.App.Services);

        Assert.True(shows);
        Assert.Contains("http://localhost:5000", banner, StringComparison.Ordinal);
        foreach (var login in DemoLogins.All)
        {
            Assert.Contains(login, banner, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ADatabaseWithoutTheDemoLoginsSaysSoInDevelopmentInsteadOfListingThem()
    {
        await using var app = new DemoForceAppFactory("Development", new DemoOptions().Seed, DemoForceAppFactory.Today);

        var (shows, banner) = await BannerOfAsync(app.Services);

        Assert.False(shows);
        Assert.Contains("This database has no demo logins", banner, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoLogins.Domain, banner, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutsideDevelopmentTheBannerSaysNothingOfDemoLogins()
    {
        await using var app = new DemoForceAppFactory("Production", new DemoOptions().Seed, DemoForceAppFactory.Today);

        var (shows, banner) = await BannerOfAsync(app.Services);

        Assert.False(shows);
        Assert.DoesNotContain("demo", banner, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("AsbOps is running:", banner, StringComparison.Ordinal);
    }
}
