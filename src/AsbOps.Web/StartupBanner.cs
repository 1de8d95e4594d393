using AsbOps.Web.Data.Seeding;
using AsbOps.Web.Security.SignIn;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AsbOps.Web;

/// <summary>Prints where the app listens and, in Development, the demo logins when the database holds them.</summary>
public static class StartupBanner
{
    /// <summary>
    /// Whether the banner lists the demo logins: in Development, and only when the database has them. A database loaded
    /// outside Development (<c>--seed-demo N</c> in Production, a copy of a live force) has none, and a banner listing
    /// them would send a developer to a sign-in that fails.
    /// </summary>
    public static async Task<bool> ShowsDemoLoginsAsync(IServiceProvider services, IHostEnvironment environment)
    {
        if (!environment.IsDevelopment())
        {
            return false;
        }

        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppUserManager>().FindByEmailAsync(DemoLogins.Inspector) is not null;
    }

    /// <summary>The addresses the server listens on, once it has started.</summary>
    public static IReadOnlyCollection<string> Addresses(IServiceProvider services) =>
        services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];

    public static void Print(TextWriter output, IEnumerable<string> addresses, IHostEnvironment environment, bool demoLogins)
    {
        output.WriteLine();
        output.WriteLine("AsbOps is running:");
        foreach (var address in addresses)
        {
            output.WriteLine($"  {address}");
        }

        if (demoLogins)
        {
            output.WriteLine("Demo logins (password AsbOps-demo-1), all in area CHARNWOOD:");
            output.WriteLine("  officer@demo.local, sergeant@demo.local, inspector@demo.local, compliance@demo.local,");
            output.WriteLine("  analyst@demo.local, partner@demo.local (local authority), admin@demo.local,");
            output.WriteLine("  reviewer@demo.local (guidance-reviewer: aggregate metrics only)");
        }
        else if (environment.IsDevelopment())
        {
            output.WriteLine("This database has no demo logins: it was not loaded in Development. Sign in with its own");
            output.WriteLine("accounts, or start on an empty database in Development to have the demo force and its logins.");
        }

        output.WriteLine();
    }
}
