using AsbOps.Domain.Cases;
using AsbOps.Domain.Incidents;
using AsbOps.Domain.Risk;
using AsbOps.Web.Features.Map;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AsbOps.Web.Tests.Map;

/// <summary>The map's points on a real SQLite file: the user's area only, coloured by the case's risk, unplaced counted.</summary>
public sealed class MapQueriesTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 10, 0, 0, TimeSpan.Zero);
    private readonly ClockedAppFactory _app = new(new FakeTimeProvider(Now));
    private UserScope _officer = default!, _compliance = default!, _partner = default!;
    private string _highRef = "", _lowRef = "", _otherRef = "";
    private long _loose, _unplaced, _old;

    public async Task InitializeAsync()
    {
        var area = await _app.AddAreaAsync("MAPPED");
        var other = await _app.AddAreaAsync("ELSEWHERE");
        var pc = await _app.AddUserAsync("pc.map@test.local", Roles.Officer, area.Id);
        _officer = new UserScope(pc.Id, "PC Map", Roles.Officer, area.Id, null);
        _compliance = new UserScope("c", "Compliance", Roles.Compliance, null, null);
        _partner = new UserScope("p", "Partner", Roles.Partner, null, AsbOps.Domain.Referrals.Agency.LocalAuthority);

        var now = Now.UtcDateTime;
        await using var db = _app.CreateDbContext();
        var guidance = await db.GuidanceVersions.Select(v => v.Id).FirstAsync();
        var build = new CaseBuilder(db, guidance, now);
        var high = build.Case(area.Id, level: RiskLevel.High, category: AsbCategory.Personal);
        var low = build.Case(area.Id, level: RiskLevel.Low, category: AsbCategory.Environmental);
        var closed = build.Case(area.Id, level: RiskLevel.Medium, status: CaseStatus.Closed);
        var elsewhere = build.Case(other.Id, level: RiskLevel.High);
        build.Case(area.Id, level: RiskLevel.Medium, summary: "Open, but no incident has coordinates");
        await db.SaveChangesAsync();
        // Shared with the partner's agency: they see it on the case list, but the map is not theirs.
        db.CaseShares.Add(new CaseShare { CaseId = high.Id, Agency = AsbOps.Domain.Referrals.Agency.LocalAuthority, SharedByUserId = pc.Id, SharedAt = now });
        _highRef = high.Reference;
        _lowRef = low.Reference;
        _otherRef = elsewhere.Reference;

        static Action<Incident> At(double lat, double lon) => i => { i.Latitude = lat; i.Longitude = lon; };
        // The high-risk case's latest placed incident is where the case stands; its older one is placed elsewhere.
        build.Incident(area.Id, "MAP-HIGH-1", high, receivedAt: now.AddDays(-20), category: AsbCategory.Personal, with: At(52.70, -1.10));
        build.Incident(area.Id, "MAP-HIGH-2", high, receivedAt: now.AddDays(-2), category: AsbCategory.Personal, with: At(52.77, -1.20));
        build.Incident(area.Id, "MAP-LOW-1", low, receivedAt: now.AddDays(-40), category: AsbCategory.Environmental, with: At(52.60, -1.05));
        build.Incident(area.Id, "MAP-CLOSED-1", closed, receivedAt: now.AddDays(-5), with: At(52.61, -1.06));
        var loose = build.Incident(area.Id, "MAP-LOOSE-1", receivedAt: now.AddDays(-1), with: At(52.65, -1.15));
        var unplaced = build.Incident(area.Id, "MAP-NOWHERE-1", receivedAt: now.AddDays(-3));
        var old = build.Incident(area.Id, "MAP-OLD-1", receivedAt: now.AddDays(-120), with: At(52.66, -1.16));
        build.Incident(other.Id, "MAP-OTHER-1", elsewhere, receivedAt: now.AddDays(-1), with: At(52.54, -1.37));
        build.Incident(other.Id, "MAP-OTHER-2", receivedAt: now.AddDays(-1));
        await db.SaveChangesAsync();
        _loose = loose.Id;
        _unplaced = unplaced.Id;
        _old = old.Id;
    }

    private async Task<MapData> MapAsync(UserScope user, MapFilter? filter = null)
    {
        using var scope = _app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MapQueries>().ForAsync(user, filter ?? MapFilter.Default);
    }

    [Fact]
    public async Task AnOfficerSeesOnlyTheirAreasIncidentsAndOpenCasesColouredByTheCasesRisk()
    {
        var map = await MapAsync(_officer);

        Assert.Equal(["MAPPED"], map.Incidents.Concat(map.Cases).Select(p => p.Area).Distinct());
        Assert.DoesNotContain(map.Incidents, p => p.Title.Contains("MAP-OTHER", StringComparison.Ordinal));
        Assert.DoesNotContain(map.Cases, p => p.Href == $"/cases/{_otherRef}");

        var byRef = map.Incidents.ToDictionary(p => p.Title.Split(' ')[1]);
        Assert.Equal(["MAP-CLOSED-1", "MAP-HIGH-1", "MAP-HIGH-2", "MAP-LOOSE-1", "MAP-LOW-1"], byRef.Keys.Order());
        Assert.Equal("high", byRef["MAP-HIGH-2"].Risk);
        Assert.Equal("low", byRef["MAP-LOW-1"].Risk);
        Assert.Equal("medium", byRef["MAP-CLOSED-1"].Risk);
        Assert.Equal("notassessed", byRef["MAP-LOOSE-1"].Risk);
        Assert.Equal($"/cases/{_highRef}", byRef["MAP-HIGH-1"].Href);
        Assert.Equal($"/incidents/{_loose}", byRef["MAP-LOOSE-1"].Href);

        // Open cases only (not the closed one), each at its latest incident with coordinates.
        var high = Assert.Single(map.Cases, p => p.Href == $"/cases/{_highRef}");
        Assert.Equal(("high", 52.77, -1.20), (high.Risk, high.Lat, high.Lon));
        Assert.Equal(2, map.Cases.Count);
        Assert.Equal(1, map.CasesUnplaced);
    }

    [Fact]
    public async Task IncidentsWithoutCoordinatesAreCountedAndListedNotDrawn()
    {
        var map = await MapAsync(_officer);

        Assert.Equal(1, map.UnplacedCount);
        var unplaced = Assert.Single(map.Unplaced);
        Assert.Equal(("MAP-NOWHERE-1", $"/incidents/{_unplaced}"), (unplaced.StormRef, unplaced.Href));
        Assert.DoesNotContain(map.Incidents, p => p.Id == _unplaced);
    }

    [Fact]
    public async Task ThePeriodAndTheFiltersNarrowWhatIsShown()
    {
        var month = await MapAsync(_officer, MapFilter.Default with { Days = 30 });
        Assert.DoesNotContain(month.Incidents, p => p.Title.Contains("MAP-LOW-1", StringComparison.Ordinal));
        Assert.DoesNotContain((await MapAsync(_officer)).Incidents, p => p.Id == _old);

        var highOnly = await MapAsync(_officer, MapFilter.Default with { Levels = new HashSet<RiskLevel> { RiskLevel.High } });
        Assert.All(highOnly.Incidents.Concat(highOnly.Cases), p => Assert.Equal("high", p.Risk));
        Assert.Equal(2, highOnly.Incidents.Count);
        Assert.Equal(0, highOnly.UnplacedCount);

        var environmental = await MapAsync(_officer, MapFilter.Default with { Categories = new HashSet<AsbCategory> { AsbCategory.Environmental } });
        Assert.Equal(["environmental"], environmental.Incidents.Concat(environmental.Cases).Select(p => p.Category).Distinct());
        Assert.Equal($"/cases/{_lowRef}", Assert.Single(environmental.Cases).Href);
    }

    [Fact]
    public async Task ForceWideRolesSeeEveryAreaAndPartnersNothing()
    {
        var all = await MapAsync(_compliance);
        Assert.Equal(["ELSEWHERE", "MAPPED"], all.Incidents.Select(p => p.Area).Distinct().Order());
        Assert.Equal(2, all.UnplacedCount);

        var partner = await MapAsync(_partner);
        Assert.Empty(partner.Incidents);
        Assert.Empty(partner.Cases);
        Assert.Equal(0, partner.UnplacedCount);
    }

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();
}
