using AsbOps.Domain.Cases;
using AsbOps.EndToEnd.Tests.Infrastructure;
using AsbOps.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AsbOps.EndToEnd.Tests.Retention;

/// <summary>
/// A closed case falls due for its retention review; the demo compliance officer finds it on /retention, is refused
/// without a reason, then disposes of it with one after confirming, and the decision is listed with who and why.
/// </summary>
[Collection(LiveAppCollection.Name)]
public sealed class RetentionDisposeTests(LiveAppFixture app)
{
    [Fact]
    public async Task AComplianceOfficerDisposesOfACaseDueForReviewWithAReason()
    {
        var (caseId, reference) = await AClosedCaseDueForReviewAsync();
        var page = await app.SignInAsync("compliance@demo.local");
        await page.GotoAsync("/retention");
        await page.WaitForInteractiveAsync();
        var row = page.Locator($"[data-testid=retention-row][data-case='{reference}']");
        await row.GetByTestId("retention-decide").ClickAsync();
        var decision = page.GetByTestId("retention-decision");
        await Assertions.Expect(decision).ToContainTextAsync($"{reference}: retain or dispose");

        await decision.GetByTestId("dispose-case").ClickAsync();
        await Assertions.Expect(decision).ToContainTextAsync("Give the reason for the decision.");
        await Assertions.Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);

        var reason = "Six years after closure; no open matter, no litigation hold " + Guid.NewGuid().ToString("N")[..6];
        await decision.GetByTestId("dispose-reason").FillAsync(reason);
        await decision.GetByTestId("dispose-case").ClickAsync();
        var confirm = page.Locator(".mud-dialog");
        await Assertions.Expect(confirm).ToContainTextAsync($"Dispose of {reference}?");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Dispose", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("retention-message")).ToHaveTextAsync($"{reference} disposed of: its personal data is removed.");
        await Assertions.Expect(row).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("retention-history-row").Filter(new() { HasText = reason })).ToContainTextAsync($"{reference} · disposed of");

        await using var db = app.Services.GetRequiredService<IDbContextFactory<AsbOpsDbContext>>().CreateDbContext();
        Assert.NotNull(await db.Cases.Where(c => c.Id == caseId).Select(c => c.DisposedAt).SingleAsync());
    }

    /// <summary>The newest closed case outside Charnwood (which the other journeys use), its review made due yesterday.</summary>
    private async Task<(long Id, string Reference)> AClosedCaseDueForReviewAsync()
    {
        await using var db = app.Services.GetRequiredService<IDbContextFactory<AsbOpsDbContext>>().CreateDbContext();
        var found = await db.Cases
            .Where(c => c.Status == CaseStatus.Closed && c.DisposedAt == null && db.Areas.Any(a => a.Id == c.AreaId && a.Code != "CHARNWOOD"))
            .OrderByDescending(c => c.Id).FirstAsync();
        found.RetentionReviewDue = DateTime.UtcNow.AddDays(-1);
        await db.SaveChangesAsync();
        return (found.Id, found.Reference);
    }
}
