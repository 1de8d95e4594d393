using AsbOps.Web.Data.Seeding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AsbOps.Web.Tests.Data;

/// <summary>The start-up banner lists the demo logins only where they can sign in.</summary>
[Collection(DemoForceCollection.Name)]
public sealed class StartupBannerTests(SeededDemoForce force)
{
    private static readonly string[] Addresses = ["http://localhost:5000"];

    private static string Banner(IHostEnvironment environment, bool demoLogins)
    {
        using var output = new StringWriter();
        StartupBanner.Print(output, Addresses, environment, demoLogins);
        return output.ToString();
    }

    [Fact]
    public async Task TheDemoForceInDevelopmentListsTheDemoLogins()
    {
        var environment = force.App.Services.GetRequiredService<IHostEnvironment>();

        var shows = await StartupBanner.ShowsDemoLoginsAsync(force.App.Services, environment);
        var banner = Banner(environment, shows);

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
        var environment = app.Services.GetRequiredService<IHostEnvironment>();

        var shows = await StartupBanner.ShowsDemoLoginsAsync(app.Services, environment);
        var banner = Banner(environment, shows);

        Assert.False(shows);
        Assert.Contains("This database has no demo logins", banner, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoLogins.Domain, banner, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutsideDevelopmentTheBannerSaysNothingOfDemoLogins()
    {
        await using var app = new DemoForceAppFactory("Production", new DemoOptions().Seed, DemoForceAppFactory.Today);
        var environment = app.Services.GetRequiredService<IHostEnvironment>();

        var shows = await StartupBanner.ShowsDemoLoginsAsync(app.Services, environment);
        var banner = Banner(environment, shows);

        Assert.False(shows);
        Assert.DoesNotContain("demo", banner, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("AsbOps is running:", banner, StringComparison.Ordinal);
    }
}
