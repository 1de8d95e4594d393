using AsbOps.Domain.Cases;
using AsbOps.EndToEnd.Tests.Infrastructure;
using AsbOps.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AsbOps.EndToEnd.Tests.CaseReviews;

/// <summary>
/// The demo inspector logs an ASB Case Review application for a Charnwood case reported three times lately, sees the
/// threshold check count those reports, records the decision, the review meeting, a recommendation and the outcome
/// letter, and the published figures move accordingly.
/// </summary>
[Collection(LiveAppCollection.Name)]
public sealed class CaseReviewJourneyTests(LiveAppFixture app)
{
    [Fact]
    public async Task AnInspectorRunsAnApplicationFromLoggingToOutcomeAndTheFiguresChange()
    {
        var (caseRef, postcode) = await ACharnwoodCaseReportedThreeTimesLatelyAsync();
        var page = await app.SignInAsync("inspector@demo.local");
        await page.GotoAsync("/case-reviews");
        await page.WaitForInteractiveAsync();
        var before = await FiguresAsync(page);

        await page.GetByTestId("case-review-log").ClickAsync();
        await page.GetByTestId("cr-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("case-review-form")).ToContainTextAsync("Give the applicant's name.");
        await page.GetByTestId("cr-case").FillAsync(caseRef);
        await page.GetByTestId("cr-kind-victim").ClickAsync();
        await page.GetByTestId("cr-name").FillAsync("Mrs Journey Victim");
        await ChooseAsync(page, "cr-via", "Phone");
        await page.GetByTestId("cr-phone").FillAsync("07700 900321");
        await ChooseAsync(page, "cr-category", "Nuisance");
        await page.GetByTestId("cr-postcode").FillAsync(postcode);
        await page.GetByTestId("cr-account").FillAsync("Loud parties every weekend; reported three times.");
        await page.GetByTestId("cr-save").ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("/case-reviews/CR-", StringComparison.Ordinal));
        await page.WaitForInteractiveAsync();
        var check = page.GetByTestId("threshold-check");
        await Assertions.Expect(check.GetByTestId("threshold-result")).ToHaveTextAsync("Met");
        await Assertions.Expect(check.Locator("[data-testid='threshold-report'][data-counted='true']")).Not.ToHaveCountAsync(0);
        Assert.True(int.Parse(await check.GetByTestId("threshold-matter-count").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture) >= 3);

        await page.GetByTestId("decision-reason").FillAsync("Three reports about the same matter in six months.");
        await page.GetByTestId("decision-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("decision-result")).ToContainTextAsync("Threshold met");

        await page.GetByTestId("meeting-agencies").FillAsync("Police\nCouncil ASB team");
        await page.GetByTestId("meeting-summary").FillAsync("Agreed a joint plan with the council.");
        await page.GetByTestId("meeting-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("meeting-held")).ToContainTextAsync("Council ASB team");

        await ChooseAsync(page, "rec-type", "Mediation");
        await page.GetByTestId("rec-description").FillAsync("Offer mediation between the neighbours");
        await ChooseFirstAsync(page, "rec-owner");
        await page.GetByTestId("rec-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("recommendation")).ToContainTextAsync("Offer mediation between the neighbours");

        await Assertions.Expect(page.GetByTestId("letter-text")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("Offer mediation"));
        await page.GetByTestId("letter-send").ClickAsync();
        await Assertions.Expect(page.GetByTestId("letter-sent")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("case-review-stage")).ToHaveTextAsync("Outcome sent");

        await page.GotoAsync("/case-reviews");
        await page.WaitForInteractiveAsync();
        var after = await FiguresAsync(page);
        Assert.Equal(before.Applications + 1, after.Applications);
        Assert.Equal(before.Reviews + 1, after.Reviews);
        Assert.Equal(before.WithRecommendations + 1, after.WithRecommendations);
        Assert.Equal(before.NotMet, after.NotMet);
    }

    private static async Task<(int Applications, int NotMet, int Reviews, int WithRecommendations)> FiguresAsync(IPage page)
    {
        async Task<int> Read(string id) => int.Parse(await page.GetByTestId(id).InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await Assertions.Expect(page.GetByTestId("figure-applications")).ToBeVisibleAsync();
        return (await Read("figure-applications"), await Read("figure-thresholdNotMet"), await Read("figure-reviewsCarriedOut"),
            await Read("figure-reviewsWithRecommendations"));
    }

    private static async Task ChooseAsync(IPage page, string testId, string item)
    {
        await page.GetByTestId(testId).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = item }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    private static async Task ChooseFirstAsync(IPage page, string testId)
    {
        await page.GetByTestId(testId).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").First.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    /// <summary>An open Charnwood case with no application yet and at least three reports in the last five months.</summary>
    private async Task<(string Reference, string Postcode)> ACharnwoodCaseReportedThreeTimesLatelyAsync()
    {
        var since = DateTime.UtcNow.AddMonths(-5);
        await using var db = app.Services.GetRequiredService<IDbContextFactory<AsbOpsDbContext>>().CreateDbContext();
        var found = await db.Cases
            .Where(c => c.Status != CaseStatus.Closed
                && db.Areas.Any(a => a.Id == c.AreaId && a.Code == "CHARNWOOD")
                && !db.CaseReviewApplications.Any(x => x.CaseId == c.Id)
                && db.Incidents.Count(i => i.CaseId == c.Id && i.ReceivedAt >= since && i.ReceivedAt < DateTime.UtcNow.AddHours(-1)) >= 3)
            .OrderBy(c => c.Id)
            .Select(c => new { c.Reference, c.Postcode })
            .FirstAsync();
        return (found.Reference, found.Postcode);
    }
}
