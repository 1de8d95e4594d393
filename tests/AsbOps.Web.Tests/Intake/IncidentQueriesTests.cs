using AsbOps.Domain.Incidents;
using AsbOps.Web.Features.Intake;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.Intake;

public sealed class IncidentQueriesTests(AsbOpsAppFactory app) : IClassFixture<AsbOpsAppFactory>
{
    private static readonly UserScope ForceWide = new("fw", "fw", Roles.Compliance, null, null);

    private IncidentQueries Queries => app.Services.GetRequiredService<IncidentQueries>();

    [Fact]
    public async Task IncidentsAwaitingScreeningComeFirstThenTheNewest()
    {
        var area = await app.AddAreaAsync("ORDERA");
        var screener = await app.AddUserAsync("order.a@test.local", Roles.Officer, area.Id);
        await AddAsync(area.Id, "OA-OLD-WAITING", hoursAgo: 30, screenedBy: null);
        await AddAsync(area.Id, "OA-NEW-SCREENED", hoursAgo: 1, screenedBy: screener.Id);
        await AddAsync(area.Id, "OA-NEW-WAITING", hoursAgo: 2, screenedBy: null);

        var page = await Queries.ListAsync(ForceWide, new IncidentListQuery(AreaId: area.Id));

        Assert.Equal(["OA-NEW-WAITING", "OA-OLD-WAITING", "OA-NEW-SCREENED"], page.Items.Select(i => i.StormRef));
        Assert.Equal(3, page.TotalCount);
    }

    [Fact]
    public async Task AnAreaRestrictedUserSeesOnlyTheirAreaWhateverTheFilterAsks()
    {
        var mine = await app.AddAreaAsync("MINEA");
        var theirs = await app.AddAreaAsync("THEIRSA");
        await AddAsync(mine.Id, "MA-0001", hoursAgo: 1, screenedBy: null);
        await AddAsync(theirs.Id, "TA-0001", hoursAgo: 1, screenedBy: null);
        var officer = new UserScope("o", "o", Roles.Officer, mine.Id, null);

        var asked = await Queries.ListAsync(officer, new IncidentListQuery(AreaId: theirs.Id));

        Assert.Equal(["MA-0001"], asked.Items.Select(i => i.StormRef));
        Assert.Equal(["MINEA"], (await Queries.AreasAsync(officer)).Select(a => a.Code));
    }

    [Fact]
    public async Task TheStatusFilterSeparatesAwaitingCaseManagedAndNotCaseManaged()
    {
        var area = await app.AddAreaAsync("STATEA");
        var screener = await app.AddUserAsync("state.a@test.local", Roles.Officer, area.Id);
        await AddAsync(area.Id, "SA-WAIT", hoursAgo: 1, screenedBy: null);
        await AddAsync(area.Id, "SA-YES", hoursAgo: 1, screenedBy: screener.Id, letter: true);
        await AddAsync(area.Id, "SA-NO", hoursAgo: 1, screenedBy: screener.Id, letter: false);

        async Task<IEnumerable<string>> OnlyAsync(IncidentScreeningState state) =>
            (await Queries.ListAsync(ForceWide, new IncidentListQuery(AreaId: area.Id, State: state))).Items.Select(i => i.StormRef);

        Assert.Equal(["SA-WAIT"], await OnlyAsync(IncidentScreeningState.AwaitingScreening));
        Assert.Equal(["SA-YES"], await OnlyAsync(IncidentScreeningState.CaseManaged));
        Assert.Equal(["SA-NO"], await OnlyAsync(IncidentScreeningState.NotCaseManaged));
    }

    [Fact]
    public async Task SearchFindsAnIncidentByItsPostcodeTypedWithoutTheSpaceOrByItsStormRef()
    {
        var area = await app.AddAreaAsync("SEARCHA");
        await AddAsync(area.Id, "SR-20261121-0001", hoursAgo: 1, screenedBy: null, postcode: "LE11 3QZ");
        await AddAsync(area.Id, "SR-20261121-0002", hoursAgo: 1, screenedBy: null, postcode: "LE12 9AB");

        var byPostcode = await Queries.ListAsync(ForceWide, new IncidentListQuery(AreaId: area.Id, Search: "le113q"));
        var byRef = await Queries.ListAsync(ForceWide, new IncidentListQuery(AreaId: area.Id, Search: "sr-20261121-0002"));

        Assert.Equal(["SR-20261121-0001"], byPostcode.Items.Select(i => i.StormRef));
        Assert.Equal(["SR-20261121-0002"], byRef.Items.Select(i => i.StormRef));
    }

    [Fact]
    public async Task APartnerSeesNoIncidents()
    {
        var area = await app.AddAreaAsync("PARTNERA");
        var id = await AddAsync(area.Id, "PA-0001", hoursAgo: 1, screenedBy: null);
        var partner = new UserScope("p", "p", Roles.Partner, area.Id, Domain.Referrals.Agency.Housing);

        Assert.Empty((await Queries.ListAsync(partner, new IncidentListQuery(AreaId: area.Id))).Items);
        Assert.Null(await Queries.GetAsync(partner, id));
    }

    private async Task<long> AddAsync(int areaId, string stormRef, int hoursAgo, string? screenedBy, bool letter = true, string postcode = "TE1 1ST")
    {
        var at = new DateTime(2026, 11, 21, 12, 0, 0, DateTimeKind.Utc).AddHours(-hoursAgo);
        await using var db = app.CreateDbContext();
        var incident = new CaseBuilder(db, at).Incident(areaId, stormRef, receivedAt: at, address: "5 Query Lane", postcode: postcode,
            description: "Query test", with: i => i.Screening = screenedBy is null
                ? null
                : new VictorEScreening { ScreenedAt = at, ScreenedByUserId = screenedBy, HarassmentAlarmDistress = true, Ongoing = letter });
        await db.SaveChangesAsync();
        return incident.Id;
    }
}
