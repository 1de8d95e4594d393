using AsbOps.Domain.Risk;
using AsbOps.Web.Data;
using AsbOps.Web.Features.Assessments;
using AsbOps.Web.Features.Guidance;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Assessments;
using AsbOps.Web.Tests.Infrastructure;
using AsbOps.Web.Tests.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.Guidance;

public sealed class GuidancePublishingTests(AsbOpsAppFactory app) : IClassFixture<AsbOpsAppFactory>
{
    private GuidancePublishingService Service => app.Services.CreateScope().ServiceProvider.GetRequiredService<GuidancePublishingService>();

    [Fact]
    public async Task PublishingAValidVersionMakesItTheNewestAndKeepsTheOlderOneReadable()
    {
        var admin = await AdminAsync("pub.valid@test.local");
        var draft = (await Service.DraftAsync())!;
        var v2 = V2();

        var result = await Service.PublishAsync(admin, draft.BasedOnNumber, v2, "Lives-alone question added");

        Assert.True(result.Succeeded, string.Join("; ", result.GuidanceErrors));
        Assert.Equal(draft.BasedOnNumber + 1, result.Number);
        var versions = await app.Services.CreateScope().ServiceProvider.GetRequiredService<GuidanceQueries>().ListAsync();
        Assert.Equal(result.Number, versions.Single(v => v.InUse).Number);
        await using var db = app.CreateDbContext();
        var stored = await db.GuidanceVersions.AsNoTracking().SingleAsync(g => g.Number == result.Number);
        Assert.Contains(stored.Definition.Matrix(AssessmentKind.Victim).Questions, q => q.Key == "livesAlone");
        Assert.Equal(admin.UserId, stored.PublishedByUserId);
        var v1 = await db.GuidanceVersions.AsNoTracking().SingleAsync(g => g.Number == 1);
        Assert.DoesNotContain(v1.Definition.Matrix(AssessmentKind.Victim).Questions, q => q.Key == "livesAlone");
    }

    [Fact]
    public async Task AnAssessmentSavedAfterAPublishUsesTheNewVersionNotTheOneTheSavesParsedBefore()
    {
        var admin = await AdminAsync("pub.cache@test.local");
        var before = await AssessmentFixture.ArrangeAsync(app, "PUBSAVEA");
        var after = await AssessmentFixture.ArrangeAsync(app, "PUBSAVEB");

        // A draft saved before the publish parses and keeps the version then in use.
        var draftSaved = await AssessmentFixture.SaveAsync(app, AssessmentFixture.Victim(before, AssessmentFixture.VictimAnswers(), complete: false), before.Officer);
        Assert.Equal(CommandOutcome.Saved, draftSaved.Outcome);

        var draft = (await Service.DraftAsync())!;
        var result = await Service.PublishAsync(admin, draft.BasedOnNumber, V2(), "Lives-alone question added for the cache");
        Assert.True(result.Succeeded, string.Join("; ", result.GuidanceErrors));

        // Complete only with the new question answered: a save still scoring with the old version would refuse it.
        var saved = await AssessmentFixture.SaveAsync(app, AssessmentFixture.Victim(after,
            AssessmentFixture.VictimAnswers(new AnswerCommand("livesAlone", "yes", "Widowed, no family nearby"))), after.Officer);

        Assert.Equal(CommandOutcome.Saved, saved.Outcome);
        await using var db = app.CreateDbContext();
        var newVersion = await db.GuidanceVersions.Where(g => g.Number == result.Number).Select(g => g.Id).SingleAsync();
        Assert.Equal(newVersion, await db.Assessments.Where(a => a.Id == saved.AssessmentId).Select(a => a.GuidanceVersionId).SingleAsync());
    }

    [Fact]
    public async Task AnInvalidVersionIsRefusedWithItsErrorsAndNothingIsStored()
    {
        var admin = await AdminAsync("pub.invalid@test.local");
        var draft = (await Service.DraftAsync())!;
        var gap = RiskGuidanceV1.Definition with
        {
            Bands = [new(RiskLevel.Low, 0, 5), new(RiskLevel.Medium, 7, 10), new(RiskLevel.High, 11, null)],
        };
        var count = await CountAsync();

        var result = await Service.PublishAsync(admin, draft.BasedOnNumber, gap, "");

        Assert.False(result.Succeeded);
        Assert.Contains(result.GuidanceErrors, e => e.Path == "bands[1].minScore" && e.Message.Contains("score 6"));
        Assert.Contains(result.GuidanceErrors, e => e.Path == "notes");
        Assert.Equal(count, await CountAsync());
    }

    [Fact]
    public async Task AVersionWithoutItsMatricesIsRefusedOnTheServerEvenIfTheFormWasBypassed()
    {
        var admin = await AdminAsync("pub.bypass@test.local");
        var draft = (await Service.DraftAsync())!;
        var count = await CountAsync();

        var result = await Service.PublishAsync(admin, draft.BasedOnNumber, draft.Definition with { Matrices = [] }, "Hand-made");

        Assert.False(result.Succeeded);
        Assert.Equal(3, result.GuidanceErrors.Count(e => e.Path == "matrices"));
        Assert.Equal(count, await CountAsync());
    }

    [Fact]
    public async Task TheDraftIsTheNewestVersionsDefinition()
    {
        await AdminAsync("pub.draft@test.local");
        await using var db = app.CreateDbContext();
        var newest = await db.GuidanceVersions.AsNoTracking().OrderByDescending(g => g.Number).FirstAsync();

        var draft = (await Service.DraftAsync())!;

        Assert.Equal(newest.Number, draft.BasedOnNumber);
        Assert.Equal(GuidanceJson.Write(newest.Definition), GuidanceJson.Write(draft.Definition));
    }

