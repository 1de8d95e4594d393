using AsbOps.Domain.Cases;
using AsbOps.Domain.Incidents;
using AsbOps.Domain.Referrals;
using AsbOps.Domain.Risk;
using AsbOps.Web.Features.Cases;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.Cases;

/// <summary>The case list query on the real SQLite file. Each test works in its own area so tests do not see each other's cases.</summary>
public sealed class CaseListServiceTests(AsbOpsAppFactory app) : IClassFixture<AsbOpsAppFactory>
{
    private static readonly UserScope Analyst = new("analyst-id", "analyst@test.local", Roles.Analyst, null, null);

    private static int _areas;

    private ICaseListService Service => app.Services.GetRequiredService<ICaseListService>();

    private Task<CaseListResult> SearchAsync(string areaCode, CaseListQuery query, UserScope? user = null) =>
        Service.SearchAsync(user ?? Analyst, query with { Area = areaCode });

    /// <summary>A fresh area, so that each test (and each theory row) sees only its own cases.</summary>
    private Task<AsbOps.Domain.Areas.Area> NewAreaAsync() => app.AddAreaAsync($"LIST{Interlocked.Increment(ref _areas)}");

    private static IReadOnlyList<string> Refs(CaseListResult result) => result.Rows.Select(r => r.Reference).ToList();

    [Fact]
    public async Task StatusFilterKeepsOnlyCasesInThatStatus()
    {
        var area = await NewAreaAsync();
        var open = await app.AddCaseAsync(area.Id);
        var review = await app.AddCaseAsync(area.Id, c => c.Status = CaseStatus.UnderReview);

        var result = await SearchAsync(area.Code, new CaseListQuery { Status = "underreview" });

        Assert.Equal([review.Reference], Refs(result));
        Assert.DoesNotContain(open.Reference, Refs(result));
    }

    [Theory]
    [InlineData("high", RiskLevel.High)]
    [InlineData("notassessed", RiskLevel.NotAssessed)]
    [InlineData("Not-Assessed", RiskLevel.NotAssessed)]
    public async Task RiskFilterMatchesTheCaseLevelIncludingNotAssessed(string word, RiskLevel level)
    {
        var area = await NewAreaAsync();
        var levels = new[] { RiskLevel.NotAssessed, RiskLevel.Low, RiskLevel.High };
        var cases = new Dictionary<RiskLevel, AsbCase>();
        foreach (var l in levels)
        {
            cases[l] = await app.AddCaseAsync(area.Id, c => c.RiskLevel = l);
        }

        var result = await SearchAsync(area.Code, new CaseListQuery { Risk = word });

        Assert.Equal([cases[level].Reference], Refs(result));
        Assert.Equal(level, result.Rows.Single().RiskLevel);
    }

    [Fact]
    public async Task CategoryFilterKeepsOnlyThatCategory()
    {
        var area = await NewAreaAsync();
        await app.AddCaseAsync(area.Id);
        var environmental = await app.AddCaseAsync(area.Id, c => c.Category = AsbCategory.Environmental);

        var result = await SearchAsync(area.Code, new CaseListQuery { Category = "environmental" });

        Assert.Equal([environmental.Reference], Refs(result));
    }

    [Fact]
    public async Task RoleFilterFindsCasesWithAPersonInThatRole()
    {
        var area = await NewAreaAsync();
        await app.AddCaseAsync(area.Id, people: [new("Vic", "Tim", PersonRole.Victim)]);
        var withWitness = await app.AddCaseAsync(area.Id, people: [new("Wit", "Ness", PersonRole.Witness)]);

        var result = await SearchAsync(area.Code, new CaseListQuery { Role = "witness" });

        Assert.Equal([withWitness.Reference], Refs(result));
    }

    [Fact]
    public async Task RoleWithRiskMatchesThePersonInThatRoleNotTheCase()
    {
        var area = await NewAreaAsync();
        var lowVictimOnHighCase = await app.AddCaseAsync(area.Id, c => c.RiskLevel = RiskLevel.High,
            [new("Low", "Victim", PersonRole.Victim, RiskLevel.Low), new("High", "Perp", PersonRole.Perpetrator, RiskLevel.High)]);
        var highVictim = await app.AddCaseAsync(area.Id, c => c.RiskLevel = RiskLevel.High,
            [new("High", "Victim", PersonRole.Victim, RiskLevel.High)]);

        var highVictims = await SearchAsync(area.Code, new CaseListQuery { Role = "victim", Risk = "high" });
        var lowVictims = await SearchAsync(area.Code, new CaseListQuery { Role = "victim", Risk = "low" });

        Assert.Equal([highVictim.Reference], Refs(highVictims));
        Assert.Equal([lowVictimOnHighCase.Reference], Refs(lowVictims));
    }

