using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AsbOps.Web;

/// <summary>Prints where the app listens and, in Development, the demo logins.</summary>
public static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        Console.WriteLine();
        Console.WriteLine("AsbOps is running:");
        foreach (var address in addresses)
        {
            Console.WriteLine($"  {address}");
        }

        if (app.Environment.IsDevelopment())
        {
            Console.WriteLine("Demo logins (password AsbOps-demo-1), all in area CHARNWOOD:");
            Console.WriteLine("  officer@demo.local, sergeant@demo.local, inspector@demo.local, compliance@demo.local,");
            Console.WriteLine("  analyst@demo.local, partner@demo.local (local authority), admin@demo.local,");
            Console.WriteLine("  reviewer@demo.local (guidance-reviewer: aggregate metrics only)");
        }

        Console.WriteLine();
    }
}
