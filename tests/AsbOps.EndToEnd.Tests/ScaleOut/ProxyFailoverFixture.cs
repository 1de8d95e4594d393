using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AsbOps.Domain.Areas;
using AsbOps.Web.Data;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using AsbOps.Web.Tests.ScaleOut;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AsbOps.EndToEnd.Tests.ScaleOut;

/// <summary>
/// The production topology of deploy/ on loopback: Debian's nginx with deploy/nginx.conf (TLS with a throw-away
/// certificate, sticky route cookie, WebSocket upgrade) in front of two app instances on one fresh PostgreSQL database
/// and one real redis-server, and the system Chromium. Nothing listens beyond 127.0.0.1; everything written is under
/// the temp folder (and the test database, dropped afterwards).
/// </summary>
public sealed class ProxyFailoverFixture : IAsyncLifetime
{
    public const string AreaCode = "FAILOVER";
    public const string InspectorEmail = "inspector@failover.test";
    public const string Password = "Failover-test-password-1";
    private const string StormKey = "test-failover-storm-key";

    /// <summary>The Redis channel of the app's live-event bridge (OpsRedisBridge); each instance is one subscriber.</summary>
    private const string BridgeChannel = "asbops:ops-changes";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "asbops-failover", Guid.NewGuid().ToString("N"));
    private readonly string _database = PostgresTestServer.NewDatabaseName();
    private IPlaywright? _playwright;
    private byte[] _certificateHash = [];

    public RedisServer Redis { get; private set; } = null!;

    public NginxProxy Proxy { get; private set; } = null!;

    public ProxiedInstance[] Instances { get; private set; } = [];

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var (certificate, key) = WriteCertificate();
        Redis = await RedisServer.StartAsync();

        // The proxy's address is the app's public address, so its port is chosen before the apps start.
        var httpPort = NginxProxy.FreePort();
        var httpsPort = NginxProxy.FreePort();
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:AsbOps"] = PostgresTestServer.ConnectionString(_database),
            ["Redis:Configuration"] = Redis.Configuration,
            ["App:BaseUrl"] = $"https://127.0.0.1:{httpsPort.ToString(CultureInfo.InvariantCulture)}",
            ["App:TrustedProxies:0"] = "127.0.0.1",
            [DataProtectionSetup.KeyStoreKey] = "Database",
            ["Files:Directory"] = Path.Combine(_folder, "files"),
            ["Email:PickupDirectory"] = Path.Combine(_folder, "mail"),
            ["Jobs:Enabled"] = "false",
            ["Authentication:RequireMfaForRoles"] = "",
            ["ApiClients:0:Name"] = "storm",
            ["ApiClients:0:Key"] = StormKey,
            ["ApiClients:0:Scopes:0"] = "incidents:write",
        };

        // The first instance migrates the new database; the second starts on it, as a second container does.
        var first = new ProxiedInstance("app1", settings);
        Instances = [first];
        first.Start();
        await AddInspectorAsync(first);
        var second = new ProxiedInstance("app2", settings);
        Instances = [first, second];
        second.Start();

        // Both Redis bridges subscribed, so a change committed on either instance reaches circuits on the other.
        using (var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            while (await Redis.SubscribersAsync(BridgeChannel) < 2)
            {
                await Task.Delay(50, deadline.Token);
            }
        }

        Proxy = await NginxProxy.StartAsync(httpPort, httpsPort, [first.Port, second.Port], certificate, key);

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("ASBOPS_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A client of the public address that trusts exactly the proxy's throw-away certificate.</summary>
    public HttpClient ProxyClient()
    {
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
                certificate is not null && certificate.GetCertHash(HashAlgorithmName.SHA256).AsSpan().SequenceEqual(_certificateHash),
        };
        return new HttpClient(handler) { BaseAddress = new Uri(Proxy.BaseUrl) };
    }

    /// <summary>Posts a new incident for the area through the proxy, as the control room does.</summary>
    public async Task PostIncidentAsync()
    {
        using var client = ProxyClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", StormKey);
        var response = await client.PostAsJsonAsync("/api/v1/incidents", new
        {
            stormRef = "LP-FAILOVER-" + Guid.NewGuid().ToString("N")[..12],
            receivedAt = DateTime.UtcNow.AddMinutes(-5).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            category = "nuisance",
            areaCode = AreaCode,
            location = new { address = "3 Market Place, Loughborough", postcode = "LE11 3EB", lat = 52.77, lon = -1.2 },
            description = "Group of youths shouting outside the shops",
            thrive = new
            {
                threat = "Low",
                harm = "Nuisance to shoppers",
                risk = "May recur tonight",
                investigation = "CCTV",
                vulnerability = "None known",
                engagement = "Caller willing",
                grade = "scheduled",
            },
            reporter = new { name = "A Shopkeeper", phone = "07000 000001" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static async Task AddInspectorAsync(ProxiedInstance instance)
    {
        await using var db = instance.CreateDbContext();
        var area = new Area { Code = AreaCode, Name = "Failover" };
        db.Areas.Add(area);
        await db.SaveChangesAsync();

        await using var scope = instance.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = InspectorEmail,
            Email = InspectorEmail,
            EmailConfirmed = true,
            DisplayName = "Failover Inspector",
            AreaId = area.Id,
            PrimaryRole = Roles.Inspector,
        };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(user, Roles.Inspector)).Succeeded);
    }

    /// <summary>A self-signed certificate for 127.0.0.1, written as the PEM files nginx reads.</summary>
    private (string Certificate, string Key) WriteCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        _certificateHash = certificate.GetCertHash(HashAlgorithmName.SHA256);
        var certificatePath = Path.Combine(_folder, "asbops.crt");
        var keyPath = Path.Combine(_folder, "asbops.key");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, rsa.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath);
    }

    public async Task DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
        }

        if (Proxy is not null)
        {
            await Proxy.DisposeAsync();
        }

        foreach (var instance in Instances.Reverse())
        {
            await instance.DisposeAsync();
        }

        if (Redis is not null)
        {
            await Redis.DisposeAsync();
        }

        if (Environment.GetEnvironmentVariable(PostgresTestServer.Variable) is { Length: > 0 })
        {
            PostgresTestServer.Drop(_database);
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp folder if a file is still held; nothing reads it again.
        }
    }
}