    [Fact]
    public async Task AreaFilterKeepsOnlyThatAreaForAForceWideUser()
    {
        var north = await NewAreaAsync();
        var south = await NewAreaAsync();
        var inNorth = await app.AddCaseAsync(north.Id);
        await app.AddCaseAsync(south.Id);

        var result = await Service.SearchAsync(Analyst, new CaseListQuery { Area = north.Code.ToLowerInvariant() });

        Assert.Equal([inNorth.Reference], Refs(result));
        Assert.Equal(north.Code, result.Rows.Single().AreaCode);
    }

    [Theory]
    [InlineData("NOSUCHAREA")]
    [InlineData("bad code!")]
    public async Task AnUnknownAreaGivesAnEmptyResultWithAMessage(string areaCode)
    {
        var result = await Service.SearchAsync(Analyst, new CaseListQuery { Area = areaCode });

        Assert.Empty(result.Rows);
        Assert.Equal(0, result.TotalCount);
        Assert.Contains("no area", result.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("status", "pending")]
    [InlineData("risk", "extreme")]
    [InlineData("category", "noise")]
    [InlineData("role", "suspect")]
    public async Task AnUnknownFilterWordGivesAMessageNotAnException(string filter, string word)
    {
        var query = filter switch
        {
            "status" => new CaseListQuery { Status = word },
            "risk" => new CaseListQuery { Risk = word },
            "category" => new CaseListQuery { Category = word },
            _ => new CaseListQuery { Role = word },
        };

        var result = await Service.SearchAsync(Analyst, query);

        Assert.Empty(result.Rows);
        Assert.Contains(word, result.Message);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SearchFindsACaseByItsFullOrPartialReferenceInAnyCase(bool full)
    {
        var area = await NewAreaAsync();
        var wanted = await app.AddCaseAsync(area.Id);
        await app.AddCaseAsync(area.Id);
        var text = full ? wanted.Reference.ToLowerInvariant() : wanted.Reference[^6..];

        var result = await SearchAsync(area.Code, new CaseListQuery { Q = text });

        Assert.Equal([wanted.Reference], Refs(result));
    }

    [Theory]
    [InlineData("Quennell")]
    [InlineData("quenn")]
    [InlineData("Ottoline Quennell")]
    [InlineData("quennell, ottoline")]
    public async Task SearchFindsACaseByAPersonsName(string text)
    {
        var area = await NewAreaAsync();
        var wanted = await app.AddCaseAsync(area.Id, people: [new("Ottoline", "Quennell", PersonRole.Perpetrator)]);
        await app.AddCaseAsync(area.Id, people: [new("Other", "Person", PersonRole.Victim)]);

        var result = await SearchAsync(area.Code, new CaseListQuery { Q = text });

        Assert.Equal([wanted.Reference], Refs(result));
    }

    [Theory]
    [InlineData("ZX9 4QT")]
    [InlineData("ZX94QT")]
    [InlineData("zx94qt")]
    [InlineData("  zx9  4qt ")]
    public async Task SearchFindsACaseByPostcodeWithOrWithoutTheSpace(string text)
    {
        var area = await NewAreaAsync();
        var wanted = await app.AddCaseAsync(area.Id, c => c.Postcode = "ZX9 4QT");
        await app.AddCaseAsync(area.Id, c => c.Postcode = "ZX9 4QU");

        var result = await SearchAsync(area.Code, new CaseListQuery { Q = text });

        Assert.Equal([wanted.Reference], Refs(result));
    }

    [Fact]
    public async Task SearchFindsACaseByThePostcodeOfAPersonOnIt()
    {
        var area = await NewAreaAsync();
        var wanted = await app.AddCaseAsync(area.Id, people: [new("Home", "Elsewhere", PersonRole.Victim, Postcode: "ZY1 2AB")]);
        await app.AddCaseAsync(area.Id);

        var result = await SearchAsync(area.Code, new CaseListQuery { Q = "zy12ab" });

        Assert.Equal([wanted.Reference], Refs(result));
    }

    [Fact]
    public async Task PagesCarryTheTotalCountAndTheRestOfTheRows()
    {
        var area = await NewAreaAsync();
        var created = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            created.Add((await app.AddCaseAsync(area.Id)).Reference);
        }

        var query = new CaseListQuery { PageSize = 3, SortBy = CaseListSort.Reference };
        var first = await SearchAsync(area.Code, query);
        var last = await SearchAsync(area.Code, query with { Page = 2 });
        var descending = await SearchAsync(area.Code, query with { Descending = true });

        Assert.Equal(7, first.TotalCount);
        Assert.Equal(created.Order().Take(3), Refs(first));
        Assert.Equal(created.Order().Skip(6), Refs(last));
        Assert.Equal(created.OrderDescending().Take(3), Refs(descending));
    }

    [Fact]
    public async Task SortingByRiskPutsHighestFirstWhenDescending()
    {
        var area = await NewAreaAsync();
        await app.AddCaseAsync(area.Id, c => c.RiskLevel = RiskLevel.Low);
        await app.AddCaseAsync(area.Id, c => c.RiskLevel = RiskLevel.High);
        await app.AddCaseAsync(area.Id, c => c.RiskLevel = RiskLevel.NotAssessed);

        var result = await SearchAsync(area.Code, new CaseListQuery { SortBy = CaseListSort.Risk, Descending = true });

        Assert.Equal([RiskLevel.High, RiskLevel.Low, RiskLevel.NotAssessed], result.Rows.Select(r => r.RiskLevel));
    }

    [Fact]
    public async Task TheNewestFirstListMatchesTheOpenedSortReversedForAnOfficerWithFilters()
    {
        // The list as it opens is a compiled query of its own; any other order is built from LINQ. Both must agree.
        var area = await NewAreaAsync();
        var opened = new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < 9; i++)
        {
            var day = i;
            await app.AddCaseAsync(area.Id, c =>
            {
                c.OpenedAt = opened.AddDays(day % 4);
                c.RiskLevel = day % 3 == 0 ? RiskLevel.Medium : RiskLevel.High;
                c.Category = day == 4 ? AsbCategory.Nuisance : AsbCategory.Personal;
            });
        }

        var officer = new UserScope("officer-id", "officer@test.local", Roles.Officer, area.Id, null);
        var filters = new CaseListQuery { Risk = "high", Category = "personal", PageSize = 2 };

        var newest = new List<string>();
        for (var page = 0; page < 3; page++)
        {
            newest.AddRange(Refs(await Service.SearchAsync(officer, filters with { Page = page })));
        }

        var first = await Service.SearchAsync(officer, filters);
        var oldest = await Service.SearchAsync(officer, filters with { PageSize = 100, SortBy = CaseListSort.Opened });

        Assert.Equal(5, first.TotalCount);
        Assert.Equal(5, oldest.TotalCount);
        Assert.Equal(Refs(oldest).Reverse(), newest);
    }

