using System.Text.RegularExpressions;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Risk;
using AsbOps.EndToEnd.Tests.Infrastructure;
using AsbOps.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AsbOps.EndToEnd.Tests.Assessments;

[Collection(LiveAppCollection.Name)]
public sealed class HighRiskAssessmentTests(LiveAppFixture app)
{
    [Fact]
    public async Task AnOfficerAddsAVictimAndCompletesAHighAssessmentThenTheMarkerShowsAndTheInspectorIsAlerted()
    {
        var reference = await AnOpenCharnwoodCaseBelowHighAsync();
        var page = await app.SignInAsync("officer@demo.local");

        await AddHighRiskVictimAsync(page, reference, "Edith", "Endtoend");

        var inspector = await app.SignInAsync("inspector@demo.local");
        await inspector.GotoAsync("/alerts");
        await Assertions.Expect(inspector.Locator($"[data-testid='alert-row'][data-case='{reference}']").First).ToContainTextAsync("high risk");
    }

    [Fact]
    public async Task AnOfficerScreensAnIncidentOpensACaseAndAHighAssessmentMarksItAndAlertsTheInspector()
    {
        var incidentId = await ACharnwoodIncidentAwaitingScreeningAsync();
        var page = await app.SignInAsync("officer@demo.local");

        await page.GotoAsync($"/incidents/{incidentId}");
        await page.WaitForInteractiveAsync();
        await Check(page, "screening-check-had").DispatchEventAsync("click");
        await Check(page, "screening-check-V").DispatchEventAsync("click");
        await Assertions.Expect(page.GetByTestId("screening-live-decision")).ToHaveAttributeAsync("data-case-managed", "true");
        await Check(page, "screening-new-case").DispatchEventAsync("click");
        await page.GetByTestId("screening-save").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/cases/ASB-\d{4}-\d{6}$"));
        var reference = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        await Assertions.Expect(page.GetByTestId("case-ref")).ToHaveTextAsync(reference);

        await AddHighRiskVictimAsync(page, reference, "Mabel", "Screenedcase");

        var inspector = await app.SignInAsync("inspector@demo.local");
        await inspector.GotoAsync("/alerts");
        await Assertions.Expect(inspector.Locator($"[data-testid='alert-row'][data-case='{reference}']").First).ToContainTextAsync("high risk");
    }

    /// <summary>Adds a victim to the case and completes a victim assessment that is high (vulnerable and targeted).</summary>
    private static async Task AddHighRiskVictimAsync(IPage page, string reference, string firstName, string lastName)
    {
        await page.GotoAsync($"/cases/{reference}/people/add");
        await page.WaitForInteractiveAsync();
        await page.GetByTestId("role-victim").DispatchEventAsync("click");
        await Field(page, "person-first-name").FillAsync(firstName);
        await Field(page, "person-last-name").FillAsync(lastName);
        await Field(page, "person-dob").FillAsync("1948-03-14");
        await Field(page, "person-address").FillAsync("3 Test Row, Loughborough");
        await Field(page, "person-postcode").FillAsync("le11 9zz");
        await page.GetByTestId("person-search").ClickAsync();
        await Assertions.Expect(page.GetByTestId("add-new-person")).ToBeEnabledAsync();
        await page.GetByTestId("add-new-person").ClickAsync();
        await Assertions.Expect(page.GetByTestId("person-added")).ToContainTextAsync($"{firstName} {lastName} added as victim");
        await page.GetByTestId("assess-added").ClickAsync();

        await page.WaitForURLAsync(new Regex(@"/people/\d+/assessment$"));
        await Assertions.Expect(page.GetByTestId("assessment-no-score")).ToBeVisibleAsync();
        foreach (var (question, value) in new[]
                 {
                     ("frequency", "weekly"), ("impact", "significant"), ("vulnerable", "yes"), ("repeatVictim", "no"),
                     ("targeted", "yes"), ("hate", "no"), ("support", "some"), ("safeguarding", "no"),
                 })
        {
            await page.GetByTestId($"option-{question}-{value}").DispatchEventAsync("click");
        }

        await Field(page, "explanation-vulnerable", "textarea").FillAsync("Aged 78, lives alone, recent fall");
        await Field(page, "explanation-targeted", "textarea").FillAsync("Her door is kicked every night by the same group");
        await Assertions.Expect(page.GetByTestId("assessment-score")).ToHaveTextAsync("10");
        await Assertions.Expect(page.GetByTestId("assessment-level")).ToHaveTextAsync("High");
        await page.GetByTestId("complete-assessment").ClickAsync();

        await page.WaitForURLAsync(new Regex($"/cases/{reference}$"));
        await Assertions.Expect(page.GetByTestId("case-risk-level")).ToHaveTextAsync("High");
        await Assertions.Expect(page.GetByTestId("marker").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid='person-row'][data-role='victim'][data-risk='high']").Filter(new() { HasText = $"{firstName} {lastName}" }))
            .ToHaveCountAsync(1);

    }

    private static ILocator Check(IPage page, string testId) =>
        page.Locator($"input[data-testid='{testId}'], [data-testid='{testId}'] input").First;

    private async Task<long> ACharnwoodIncidentAwaitingScreeningAsync()
    {
        await using var db = app.Services.GetRequiredService<IDbContextFactory<AsbOpsDbContext>>().CreateDbContext();
        return await db.Incidents
            .Where(i => i.CaseId == null && i.Screening == null && db.Areas.Any(a => a.Id == i.AreaId && a.Code == "CHARNWOOD"))
            .OrderBy(i => i.Id)
            .Select(i => i.Id)
            .FirstAsync();
    }

    /// <summary>A text field's input, whether MudBlazor puts the test id on the input itself or on its wrapper.</summary>
    private static ILocator Field(IPage page, string testId, string element = "input") =>
        page.Locator($"{element}[data-testid='{testId}'], [data-testid='{testId}'] {element}").First;

    private async Task<string> AnOpenCharnwoodCaseBelowHighAsync()
    {
        await using var db = app.Services.GetRequiredService<IDbContextFactory<AsbOpsDbContext>>().CreateDbContext();
        return await db.Cases
            .Where(c => c.Status == CaseStatus.Open && c.RiskLevel < RiskLevel.High
                && db.Areas.Any(a => a.Id == c.AreaId && a.Code == "CHARNWOOD")
                && !db.Markers.Any(m => m.CaseId == c.Id && m.EndedAt == null))
            .OrderBy(c => c.Id)
            .Select(c => c.Reference)
            .FirstAsync();
    }
}
