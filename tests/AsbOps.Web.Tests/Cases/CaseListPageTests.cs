using AngleSharp.Dom;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Incidents;
using AsbOps.Domain.Risk;
using AsbOps.Web.Features.Cases;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AsbOps.Web.Tests.Cases;

public sealed class CaseListPageTests : BunitTestBase
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);
    private readonly FakeCaseListService _cases = new();
    private readonly BunitAuthorizationContext _auth;

    public CaseListPageTests()
    {
        Services.AddSingleton<ICaseListService>(_cases);
        Services.AddScoped<CurrentUser>();
        _auth = AddAuthorization();
        _auth.SetAuthorized("analyst@test.local").SetRoles(Roles.Analyst);
    }

    private static CaseListRow Row(string reference, RiskLevel level) => new(
        reference, "CHARNWOOD", AsbCategory.Personal, CaseStatus.Open, level, "PC Lead", new DateTime(2026, 11, 2, 10, 0, 0, DateTimeKind.Utc),
        3, ["Vera Victim"], "LE11 1AA");

    private IRenderedComponent<CaseListPage> RenderPage(string uri = "/cases")
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(uri);
        var host = Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<CaseListPage>(1);
            builder.CloseComponent();
        });
        return host.FindComponent<CaseListPage>();
    }

    [Fact]
    public void ACountThatStoppedEarlySaysMoreThanInTheSummaryAndThePager()
    {
        var rows = Enumerable.Range(1, 25).Select(i => Row($"ASB-2026-{i:D6}", RiskLevel.Low)).ToList();
        _cases.Result = new CaseListResult(rows, CaseListService.CountLimit + 1, TotalIsLowerBound: true);

        var page = RenderPage();

        page.WaitForAssertion(() => Assert.Equal("More than 10,000 cases", page.Find("[data-testid=case-count]").TextContent.Trim()), Patience);
        Assert.Contains("1-25 of more than 10,000", page.Find("[data-testid=case-pager]").TextContent);
        // No last page is known, so its button (the last of the pager's four) is hidden by the pager's class.
        Assert.Contains("pager-open-ended", page.Find("[data-testid=case-pager]").ClassList);
        Assert.Equal(4, page.FindAll(".pager-open-ended .mud-table-pagination-actions > button").Count);
        Assert.DoesNotContain("10,001", page.Markup);
        Assert.DoesNotContain("10001", page.Markup);
    }

    [Fact]
    public void WhileTheFirstPageLoadsThePagerNeverSaysMoreThanOverNoRows()
    {
        var rows = Enumerable.Range(1, 25).Select(i => Row($"ASB-2026-{i:D6}", RiskLevel.Low)).ToList();
        _cases.Result = new CaseListResult(rows, CaseListService.CountLimit + 1, TotalIsLowerBound: true);
        var answer = new TaskCompletionSource();
        _cases.Hold = answer.Task;
        var page = RenderPage();
        var shown = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.OnMarkupUpdated += (_, _) =>
        {
            foreach (var pager in page.FindAll("[data-testid=case-pager]"))
            {
                shown.Enqueue(pager.TextContent);
            }
        };

        page.InvokeAsync(answer.SetResult);

        page.WaitForAssertion(() => Assert.Contains("1-25 of more than 10,000", page.Find("[data-testid=case-pager]").TextContent), Patience);
        Assert.Contains(shown, text => text.Contains("1-25 of more than 10,000", StringComparison.Ordinal));
        Assert.DoesNotContain(shown, text => text.Contains("0-0 of more than", StringComparison.Ordinal));
    }

    [Fact]
    public void RowsFromTheServiceShowAsLinksToTheirCasesWithACount()
    {
        _cases.Result = new CaseListResult([Row("ASB-2026-000001", RiskLevel.High), Row("ASB-2026-000002", RiskLevel.Low)], 2);

        var page = RenderPage();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=case-link]").Count), Patience);
        Assert.Equal(["/cases/ASB-2026-000001", "/cases/ASB-2026-000002"], page.FindAll("[data-testid=case-link]").Select(a => a.GetAttribute("href")));
        Assert.Equal("2 cases", page.Find("[data-testid=case-count]").TextContent.Trim());
        Assert.DoesNotContain("pager-open-ended", page.Find("[data-testid=case-pager]").ClassList);
        Assert.Contains("Vera Victim (+2)", page.Markup);
    }

    [Fact]
    public void RiskChipsShowTheLevelWordAndItsKey()
    {
        _cases.Result = new CaseListResult([Row("ASB-2026-000003", RiskLevel.High), Row("ASB-2026-000004", RiskLevel.NotAssessed)], 2);

        var page = RenderPage();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=case-row-risk]").Count), Patience);
        var chips = page.FindAll("[data-testid=case-row-risk]");
        Assert.Equal(["High", "Not assessed"], chips.Select(c => c.TextContent.Trim()));
        Assert.Equal(["high", "notassessed"], chips.Select(c => c.Closest("[data-risk]")?.GetAttribute("data-risk")));
    }

    [Fact]
    public void WithNoCasesAndNoFiltersTheEmptyStateSaysWhatWouldFillIt()
    {
        var page = RenderPage();

        page.WaitForAssertion(() => Assert.Contains("No cases yet.", page.Find("[data-testid=cases-empty]").TextContent), Patience);
        Assert.Contains("case managed", page.Find("[data-testid=cases-empty]").TextContent);
    }

    [Fact]
    public void WithFiltersTheEmptyStateOffersToClearThem()
    {
        var page = RenderPage("/cases?risk=high");

        page.WaitForAssertion(() => Assert.Contains("No cases match these filters.", page.Find("[data-testid=cases-empty]").TextContent), Patience);
        Assert.NotNull(page.Find("[data-testid=clear-filters]"));
    }

    [Fact]
    public void EveryFilterInTheUrlReachesTheService()
    {
        var page = RenderPage("/cases?area=CHARNWOOD&status=open&risk=high&q=smith&category=personal&role=victim");

        page.WaitForAssertion(() => Assert.NotEmpty(_cases.Queries), Patience);
        var query = _cases.Queries[^1];
        Assert.Equal(("CHARNWOOD", "open", "high", "smith", "personal", "victim"),
            (query.Area, query.Status, query.Risk, query.Q, query.Category, query.Role));
    }

    [Fact]
    public void WritingASearchPutsItInTheUrlAndReloadsTheTable()
    {
        var page = RenderPage("/cases?risk=high");
        page.WaitForAssertion(() => Assert.NotEmpty(_cases.Queries), Patience);
        var navigation = Services.GetRequiredService<NavigationManager>();

        SearchInput(page).Input("Quennell");

        page.WaitForAssertion(() => Assert.Contains("q=Quennell", navigation.Uri), Patience);
        Assert.Contains("risk=high", navigation.Uri);
        page.WaitForAssertion(() => Assert.Equal("Quennell", _cases.Queries[^1].Q), Patience);
        Assert.Equal("high", _cases.Queries[^1].Risk);
    }

    [Fact]
    public void AMessageFromTheServiceIsShown()
    {
        _cases.Result = CaseListResult.Empty("There is no area \"NOWHERE\".");

        var page = RenderPage("/cases?area=NOWHERE");

        page.WaitForAssertion(() => Assert.Contains("There is no area", page.Find("[data-testid=case-list-message]").TextContent), Patience);
    }

    [Fact]
    public void TheAreaFilterShowsForForceWideUsers()
    {
        var page = RenderPage();

        Assert.NotEmpty(page.FindAll("[data-testid=filter-area]"));
    }

    [Fact]
    public void TheAreaFilterIsHiddenFromAnOfficerLimitedToTheirArea()
    {
        _auth.SetRoles(Roles.Officer).SetClaims(new System.Security.Claims.Claim(AppClaimTypes.AreaId, "5"));

        var page = RenderPage();

        Assert.Empty(page.FindAll("[data-testid=filter-area]"));
        Assert.NotEmpty(page.FindAll("[data-testid=filter-status]"));
    }

    private static IElement SearchInput(IRenderedComponent<CaseListPage> page)
    {
        var hooked = page.Find("[data-testid=filter-q]");
        return hooked.TagName == "INPUT" ? hooked : hooked.QuerySelector("input")!;
    }
}
