using System.Security.Claims;
using AsbOps.Domain.Risk;
using AsbOps.Web.Data;
using AsbOps.Web.Features.Guidance;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AsbOps.Web.Tests.Guidance.GuidanceFormDriver;

namespace AsbOps.Web.Tests.Guidance;

/// <summary>The publishing page rendered with bUnit against the real service on the app's real SQLite file.</summary>
public sealed class PublishGuidancePageTests : BunitTestBase, IClassFixture<AsbOpsAppFactory>
{
    private readonly AsbOpsAppFactory _app;
    private readonly BunitAuthorizationContext _auth;

    public PublishGuidancePageTests(AsbOpsAppFactory app)
    {
        _app = app;
        Services.AddSingleton(app.Services.GetRequiredService<IDbContextFactory<AsbOpsDbContext>>());
        Services.AddSingleton(TimeProvider.System);
        Services.AddScoped<GuidancePublishingService>();
        Services.AddScoped<CurrentUser>();
        _auth = AddAuthorization();
    }

    private async Task SignInAsync(string email, string role)
    {
        var area = await _app.AddAreaAsync("GUIDEFORM");
        var user = await _app.AddUserAsync(email, role, area.Id);
        _auth.SetAuthorized(email).SetRoles(role).SetClaims(new Claim(ClaimTypes.NameIdentifier, user.Id));
    }

    private async Task<RiskGuidanceVersion> NewestAsync()
    {
        await using var db = _app.CreateDbContext();
        return await db.GuidanceVersions.AsNoTracking().OrderByDescending(g => g.Number).FirstAsync();
    }

    [Fact]
    public async Task TheFormStartsFromTheNewestPublishedVersion()
    {
        await SignInAsync("guideform.start@test.local", Roles.Admin);
        var newest = await NewestAsync();

        var page = Render<PublishGuidancePage>();

        await EventuallyAsync(page, () => Assert.Single(page.FindAll("[data-testid='guidance-editor']")));
        Assert.Contains($"Version {newest.Number + 1}, a copy of version {newest.Number}", page.Markup);
        var location = newest.Definition.Matrix(AssessmentKind.Location);
        await OpenTabAsync(page, "Location matrix");
        Assert.Equal(
            location.Questions.Select(q => q.Key),
            page.FindAll("[data-testid='guidance-matrix-editor'][data-kind='Location'] [data-testid='question-editor']").Select(q => q.GetAttribute("data-key")));
        Assert.Equal(GuidanceValidator.MaximumScore(location).ToString(),
            page.Find("[data-testid='guidance-max-score'][data-kind='Location']").TextContent.Trim());
    }

    [Fact]
    public async Task PublishingAnEditedVersionStoresItAsTheNextNumberAndOpensIt()
    {
        await SignInAsync("guideform.publish@test.local", Roles.Admin);
        var newest = await NewestAsync();
        var page = Render<PublishGuidancePage>();
        await EventuallyAsync(page, () => Assert.Single(page.FindAll("[data-testid='guidance-editor']")));

        Field(page, "option-score-victim-2-0").Input("5");
        await OpenTabAsync(page, "Bands");
        Field(page, "band-max-2").Input("40");
        Field(page, "guidance-notes").Input("Vulnerability weighs more; bands capped at 40");
        page.Find("[data-testid='guidance-publish-submit']").Click();

        var navigation = Services.GetRequiredService<NavigationManager>();
        await EventuallyAsync(page, () => Assert.EndsWith($"/guidance/{newest.Number + 1}", navigation.Uri));
        var stored = await NewestAsync();
        Assert.Equal(newest.Number + 1, stored.Number);
        Assert.Equal("Vulnerability weighs more; bands capped at 40", stored.Notes);
        Assert.Equal(5, stored.Definition.Matrix(AssessmentKind.Victim).FindQuestion("vulnerable")!.FindOption("yes")!.Score);
        Assert.Equal(40, stored.Definition.Bands[^1].MaxScore);
        Assert.NotNull(stored.PublishedByUserId);
        await using var db = _app.CreateDbContext();
        var previous = await db.GuidanceVersions.AsNoTracking().SingleAsync(g => g.Number == newest.Number);
        Assert.Equal(GuidanceJson.Write(newest.Definition), GuidanceJson.Write(previous.Definition));
    }

    [Fact]
    public async Task AnAnalystGetsTheForm()
    {
        await SignInAsync("guideform.analyst@test.local", Roles.Analyst);

        var page = Render<PublishGuidancePage>();

        await EventuallyAsync(page, () => Assert.Single(page.FindAll("[data-testid='guidance-editor']")));
        Assert.Empty(page.FindAll("[data-testid='guidance-publish-forbidden']"));
    }

    [Fact]
    public async Task ASergeantGetsNoFormAndNothingToPublish()
    {
        await SignInAsync("guideform.sergeant@test.local", Roles.Sergeant);

        var page = Render<PublishGuidancePage>();

        await EventuallyAsync(page, () => Assert.Single(page.FindAll("[data-testid='guidance-publish-forbidden']")));
        Assert.Empty(page.FindAll("[data-testid='guidance-editor']"));
        Assert.Empty(page.FindAll("[data-testid='guidance-publish-submit']"));
    }

    [Fact]
    public async Task AnEmptySummaryOfChangesShowsAMessageBesideTheFieldAndKeepsPublishingOff()
    {
        await SignInAsync("guideform.nosummary@test.local", Roles.Analyst);
        var page = Render<PublishGuidancePage>();
        await EventuallyAsync(page, () => Assert.Single(page.FindAll("[data-testid='guidance-editor']")));

        Field(page, "guidance-notes").Input("   ");

        await EventuallyAsync(page, () => Assert.Equal("Say what changed in this version and why.", HelperText(page, "guidance-notes")));
        Assert.True(page.Find("[data-testid='guidance-publish-submit']").HasAttribute("disabled"));
    }
}
