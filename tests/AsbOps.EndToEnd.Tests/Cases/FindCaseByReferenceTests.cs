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
        await page.GetByTestId("case-search").Locator("input").FillAsync(reference);
        await page.GetByTestId("case-search").Locator("input").PressAsync("Enter");
        var row = page.Locator("a", new PageLocatorOptions { HasText = reference });
        await row.First.ClickAsync();

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