    [Fact]
    public async Task OfTwoAdministratorsPublishingAtOnceOneWinsAndTheOtherGetsAConflict()
    {
        var first = await AdminAsync("pub.race1@test.local");
        var second = await AdminAsync("pub.race2@test.local");
        var draft = (await Service.DraftAsync())!;
        var v2 = V2();

        var results = await Task.WhenAll(
            Service.PublishAsync(first, draft.BasedOnNumber, v2, "First"),
            Service.PublishAsync(second, draft.BasedOnNumber, v2, "Second"));

        Assert.Single(results, r => r.Succeeded);
        var refused = Assert.Single(results, r => !r.Succeeded);
        Assert.Contains("published by someone else", Assert.Single(refused.GuidanceErrors).Message);
    }

    [Fact]
    public async Task AnAnalystOfTheGroupPublishesAndTheVersionsListSaysWhoAndWhy()
    {
        var area = await app.AddAreaAsync("PUBAN");
        var analyst = await app.AddUserAsync("pub.analyst@test.local", Roles.Analyst, area.Id, displayName: "Ana Lyst");
        var draft = (await Service.DraftAsync())!;

        var result = await Service.PublishAsync(ScreeningData.Scope(analyst, Roles.Analyst), draft.BasedOnNumber, V2(),
            "  Group decision: lives-alone question added  ");

        Assert.True(result.Succeeded, string.Join("; ", result.GuidanceErrors));
        var listed = (await app.Services.CreateScope().ServiceProvider.GetRequiredService<GuidanceQueries>().ListAsync())
            .Single(v => v.Number == result.Number);
        Assert.Equal("Ana Lyst", listed.PublishedBy);
        Assert.Equal("Group decision: lives-alone question added", listed.Notes);
        await using var db = app.CreateDbContext();
        Assert.Equal(analyst.Id, (await db.GuidanceVersions.AsNoTracking().SingleAsync(g => g.Number == result.Number)).PublishedByUserId);
    }

    [Fact]
    public async Task AnAnalystWithoutASummaryOfChangesPublishesNothing()
    {
        var area = await app.AddAreaAsync("PUBNOSUM");
        var analyst = await app.AddUserAsync("pub.nosummary@test.local", Roles.Analyst, area.Id);
        var draft = (await Service.DraftAsync())!;
        var count = await CountAsync();

        var result = await Service.PublishAsync(ScreeningData.Scope(analyst, Roles.Analyst), draft.BasedOnNumber, V2(), "   ");

        Assert.False(result.Succeeded);
        Assert.Equal("notes", Assert.Single(result.GuidanceErrors).Path);
        Assert.Equal(count, await CountAsync());
    }

    [Theory]
    [InlineData(Roles.Officer)]
    [InlineData(Roles.Sergeant)]
    [InlineData(Roles.Inspector)]
    [InlineData(Roles.Compliance)]
    [InlineData(Roles.Partner)]
    public async Task NoOtherRoleCanPublish(string role)
    {
        var area = await app.AddAreaAsync("PUBNO");
        var user = await app.AddUserAsync($"pub.no.{role}@test.local", role, area.Id);
        var draft = (await Service.DraftAsync())!;
        var count = await CountAsync();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            Service.PublishAsync(ScreeningData.Scope(user, role), draft.BasedOnNumber, draft.Definition, "Sneaky"));

        Assert.Equal(count, await CountAsync());
    }

    [Fact]
    public async Task TheGuidancePageOffersPublishingToAnAnalystAndAnAdministrator()
    {
        var area = await app.AddAreaAsync("PUBPAGE");
        await app.AddUserAsync("pub.page.analyst@test.local", Roles.Analyst, area.Id);
        await app.AddUserAsync("pub.page.admin@test.local", Roles.Admin, area.Id);
        using var analyst = await app.CreateSignedInClientAsync("pub.page.analyst@test.local");
        using var admin = await app.CreateSignedInClientAsync("pub.page.admin@test.local");

        var analystPage = await Html.GetAsync(analyst, "/guidance");
        var adminPage = await Html.GetAsync(admin, "/guidance");

        Assert.Equal("/guidance/new", analystPage.Single("guidance-publish").GetAttribute("href"));
        Assert.Equal("/guidance/new", adminPage.Single("guidance-publish").GetAttribute("href"));
        Assert.NotEmpty(adminPage.All("guidance-version-by"));
        Assert.NotEmpty(adminPage.All("guidance-version-summary"));
    }

    private async Task<UserScope> AdminAsync(string email)
    {
        var area = await app.AddAreaAsync("PUBADMIN");
        return ScreeningData.Scope(await app.AddUserAsync(email, Roles.Admin, area.Id), Roles.Admin);
    }

    private async Task<int> CountAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.GuidanceVersions.CountAsync();
    }

    private static GuidanceDefinition V2()
    {
        var v1 = RiskGuidanceV1.Definition;
        var victim = v1.Matrix(AssessmentKind.Victim);
        var livesAlone = new QuestionDefinition("livesAlone", "Does the person live alone?", QuestionType.YesNoUnknown,
            [new(QuestionDefinition.Yes, "Yes", 2), new(QuestionDefinition.No, "No", 0), new(QuestionDefinition.Unknown, "Unknown", 1)]);
        return v1 with
        {
            Matrices = [.. v1.Matrices.Select(m => m.Kind == AssessmentKind.Victim ? victim with { Questions = [.. victim.Questions, livesAlone] } : m)],
            Bands = [new(RiskLevel.Low, 0, 6), new(RiskLevel.Medium, 7, 12), new(RiskLevel.High, 13, null)],
        };
    }
}
