using AsbOps.Domain.ActionPlans;
using AsbOps.Domain.CaseReviews;
using AsbOps.Domain.Incidents;
using AsbOps.Web.Data;
using AsbOps.Web.Features.CaseReviews;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AsbOps.Web.Tests.CaseReviews;

/// <summary>An application from logging to outcome: the threshold check, each step, the action plan and the figures.</summary>
public sealed class CaseReviewStepsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 11, 0, 0, TimeSpan.Zero);
    private readonly ClockedAppFactory _app = new(new FakeTimeProvider(Now));
    private CaseReviewWorld _world = default!;

    public async Task InitializeAsync() => _world = await CaseReviewWorld.CreateAsync(_app, "STEPS");

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private DateTime Today => Now.UtcDateTime.Date;

    /// <summary>A case with three reports by the victim in the window and one from last year; returns the case reference.</summary>
    private async Task<string> CaseWithReportsAsync(string prefix)
    {
        await using var db = _app.CreateDbContext();
        var b = new CaseBuilder(db, Now.UtcDateTime);
        var c = b.Case(_world.AreaId, leadOfficerId: _world.Officer.UserId, postcode: "LE11 1AA");
        await db.SaveChangesAsync();
        foreach (var (suffix, daysAgo) in new[] { ("A", 400), ("B", 100), ("C", 40), ("D", 5) })
        {
            b.Incident(_world.AreaId, $"{prefix}-{suffix}", c, receivedAt: Now.UtcDateTime.AddDays(-daysAgo), postcode: "LE11 1AB",
                category: AsbCategory.Personal, with: i => { i.ReporterName = "Mrs A Victim"; i.ReporterPhone = "07700 900123"; });
        }

        await db.SaveChangesAsync();
        return c.Reference;
    }

    private Task<CaseReviewDetail?> DetailAsync(string reference) => _app.Get<CaseReviewQueries>().GetAsync(_world.Inspector, reference);

    [Fact]
    public async Task TheThresholdCheckCountsTheReportsInTheWindowAndSaysWhyOthersDidNot()
    {
        var caseRef = await CaseWithReportsAsync("THR");
        var logged = await _app.Get<ApplicationLogger>().LogAsync(_world.Officer, _world.Input(Now.UtcDateTime, caseRef, "THR-A"));

        var detail = await DetailAsync(logged.Reference!);

        Assert.True(detail!.Threshold.Met);
        Assert.Equal(3, detail.Threshold.SameMatterCount);
        var old = detail.Threshold.Reports.Single(r => r.Reference == "THR-A");
        Assert.False(old.CountsForMatter);
        Assert.True(old.ReliedOn);
        Assert.Contains("before the 6-month window", old.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOverrideNeedsAWrittenReasonAndIsAudited()
    {
        var logged = await _app.Get<ApplicationLogger>().LogAsync(_world.Officer, _world.Input(Now.UtcDateTime));
        var steps = _app.Get<CaseReviewSteps>();
        var version = (await DetailAsync(logged.Reference!))!.Version;

        var withoutReason = await steps.OverrideAsync(_world.Inspector, logged.Id, version, new OverrideInput { Met = true });
        var byOfficer = await steps.OverrideAsync(_world.Officer, logged.Id, version, new OverrideInput { Met = true, Reason = "x" });
        var saved = await steps.OverrideAsync(_world.Inspector, logged.Id, version, new OverrideInput { Met = true, Reason = "Reports to the council count too." });

        Assert.Equal(CommandOutcome.Invalid, withoutReason.Outcome);
        Assert.Equal(nameof(OverrideInput.Reason), Assert.Single(withoutReason.Errors).Key);
        Assert.Equal(CommandOutcome.Refused, byOfficer.Outcome);
        Assert.True(saved.Succeeded);
        var detail = await DetailAsync(logged.Reference!);
        Assert.False(detail!.Threshold.CheckMet);
        Assert.True(detail.Threshold.Met);
        await using var db = _app.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Changes != null && e.Changes.Contains("Reports to the council count too.")));
    }

    [Fact]
    public async Task AStaleVersionIsAConflictAndSavesNothing()
    {
        var logged = await _app.Get<ApplicationLogger>().LogAsync(_world.Officer, _world.Input(Now.UtcDateTime));
        var steps = _app.Get<CaseReviewSteps>();
        var version = (await DetailAsync(logged.Reference!))!.Version;
        await steps.AcknowledgeAsync(_world.Officer, logged.Id, version, new AcknowledgeInput { On = Today });

        var stale = await steps.DecideAsync(_world.Inspector, logged.Id, version, new DecisionInput { Met = false, Reason = "Too few reports.", On = Today });

        Assert.Equal(CommandOutcome.Conflict, stale.Outcome);
        Assert.Null((await DetailAsync(logged.Reference!))!.DecidedOn);
    }

    [Fact]
    public async Task DecisionMeetingRecommendationsAndOutcomeRunToTheEndAndMoveTheFigures()
    {
        var caseRef = await CaseWithReportsAsync("FLOW");
        var figures = _app.Get<CaseReviewFigures>();
        var day = DateOnly.FromDateTime(Today);
        var before = await figures.CountAsync(_world.Inspector, day, day);
        var logged = await _app.Get<ApplicationLogger>().LogAsync(_world.Officer, _world.Input(Now.UtcDateTime, caseRef));
        var steps = _app.Get<CaseReviewSteps>();
        var id = logged.Id;
        async Task<int> V() => (await DetailAsync(logged.Reference!))!.Version;

        Assert.True((await steps.DecideAsync(_world.Inspector, id, await V(), new DecisionInput { Met = true, Reason = "Three reports in six months.", On = Today })).Succeeded);
        Assert.True((await steps.RecordMeetingAsync(_world.Officer, id, await V(),
            new MeetingInput { HeldOn = Today, AgenciesPresent = "Police\nCouncil ASB team\nHousing", Summary = "Agencies agreed a joint plan." })).Succeeded);
        var badOwner = await steps.AddRecommendationAsync(_world.Officer, id, await V(),
            new RecommendationInput { Type = ActionType.Mediation, Description = "Offer mediation", OwnerUserId = "nobody", DueDate = Today.AddDays(14) });
        Assert.True((await steps.AddRecommendationAsync(_world.Officer, id, await V(),
            new RecommendationInput { Type = ActionType.Mediation, Description = "Offer mediation", OwnerUserId = _world.Officer.UserId, DueDate = Today.AddDays(14) })).Succeeded);
        var detail = await DetailAsync(logged.Reference!);
        Assert.Contains("Offer mediation", detail!.LetterDraft, StringComparison.Ordinal);
        Assert.Contains("Council ASB team", detail.LetterDraft, StringComparison.Ordinal);
        var sent = await steps.SaveLetterAsync(_world.Officer, id, detail.Version, new LetterInput { Text = detail.LetterDraft + "\nEdited.", SentOn = Today }, send: true);

        Assert.Equal(nameof(RecommendationInput.OwnerUserId), Assert.Single(badOwner.Errors).Key);
        Assert.True(sent.Succeeded, sent.Message);
        var done = await DetailAsync(logged.Reference!);
        Assert.Equal(CaseReviewStage.OutcomeSent, done!.Stage);
        Assert.EndsWith("Edited.", done.OutcomeLetter, StringComparison.Ordinal);
        Assert.All(done.Steps, s => Assert.NotNull(s.DoneOn));
        await using var db = _app.CreateDbContext();
        var caseId = await db.Cases.Where(c => c.Reference == caseRef).Select(c => c.Id).SingleAsync();
        Assert.Contains(await db.ActionItems.Where(a => db.ActionPlans.Any(p => p.Id == a.ActionPlanId && p.CaseId == caseId)).ToListAsync(),
            a => a.Description.Contains("Offer mediation", StringComparison.Ordinal) && a.OwnerUserId == _world.Officer.UserId);
        Assert.Null(await db.CaseReviewApplications.Where(a => a.Id == id).Select(a => a.NextStepDueOn).SingleAsync());
        var after = await figures.CountAsync(_world.Inspector, day, day);
        Assert.Equal(before with { Applications = before.Applications + 1, ReviewsCarriedOut = before.ReviewsCarriedOut + 1, ReviewsWithRecommendations = before.ReviewsWithRecommendations + 1 }, after);
    }

    [Fact]
    public async Task ADecisionThatTheThresholdIsNotMetCountsAndStopsTheClock()
    {
        var figures = _app.Get<CaseReviewFigures>();
        var day = DateOnly.FromDateTime(Today);
        var before = await figures.CountAsync(_world.Inspector, day, day);
        var logged = await _app.Get<ApplicationLogger>().LogAsync(_world.Officer, _world.Input(Now.UtcDateTime));
        var steps = _app.Get<CaseReviewSteps>();

        var decided = await steps.DecideAsync(_world.Inspector, logged.Id, (await DetailAsync(logged.Reference!))!.Version,
            new DecisionInput { Met = false, Reason = "One report only.", On = Today });
        var meeting = await steps.RecordMeetingAsync(_world.Officer, logged.Id, (await DetailAsync(logged.Reference!))!.Version,
            new MeetingInput { HeldOn = Today, AgenciesPresent = "Police", Summary = "x" });

        Assert.True(decided.Succeeded);
        Assert.Equal(CommandOutcome.Refused, meeting.Outcome);
        var after = await figures.CountAsync(_world.Inspector, day, day);
        Assert.Equal(before.ThresholdNotMet + 1, after.ThresholdNotMet);
        Assert.Equal(before.Applications + 1, after.Applications);
        Assert.Equal(2, (await DetailAsync(logged.Reference!))!.Steps.Count);
    }

    [Fact]
    public async Task ARepeatVictimRaisesAPromptThatIsDismissedOnlyWithAReason()
    {
        await using var db = _app.CreateDbContext();
        var b = new CaseBuilder(db, Now.UtcDateTime);
        var c = b.Case(_world.AreaId, leadOfficerId: _world.Officer.UserId);
        await db.SaveChangesAsync();
        var prompts = _app.Get<CaseReviewPrompts>();
        b.Incident(_world.AreaId, "PROMPT-1", c, receivedAt: Now.UtcDateTime.AddDays(-30), with: i => i.ReporterPhone = "07700 900555");
        await db.SaveChangesAsync();
        Assert.Null((await prompts.ForCaseAsync(_world.Officer, c.Id))!.Pending);
        var second = b.Incident(_world.AreaId, "PROMPT-2", c, receivedAt: Now.UtcDateTime.AddDays(-1), with: i => i.ReporterPhone = "07700 900555");
        await db.SaveChangesAsync();

        var model = await prompts.ForCaseAsync(_world.Officer, c.Id);
        var noReason = await prompts.RecordAsync(_world.Officer, c.Id, second.Id, new PromptInput { Outcome = CaseReviewPromptOutcome.Dismissed });
        var dismissed = await prompts.RecordAsync(_world.Officer, c.Id, second.Id, new PromptInput { Outcome = CaseReviewPromptOutcome.Dismissed, Reason = "Victim moved away." });

        Assert.True(model!.IsLeadOfficer);
        Assert.Equal("PROMPT-2", model.Pending!.IncidentRef);
        Assert.Equal(nameof(PromptInput.Reason), Assert.Single(noReason.Errors).Key);
        Assert.True(dismissed.Succeeded);
        var afterwards = await prompts.ForCaseAsync(_world.Officer, c.Id);
        Assert.Null(afterwards!.Pending);
        Assert.Equal("Victim moved away.", Assert.Single(afterwards.Recorded).Reason);
    }
}
