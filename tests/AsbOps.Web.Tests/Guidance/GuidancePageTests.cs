using AsbOps.Domain.Risk;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Tests.Guidance;

public sealed class GuidancePageTests(AsbOpsAppFactory app) : IClassFixture<AsbOpsAppFactory>
{
    [Fact]
    public async Task TheVersionViewerRendersVersionOnesQuestionsOptionsAndBandsFromTheStoredJson()
    {
        using var client = await AnalystAsync("guidance.v1@test.local");
        GuidanceDefinition stored;
        await using (var db = app.CreateDbContext())
        {
            stored = (await db.GuidanceVersions.AsNoTracking().SingleAsync(g => g.Number == 1)).Definition;
        }

        var page = await Html.GetAsync(client, "/guidance/1");

        var questions = page.All("guidance-question");
        Assert.Equal(stored.Matrices.Sum(m => m.Questions.Count), questions.Count);
        foreach (var question in stored.Matrices.SelectMany(m => m.Questions))
        {
            Assert.Contains(questions, row => row.Text().Contains(question.Text, StringComparison.Ordinal));
        }

        var vulnerable = Assert.Single(questions, q => q.GetAttribute("data-key") == "vulnerable" && q.Text().Contains("Is the person vulnerable?"));
        Assert.Equal(["Yes (3)", "No (0)", "Unknown (2)"], vulnerable.QuerySelectorAll("[data-testid='guidance-option']").Select(o => o.Text()));
        Assert.Contains("Yes needs a written explanation", vulnerable.Text());
        Assert.Equal(["0–5 Low", "6–10 Medium", "11 or more High"], page.All("guidance-band").Select(b => b.Cells()));
        Assert.Equal(2, page.All("guidance-safeguarding").Count);
        Assert.Contains(page.All("guidance-rule"), r => r.Text().Contains("at least High"));
    }

    [Fact]
    public async Task ALaterVersionIsReadFromItsOwnStoredDefinitionAndMarkedInUse()
    {
        await using (var db = app.CreateDbContext())
        {
            var definition = new GuidanceDefinition(
                [new MatrixDefinition(AssessmentKind.Location, "Trial location matrix",
                    [new QuestionDefinition("lighting", "Is the street lighting poor?", QuestionType.YesNoUnknown,
                        [new("yes", "Yes", 4), new("no", "No", 0), new("unknown", "Unknown", 1)])], [])],
                [new ScoreBand(RiskLevel.Low, 0, 2), new ScoreBand(RiskLevel.High, 3, null)]);
            db.GuidanceVersions.Add(new RiskGuidanceVersion
            {
                Number = 2,
                PublishedAt = new DateTime(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc),
                Notes = "Trial of a lighting question",
                Definition = definition,
            });
            await db.SaveChangesAsync();
        }

        using var client = await AnalystAsync("guidance.v2@test.local");

        var version = await Html.GetAsync(client, "/guidance/2");
        var list = await Html.GetAsync(client, "/guidance");

        Assert.Equal("Is the street lighting poor?", version.Single("guidance-question").Children[1].Text());
        Assert.Equal(["0–2 Low", "3 or more High"], version.All("guidance-band").Select(b => b.Cells()));
        Assert.Single(version.All("guidance-in-use"));
        var inUse = Assert.Single(list.QuerySelectorAll("tr"), row => row.QuerySelector("[data-testid='guidance-in-use']") is not null);
        Assert.Contains("Version 2", inUse.Text());
        Assert.Equal(2, list.All("guidance-version-link").Count);
    }

    [Fact]
    public async Task AnUnpublishedVersionNumberShowsNotFound()
    {
        using var client = await AnalystAsync("guidance.none@test.local");

        var page = await Html.GetAsync(client, "/guidance/99");

        Assert.Single(page.All("guidance-not-found"));
    }

    private async Task<HttpClient> AnalystAsync(string email)
    {
        await app.AddUserAsync(email, Roles.Analyst);
        return await app.CreateSignedInClientAsync(email);
    }
}
