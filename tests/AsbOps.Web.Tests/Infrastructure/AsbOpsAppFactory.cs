using AsbOps.Domain.Areas;
using AsbOps.Domain.Referrals;
using AsbOps.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.Infrastructure;

/// <summary>
/// The whole app in the <c>Testing</c> environment on its own real SQLite file (migrated, never InMemory), or with
/// <see cref="OnPostgres"/> on its own PostgreSQL database (<see cref="PostgresTestServer"/>).
/// Jobs and demo seeding are off; tests add the data they need.
/// </summary>
public class AsbOpsAppFactory : WebApplicationFactory<Program>
{
    public const string Password = "Test-password-1";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "asbops-tests", Guid.NewGuid().ToString("N"));

    public AsbOpsAppFactory()
    {
        Directory.CreateDirectory(_folder);
        DatabasePath = Path.Combine(_folder, "asbops.db");
    }

    public string DatabasePath { get; }

    /// <summary>The app's data protection key ring (the default is under the content root, in the source tree).</summary>
    public string KeysDirectory => Path.Combine(_folder, "keys");

    /// <summary>The PostgreSQL database of a factory <see cref="OnPostgres"/>, created by the migrations at start-up.</summary>
    public string PostgresDatabase { get; } = PostgresTestServer.NewDatabaseName();

    /// <summary>True runs the app with <c>Database:Provider=Postgres</c> on <see cref="PostgresDatabase"/>.</summary>
    protected virtual bool OnPostgres => false;

    /// <summary>Extra settings a test class needs, as configuration keys.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:AsbOps", $"Data Source={DatabasePath}");
        builder.UseSetting("Demo:SeedOnStart", "false");
        builder.UseSetting("Jobs:Enabled", "false");
        builder.UseSetting("Email:PickupDirectory", Path.Combine(_folder, "mail"));
        builder.UseSetting("DataProtection:KeysDirectory", KeysDirectory);
        // Two-step verification is required only in the tests about it (they set the roles in Settings).
        builder.UseSetting("Authentication:RequireMfaForRoles", "");
        if (OnPostgres)
        {
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:AsbOps", PostgresTestServer.ConnectionString(PostgresDatabase));
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>
    /// Where test clients connect: https when the app's public address is https, as a deployment's users do (outside
    /// Development the app then redirects plain http), plain http otherwise.
    /// </summary>
    public Uri ClientAddress => Settings.TryGetValue("App:BaseUrl", out var url) && url?.StartsWith("https:", StringComparison.Ordinal) == true
        ? new Uri("https://localhost/")
        : new Uri("http://localhost/");

    public AsbOpsDbContext CreateDbContext() =>
        Services.GetRequiredService<IDbContextFactory<AsbOpsDbContext>>().CreateDbContext();

    public async Task<Area> AddAreaAsync(string code, string? name = null)
    {
        await using var db = CreateDbContext();
        var existing = await db.Areas.SingleOrDefaultAsync(a => a.Code == code);
        if (existing is not null)
        {
            return existing;
        }

        var area = new Area { Code = code, Name = name ?? code[..1] + code[1..].ToLowerInvariant() };
        db.Areas.Add(area);
        await db.SaveChangesAsync();
        return area;
    }

    /// <summary>Creates a user with the given role (and area or agency) who can sign in with <see cref="Password"/>.</summary>
    public async Task<AppUser> AddUserAsync(string email, string role, int? areaId = null, Agency? agency = null, string? displayName = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName ?? email.Split('@')[0],
            AreaId = areaId,
            Agency = agency,
            PrimaryRole = role,
        };
        var created = await users.CreateAsync(user, Password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(user, role);
        return user;
    }

    /// <summary>An HTTP client that keeps cookies and does not follow redirects, signed in as the user.</summary>
    public async Task<HttpClient> CreateSignedInClientAsync(string email, string password = Password)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = ClientAddress });
        var response = await LoginForm.PostAsync(client, email, password);
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} failed with {(int)response.StatusCode}.");
        }

        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (OnPostgres && Environment.GetEnvironmentVariable(PostgresTestServer.Variable) is { Length: > 0 })
            {
                PostgresTestServer.Drop(PostgresDatabase);
            }

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
}
