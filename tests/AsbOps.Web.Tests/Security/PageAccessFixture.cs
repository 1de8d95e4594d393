using AsbOps.Domain.Cases;
using AsbOps.Domain.Incidents;
using AsbOps.Domain.Referrals;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;

namespace AsbOps.Web.Tests.Security;

/// <summary>
/// One app with an area, one user of each role in it (the partner from the local authority), a case shared with the
/// local authority and an incident on that case, so every route has something real to open.
/// </summary>
public sealed class PageAccessFixture : IAsyncLifetime
{
    private readonly Dictionary<string, HttpClient> _clients = [];

    public AsbOpsAppFactory App { get; } = new();

    public string CaseRef { get; } = new CaseReference(2026, 4213).ToString();

    public long IncidentId { get; private set; }

    public static string Email(string role) => $"{role}@access.test";

    public async Task InitializeAsync()
    {
        var area = await App.AddAreaAsync("ACCESS");
        string officerId = "";
        foreach (var role in Roles.All)
        {
            var user = await App.AddUserAsync(Email(role), role, area.Id, role == Roles.Partner ? Agency.LocalAuthority : null);
            officerId = role == Roles.Officer ? user.Id : officerId;
        }

        var at = new DateTime(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc);
        await using var db = App.CreateDbContext();
        var b = new CaseBuilder(db, at);
        var asbCase = b.Case(area.Id, CaseRef, openedAt: at, nextReviewInDays: null, address: "1 Access Road", postcode: "AC1 1AA",
            summary: "Access test case");
        await db.SaveChangesAsync();
        b.Share(asbCase, Agency.LocalAuthority, at);
        var incident = b.Incident(area.Id, "AC-20261120-0001", asbCase, receivedAt: at, address: "1 Access Road", postcode: "AC1 1AA",
            description: "Access test incident", category: AsbCategory.Personal, with: i => i.Screening =
                new VictorEScreening { ScreenedAt = at, ScreenedByUserId = officerId, HarassmentAlarmDistress = true, Targeted = true });
        await db.SaveChangesAsync();
        IncidentId = incident.Id;
    }

    /// <summary>A client that does not follow redirects: anonymous for null, else signed in with the real cookie.</summary>
    public async Task<HttpClient> ClientAsync(string? role)
    {
        var key = role ?? "";
        if (!_clients.TryGetValue(key, out var client))
        {
            client = role is null
                ? App.CreateClient(new() { AllowAutoRedirect = false })
                : await App.CreateSignedInClientAsync(Email(role));
            _clients[key] = client;
        }

        return client;
    }

    /// <summary>The address to request for a route template, with real values for its parameters.</summary>
    public string PathFor(string template) => PageRule.Normalise(template) switch
    {
        "/cases/{}" => $"/cases/{CaseRef}",
        "/incidents/{}" => $"/incidents/{IncidentId}",
        "/guidance/{}" => "/guidance/1",
        "/people/{}" => "/people/1",
        "/case-reviews/{}" => "/case-reviews/CR-2026-0001",
        "/cases/{}/people/add" => $"/cases/{CaseRef}/people/add",
        "/cases/{}/people/{}/assessment" => $"/cases/{CaseRef}/people/1/assessment",
        "/cases/{}/location/assessment" => $"/cases/{CaseRef}/location/assessment",
        _ => template,
    };

    public Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        App.Dispose();
        return Task.CompletedTask;
    }
}
