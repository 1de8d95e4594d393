using System.Net;
using System.Security.Cryptography;
using System.Text;
using AsbOps.Web.Data;
using AsbOps.Web.Features.Admin.ApiClients;
using AsbOps.Web.Security.ApiKeys;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AsbOps.Web.Tests.Admin;

/// <summary>API clients created by an administrator: the key works once shown, is stored only as a hash, and a revoke is immediate.</summary>
public sealed class ApiClientAdministrationTests(ApiAppFactory app) : IClassFixture<ApiAppFactory>
{
    private ApiClientAdministration Clients => app.Services.GetRequiredService<ApiClientAdministration>();

    private static string NewRef() => "LP-" + Guid.NewGuid().ToString("N")[..12];

    private async Task<(StoredClientRow Row, string Key)> CreateAsync(string name, int perMinute = 6000, params string[] scopes)
    {
        var admin = await AdminWorld.AdminAsync(app, $"{name}.admin@test.local");
        var input = new ApiClientInput { Name = name, RequestsPerMinute = perMinute };
        input.Scopes.UnionWith(scopes.Length == 0 ? [ApiScopes.IncidentsWrite] : scopes);
        var created = await Clients.CreateAsync(admin, input);
        Assert.True(created.Result.Succeeded, created.Result.Message);
        return ((await Clients.ListAsync()).Single(c => c.Name == name), created.Key!);
    }

    [Fact]
    public async Task ACreatedKeyWorksWithItsScopesAndOnlyItsHashIsStored()
    {
        await app.AddAreaAsync("APIAREA");
        app.Services.GetRequiredService<AreaDirectory>().Invalidate();
        var (row, key) = await CreateAsync("created-intake");
        using var client = app.ClientWithKey(key);

        using var incident = await ApiAppFactory.PostAsync(client, ApiAppFactory.Incident(NewRef()));
        using var markers = await client.GetAsync("/api/v1/markers?postcode=LE11%201AA");

        Assert.StartsWith(ApiClientAdministration.KeyPrefix, key);
        Assert.Equal(HttpStatusCode.Created, incident.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, markers.StatusCode);
        await using var db = app.CreateDbContext();
        var stored = await db.ApiClients.SingleAsync(c => c.Id == row.Id);
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(key)), stored.KeyHash);
        Assert.NotNull(stored.LastUsedAt);
        var audit = await db.AuditEntries.Where(e => e.EntityType == nameof(StoredApiClient) && e.EntityId == row.Id.ToString()).ToListAsync();
        Assert.NotEmpty(audit);
        Assert.DoesNotContain(audit, e => e.Changes!.Contains(key[10..], StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARevokedKeyIsRefusedAtOnceHereAndOnASecondInstanceSharingTheDatabase()
    {
        var (row, key) = await CreateAsync("to-revoke", scopes: ApiScopes.OpsRead);
        await using var second = new ClockedAppFactory(new FakeTimeProvider(DateTimeOffset.UtcNow), app.DatabasePath);
        using var here = app.ClientWithKey(key);
        using var there = second.CreateClient(new() { AllowAutoRedirect = false });
        there.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/api/v1/areas")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await there.GetAsync("/api/v1/areas")).StatusCode);
        var admin = await AdminWorld.AdminAsync(app, "revoker@test.local");

        var revoked = await Clients.RevokeAsync(admin, row.Id, row.Version);
        using var hereAfter = await here.GetAsync("/api/v1/areas");
        using var thereAfter = await there.GetAsync("/api/v1/areas");

        Assert.True(revoked.Succeeded, revoked.Message);
        Assert.Equal(HttpStatusCode.Unauthorized, hereAfter.StatusCode);
        Assert.Equal("application/problem+json", hereAfter.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, thereAfter.StatusCode);
        Assert.Equal(CommandOutcome.Conflict, (await Clients.RevokeAsync(admin, row.Id, row.Version)).Outcome);
    }

    [Fact]
    public async Task OverACreatedClientsOwnRateIs429WithRetryAfter()
    {
        var (_, key) = await CreateAsync("slow-created", perMinute: 6);
        using var client = app.ClientWithKey(key);
        HttpResponseMessage? refused = null;

        // Six a minute allows a burst of one; the bucket refills one token a second.
        for (var attempt = 0; attempt < 5 && refused is null; attempt++)
        {
            var response = await client.GetAsync("/api/v1/areas");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
        }

        Assert.NotNull(refused);
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task ANameInUseNoScopeOrABadRateIsRefusedBesideItsField()
    {
        var admin = await AdminWorld.AdminAsync(app, "badclient.admin@test.local");
        var configuredName = new ApiClientInput { Name = "storm", RequestsPerMinute = 10 };
        configuredName.Scopes.Add(ApiScopes.OpsRead);

        var taken = await Clients.CreateAsync(admin, configuredName);
        var empty = await Clients.CreateAsync(admin, new ApiClientInput { Name = "no-scopes", RequestsPerMinute = 0 });

        Assert.Contains("already", taken.Result.ErrorFor(nameof(ApiClientInput.Name)));
        Assert.Null(taken.Key);
        Assert.NotNull(empty.Result.ErrorFor(nameof(ApiClientInput.Scopes)));
        Assert.NotNull(empty.Result.ErrorFor(nameof(ApiClientInput.RequestsPerMinute)));
        Assert.DoesNotContain(await Clients.ListAsync(), c => c.Name is "storm" or "no-scopes");
        Assert.Contains(Clients.Configured(), c => c.Name == "storm");
    }
}