    [Fact]
    public async Task AnOfficerSeesOnlyTheirOwnAreaWhateverTheAreaFilterSays()
    {
        var home = await NewAreaAsync();
        var away = await NewAreaAsync();
        var own = await app.AddCaseAsync(home.Id, c => c.Postcode = "ZA1 1AA");
        var other = await app.AddCaseAsync(away.Id, c => c.Postcode = "ZA1 1AA");
        var officer = new UserScope("officer-id", "officer@test.local", Roles.Officer, home.Id, null);

        var everything = await Service.SearchAsync(officer, new CaseListQuery { Q = "ZA1 1AA" });
        var askedForAway = await Service.SearchAsync(officer, new CaseListQuery { Area = away.Code });

        Assert.Equal([own.Reference], Refs(everything));
        Assert.DoesNotContain(other.Reference, Refs(askedForAway));
        Assert.Empty(askedForAway.Rows);
    }

    [Fact]
    public async Task APartnerSeesOnlyCasesSharedWithTheirAgency()
    {
        var area = await NewAreaAsync();
        var shared = await app.AddCaseAsync(area.Id, c => c.Postcode = "ZB2 2BB", sharedWith: [Agency.Housing]);
        await app.AddCaseAsync(area.Id, c => c.Postcode = "ZB2 2BB", sharedWith: [Agency.YouthJustice]);
        await app.AddCaseAsync(area.Id, c => c.Postcode = "ZB2 2BB");
        var partner = new UserScope("partner-id", "partner@test.local", Roles.Partner, null, Agency.Housing);

        var result = await Service.SearchAsync(partner, new CaseListQuery { Q = "ZB2 2BB" });

        Assert.Equal([shared.Reference], Refs(result));
    }

    [Fact]
    public async Task ARowShowsTheVictimsThePeopleCountAndTheLeadOfficer()
    {
        var area = await NewAreaAsync();
        var lead = await app.AddUserAsync("lead.row@test.local", Roles.Officer, area.Id, displayName: "PC Lead Row");
        await app.AddCaseAsync(area.Id, c => c.LeadOfficerId = lead.Id,
            [new("Perry", "Trator", PersonRole.Perpetrator), new("Vera", "One", PersonRole.Victim), new("Vic", "Two", PersonRole.Victim)]);
        await app.AddCaseAsync(area.Id, c => c.OpenedAt = c.OpenedAt.AddDays(-1), [new("Only", "Witness", PersonRole.Witness)]);

        var result = await SearchAsync(area.Code, new CaseListQuery { SortBy = CaseListSort.Opened, Descending = true });

        var withVictims = result.Rows[0];
        Assert.Equal(["Vera One", "Vic Two"], withVictims.PeopleShown);
        Assert.Equal(3, withVictims.PeopleCount);
        Assert.Equal("PC Lead Row", withVictims.LeadOfficerName);
        Assert.Equal(["Only Witness"], result.Rows[1].PeopleShown);
        Assert.Null(result.Rows[1].LeadOfficerName);
    }
}
