using AsbOps.Domain.Incidents;
using AsbOps.Web.Features.Intake.Screening;
using AsbOps.Web.Tests.Infrastructure;
using Bunit;

namespace AsbOps.Web.Tests.Intake;

public sealed class ScreeningFormTests : BunitTestBase
{
    [Fact]
    public void TheDecisionChangesLiveAsHarassmentAndALetterAreTicked()
    {
        var form = Render<ScreeningForm>();
        string Decision() => form.Find("[data-testid='screening-live-decision']").GetAttribute("data-case-managed")!;

        Assert.Equal("false", Decision());
        Check(form, "screening-check-T");
        Assert.Equal("false", Decision());
        Assert.Contains("no harassment, alarm or distress", form.Find("[data-testid='screening-live-decision']").TextContent);

        Check(form, "screening-check-had");

        Assert.Equal("true", Decision());
        Assert.Contains("Should be case managed", form.Find("[data-testid='screening-live-decision']").TextContent);
        Assert.Single(form.FindAll("[data-testid='screening-no-suggestions']"));
    }

    [Fact]
    public void EveryLetterShowsItsExplanationAndTheFormLinksToTheAideMemoire()
    {
        var form = Render<ScreeningForm>();

        var rows = form.FindAll("[data-testid='screening-input-letter']");
        Assert.Equal(VictorELetters.All.Select(l => l.Code.ToString()), rows.Select(r => r.GetAttribute("data-letter")));
        foreach (var (row, letter) in rows.Zip(VictorELetters.All))
        {
            Assert.Contains(letter.Explanation, row.TextContent);
        }

        Assert.Equal("/aide-memoire", form.Find("[data-testid='screening-aide-memoire']").GetAttribute("href"));
    }

    [Fact]
    public void SavingWithASuggestedCaseChosenHandsOverThatCase()
    {
        ScreeningInput? saved = null;
        var suggestion = new CaseSuggestion(42, "ASB-2026-000042", new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc),
            AsbCategory.Personal, "5 Link Road", "LI1 1NK", ["Same postcode (LI1 1NK)"]);
        var form = Render<ScreeningForm>(p => p
            .Add(f => f.Suggestions, [suggestion])
            .Add(f => f.OnSave, (ScreeningInput input) => saved = input));
        Check(form, "screening-check-had");
        Check(form, "screening-check-O");

        Assert.Contains("Same postcode (LI1 1NK)", form.Find("[data-testid='screening-suggestion']").TextContent);
        form.Find("[data-testid='screening-suggestion'] input").Click();
        form.Find("[data-testid='screening-save']").Click();

        Assert.NotNull(saved);
        Assert.Equal(42, saved.LinkToCaseId);
        Assert.True(saved.ShouldBeCaseManaged);
    }

    private static void Check(IRenderedComponent<ScreeningForm> form, string testId) =>
        form.Find($"[data-testid='{testId}'] input, input[data-testid='{testId}']").Change(true);
}
