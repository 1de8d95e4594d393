using System.Net;
using AsbOps.Domain.Incidents;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;

namespace AsbOps.Web.Tests.Intake;

public sealed class AideMemoireTests(AsbOpsAppFactory app) : IClassFixture<AsbOpsAppFactory>
{
    [Fact]
    public async Task TheAideMemoirePageExplainsEveryLetterTheDecisionAndLocationAssessments()
    {
        var area = await app.AddAreaAsync("AIDEA");
        await app.AddUserAsync("aide.partner@test.local", Roles.Partner, area.Id, Domain.Referrals.Agency.Housing);
        using var client = await app.CreateSignedInClientAsync("aide.partner@test.local");

        var page = await Html.GetAsync(client, "/aide-memoire");

        var letters = page.All("aide-memoire-letter");
        Assert.Equal(VictorELetters.All.Select(l => l.Code.ToString()), letters.Select(l => l.GetAttribute("data-letter")));
        foreach (var (letter, row) in VictorELetters.All.Zip(letters))
        {
            Assert.Contains(letter.Explanation, row.Text());
        }

        Assert.Contains(VictorELetters.DecisionRule, page.Single("aide-memoire-rule").Text());
        Assert.Contains("no victim", page.Single("aide-memoire-location").Text());
        Assert.Equal("/aide-memoire.html", page.Single("aide-memoire-printable").GetAttribute("href"));
    }

    [Fact]
    public async Task ThePrintableAideMemoireIsServedWithTheSameWordingAsThePage()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/aide-memoire.html");
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var text = document.Body!.Text();
        Assert.Contains(VictorELetters.HarassmentAlarmDistressExplanation, text);
        Assert.Contains(VictorELetters.DecisionRule, text);
        foreach (var letter in VictorELetters.All)
        {
            Assert.Contains(letter.Explanation, text);
        }

        Assert.Empty(document.QuerySelectorAll("link[rel=stylesheet], script[src]"));
    }
}
