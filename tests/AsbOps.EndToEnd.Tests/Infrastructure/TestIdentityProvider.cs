using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Playwright;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AsbOps.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A real OpenID Connect provider (OpenIddict) on 127.0.0.1 and a free port, over plain http: authorization code flow
/// with PKCE, ephemeral signing and encryption keys, its client store in a SQLite file. It signs in whoever the test
/// put in the browser's <see cref="UserCookie"/> cookie, with exactly the claims the test chose.
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string UserCookie = "test-idp-user";
    public const string ClientId = "asbops-tests";
    public const string ClientSecret = "test-provider-client-secret";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "asbops-idp", Guid.NewGuid().ToString("N"));
    private WebApplication? _app;

    public string Authority { get; private set; } = "";

    /// <summary>Who the provider signs in, and what it says about them.</summary>
    public sealed record User(string Subject, string Email, string Name, IReadOnlyList<string> Roles, IReadOnlyDictionary<string, string>? Claims = null);

    public async Task StartAsync()
    {
        Directory.CreateDirectory(_folder);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = _folder, EnvironmentName = "Testing" });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Services.AddDbContext<ProviderDb>(options => options.UseSqlite($"Data Source={Path.Combine(_folder, "provider.db")}").UseOpenIddict());
        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<ProviderDb>())
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                server.RegisterScopes(Scopes.Email, Scopes.Profile, Scopes.Roles);
                server.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                server.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();
            });

        _app = builder.Build();
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ProviderDb>().Database.EnsureCreatedAsync();
        }

        _app.UseAuthentication();
        _app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], Authorize);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Authority = address.TrimEnd('/') + "/";
    }

    /// <summary>Registers AsbOps as a confidential client whose answers go to its <c>/signin-oidc</c>.</summary>
    public async Task RegisterClientAsync(string appBaseUrl)
    {
        await using var scope = _app!.Services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        await applications.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            ClientType = ClientTypes.Confidential,
            DisplayName = "AsbOps",
            RedirectUris = { new Uri($"{appBaseUrl.TrimEnd('/')}/signin-oidc") },
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Email,
                Permissions.Scopes.Profile,
                Permissions.Scopes.Roles,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        });
    }

    /// <summary>The next sign-in through this browser context is <paramref name="user"/>.</summary>
    public Task ChooseUserAsync(IBrowserContext context, User user) =>
        context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = UserCookie, Value = Base64UrlEncoder.Encode(JsonSerializer.Serialize(user)), Url = Authority }]);

    private static IResult Authorize(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (!http.Request.Cookies.TryGetValue(UserCookie, out var chosen) || JsonSerializer.Deserialize<User>(Base64UrlEncoder.Decode(chosen)) is not { } user)
        {
            return Results.Content("<!doctype html><title>Test provider</title><p>No test user was chosen for this browser.</p>", "text/html", Encoding.UTF8, 400);
        }

        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Subject).SetClaim(Claims.Email, user.Email).SetClaim(Claims.Name, user.Name);
        foreach (var role in user.Roles)
        {
            identity.AddClaim(new Claim("roles", role));
        }

        foreach (var (type, value) in user.Claims ?? new Dictionary<string, string>())
        {
            identity.AddClaim(new Claim(type, value));
        }

        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp folder if a file is still held; nothing reads it again.
        }
    }

    /// <summary>OpenIddict's applications, authorizations, scopes and tokens.</summary>
    private sealed class ProviderDb(DbContextOptions<ProviderDb> options) : DbContext(options);
}
