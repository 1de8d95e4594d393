using System.Text.RegularExpressions;
using AsbOps.EndToEnd.Tests.Infrastructure;
using AsbOps.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AsbOps.EndToEnd.Tests.Cases;

[Collection(LiveAppCollection.Name)]
public sealed class FindCaseByReferenceTests(LiveAppFixture app)
{
    [Fact]
    public async Task TheDemoInspectorFindsACaseByItsReference()
    {
        var reference = await AnOpenCharnwoodCaseAsync();
        var page = await app.SignInAsync("inspector@demo.local");

        await page.GotoAsync("/cases");
        await page.WaitForInteractiveAsync();
        var search = page.Locator("[data-testid='filter-q'] input, input[data-testid='filter-q']").First;
        await search.FillAsync(reference);
        await search.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("case-count")).ToContainTextAsync("1");
        await page.GetByTestId("case-link").Filter(new LocatorFilterOptions { HasText = reference }).ClickAsync();

        await page.WaitForURLAsync(new Regex($"/cases/{reference}$"));
        await Assertions.Expect(page.GetByTestId("case-ref")).ToHaveTextAsync(reference);
        await Assertions.Expect(page.GetByTestId("case-risk-level")).Not.ToBeEmptyAsync();
    }

    private async Task<string> AnOpenCharnwoodCaseAsync()
    {
        await using var db = app.Services.GetRequiredService<IDbContextFactory<AsbOpsDbContext>>().CreateDbContext();
        return await db.Cases
            .Where(c => c.Status != AsbOps.Domain.Cases.CaseStatus.Closed && db.Areas.Any(a => a.Id == c.AreaId && a.Code == "CHARNWOOD"))
            .OrderBy(c => c.Id)
            .Select(c => c.Reference)
            .FirstAsync();
    }
}
