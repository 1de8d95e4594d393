using AsbOps.Domain.Audit;
using AsbOps.Domain.Markers;
using AsbOps.Domain.Referrals;
using AsbOps.Domain.Risk;
using AsbOps.Web.Data;
using AsbOps.Web.Features.Assessments;
using AsbOps.Web.Tests.Data;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AsbOps.Web.Tests.Assessments.AssessmentFixture;

namespace AsbOps.Web.Tests.Assessments;

public sealed class AssessmentServiceTests(AsbOpsAppFactory app) : IClassFixture<AsbOpsAppFactory>
{
    [Fact]
    public async Task ACompleteHighVictimAssessmentMakesTheCaseHighWithMarkersAlertsEmailsAndAuditNamingTheOfficer()
    {
        var w = await ArrangeAsync(app, "SVCHIGH");

        var result = await SaveAsync(app, Victim(w, HighVictimAnswers()), w.Officer);

        Assert.Equal(CommandOutcome.Saved, result.Outcome);
        Assert.Equal(RiskLevel.High, result.Level);
        await using var db = app.CreateDbContext();
        var assessment = await db.Assessments.Include(a => a.Answers).SingleAsync(a => a.Id == result.AssessmentId);
        Assert.Equal(AssessmentStatus.Complete, assessment.Status);
        Assert.Equal(5, assessment.Score);
        Assert.Equal("Lives alone, recent stroke", assessment.Answers.Single(a => a.QuestionKey == "vulnerable").Explanation);
        Assert.Equal(RiskLevel.High, (await db.Cases.SingleAsync(c => c.Id == w.CaseId)).RiskLevel);
        Assert.Equal(RiskLevel.High, (await db.CaseParticipants.SingleAsync(p => p.Id == w.VictimId)).RiskLevel);
        await PeopleCountsAssert.MatchTheirPeopleAsync(db, w.CaseId);
        Assert.Equal(1, await db.Cases.Where(c => c.Id == w.CaseId).Select(c => c.VictimsHigh).SingleAsync());
        var markers = await db.Markers.Where(m => m.CaseId == w.CaseId && m.EndedAt == null).ToListAsync();
        Assert.Contains(markers, m => m.SubjectType == MarkerSubjectType.Person && m.PersonId == w.PersonId);
        Assert.Contains(markers, m => m.SubjectType == MarkerSubjectType.Location);
        Assert.Equal(2, await db.Alerts.CountAsync(a => a.CaseId == w.CaseId));
        Assert.Equal(2, await db.Outbox.CountAsync(m => m.CaseId == w.CaseId));
        var audit = await db.AuditEntries.Where(e => e.EntityType == nameof(Assessment) && e.EntityId == result.AssessmentId.ToString()).ToListAsync();
        Assert.Contains(audit, e => e.Action == AuditAction.Create && e.UserId == w.Officer.UserId && e.UserName == w.Officer.UserName);
    }

    public static TheoryData<string> BadCommands =>
    [
        "unknown question", "bad option", "yes without explanation", "judgement without rationale",
        "completion without safeguarding form", "explanation too long", "completion with a question unanswered",
    ];

    [Theory]
    [MemberData(nameof(BadCommands))]
    public async Task AnInvalidCommandIsRefusedWithAFieldErrorAndStoresNothing(string bad)
    {
        var w = await ArrangeAsync(app, "BAD" + Math.Abs(bad.GetHashCode(StringComparison.Ordinal) % 100_000));
        var (command, field) = bad switch
        {
            "unknown question" => (Victim(w, [.. VictimAnswers(), new("shoeSize", "yes", "x")]), "answers.shoeSize"),
            "bad option" => (Victim(w, VictimAnswers(new AnswerCommand("frequency", "hourly", null))), "answers.frequency"),
            "yes without explanation" => (Victim(w, VictimAnswers(new AnswerCommand("hate", "yes", "  ")), complete: false), "answers.hate.explanation"),
            "judgement without rationale" => (Victim(w, VictimAnswers()) with { JudgementLevel = RiskLevel.Medium }, "judgementRationale"),
            "completion without safeguarding form" => (Victim(w, VictimAnswers(new AnswerCommand("safeguarding", "yes", "Child at risk"))), "safeguarding.concerns"),
            "explanation too long" => (Victim(w, VictimAnswers(new AnswerCommand("targeted", "yes", new string('x', 2001)))), "answers.targeted.explanation"),
            _ => (Victim(w, VictimAnswers().Where(a => a.QuestionKey != "impact").ToList()), "answers.impact"),
        };

        var result = await SaveAsync(app, command, w.Officer);

        Assert.Equal(CommandOutcome.Invalid, result.Outcome);
        Assert.Contains(field, result.Errors.Keys);
        await using var db = app.CreateDbContext();
        Assert.False(await db.Assessments.AnyAsync(a => a.CaseId == w.CaseId));
        Assert.False(await db.Referrals.AnyAsync(r => r.CaseId == w.CaseId));
        Assert.False(await db.AuditEntries.AnyAsync(e => e.CaseId == w.CaseId && e.EntityType == nameof(Assessment)));
    }

    [Fact]
    public async Task ASafeguardingYesMayBeADraftButCompletesOnlyWithTheWholeReferralForm()
    {
        var w = await ArrangeAsync(app, "SAFEG");
        var answers = VictimAnswers(new AnswerCommand("safeguarding", "yes", "Child in the home is frightened"));

        var draft = await SaveAsync(app, Victim(w, answers, complete: false), w.Officer);
        var complete = await SaveAsync(app, Victim(w, answers) with
        {
            AssessmentId = draft.AssessmentId,
            ExpectedVersion = draft.Version,
            Safeguarding = new SafeguardingForm(Agency.ChildrensSocialCare, "Child frightened at night", true, "Called duty social worker"),
        }, w.Officer);

        Assert.Equal(CommandOutcome.Saved, draft.Outcome);
        Assert.Equal(AssessmentStatus.Draft, draft.Status);
        Assert.Equal(CommandOutcome.Saved, complete.Outcome);
        await using var db = app.CreateDbContext();
        var referral = await db.Referrals.SingleAsync(r => r.AssessmentId == draft.AssessmentId);
        Assert.True(referral.IsSafeguarding);
        Assert.True(referral.IsComplete);
        Assert.Equal(Agency.ChildrensSocialCare, referral.Agency);
        Assert.Equal(RiskLevel.Medium, (await db.Assessments.SingleAsync(a => a.Id == draft.AssessmentId)).Level);
    }

    [Fact]
    public async Task LoweringAComputedHighWaitsForTheSergeantAndApprovalLowersItAndEndsTheMarkers()
    {
        var w = await ArrangeAsync(app, "LOWER");
        var command = Victim(w, HighVictimAnswers()) with { JudgementLevel = RiskLevel.Medium, JudgementRationale = "Moved to a safe address today" };

        var saved = await SaveAsync(app, command, w.Officer);

        await using (var db = app.CreateDbContext())
        {
            var pending = await db.Assessments.SingleAsync(a => a.Id == saved.AssessmentId);
            Assert.Equal(OverrideApproval.Pending, pending.JudgementApproval);
            Assert.Equal(RiskLevel.High, pending.Level);
            Assert.Equal(RiskLevel.High, (await db.Cases.SingleAsync(c => c.Id == w.CaseId)).RiskLevel);
        }

        await using var scope = app.Services.CreateAsyncScope();
        var queue = scope.ServiceProvider.GetRequiredService<ApprovalQueueService>();
        var item = Assert.Single(await queue.ListAsync(w.Sergeant), i => i.AssessmentId == saved.AssessmentId);
        var decided = await queue.DecideAsync(w.Sergeant, item.AssessmentId, item.Version, approve: true, "Agreed, new address checked");

        Assert.Equal(CommandOutcome.Saved, decided.Outcome);
        await using var check = app.CreateDbContext();
        var approved = await check.Assessments.SingleAsync(a => a.Id == saved.AssessmentId);
        Assert.Equal(OverrideApproval.Approved, approved.JudgementApproval);
        Assert.Equal(w.Sergeant.UserId, approved.ApprovedByUserId);
        Assert.Equal(RiskLevel.Medium, approved.Level);
        Assert.Equal(RiskLevel.Medium, (await check.Cases.SingleAsync(c => c.Id == w.CaseId)).RiskLevel);
        var markers = await check.Markers.Where(m => m.CaseId == w.CaseId).ToListAsync();
        Assert.NotEmpty(markers);
        Assert.All(markers, m => Assert.NotNull(m.EndedAt));
        Assert.Empty(await queue.ListAsync(w.Sergeant));
    }

    [Fact]
    public async Task AReassessmentAddsANewAssessmentAndKeepsTheOldOneAsHistory()
    {
        var w = await ArrangeAsync(app, "REASS");
        var first = await SaveAsync(app, Victim(w, HighVictimAnswers()), w.Officer);

        var second = await SaveAsync(app, Victim(w, VictimAnswers()) with { BasedOnAssessmentId = first.AssessmentId }, w.Officer);

        Assert.Equal(CommandOutcome.Saved, second.Outcome);
        Assert.NotEqual(first.AssessmentId, second.AssessmentId);
        await using var db = app.CreateDbContext();
        var all = await db.Assessments.Where(a => a.CaseParticipantId == w.VictimId).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(2, all.Count);
        Assert.False(all[0].IsCurrent);
        Assert.Equal(RiskLevel.High, all[0].Level);
        Assert.True(all[1].IsCurrent);
        Assert.Equal(RiskLevel.Low, (await db.CaseParticipants.SingleAsync(p => p.Id == w.VictimId)).RiskLevel);
        Assert.Equal(RiskLevel.Low, (await db.Cases.SingleAsync(c => c.Id == w.CaseId)).RiskLevel);
    }

    [Fact]
    public async Task TwoUsersSavingTheSameDraftTheSecondGetsAConflictAndTheFirstIsKept()
    {
        var w = await ArrangeAsync(app, "CONFL");
        var draft = await SaveAsync(app, Victim(w, VictimAnswers(), complete: false), w.Officer);
        var opened = Victim(w, VictimAnswers(), complete: false) with { AssessmentId = draft.AssessmentId, ExpectedVersion = draft.Version };

        var first = await SaveAsync(app, opened with { Answers = VictimAnswers(new AnswerCommand("frequency", "daily", null)) }, w.Officer);
        var second = await SaveAsync(app, opened with { Answers = VictimAnswers(new AnswerCommand("frequency", "weekly", null)) }, w.OtherOfficer);

        Assert.Equal(CommandOutcome.Saved, first.Outcome);
        Assert.Equal(CommandOutcome.Conflict, second.Outcome);
        Assert.Contains(w.Officer.UserName, second.Message);
        await using var db = app.CreateDbContext();
        var stored = await db.AssessmentAnswers.SingleAsync(a => a.AssessmentId == draft.AssessmentId && a.QuestionKey == "frequency");
        Assert.Equal("daily", stored.Value);
    }

    [Fact]
    public async Task TwoUsersStartingAnAssessmentOfTheSamePersonTheSecondGetsAConflict()
    {
        var w = await ArrangeAsync(app, "CONFN");

        var first = await SaveAsync(app, Victim(w, VictimAnswers(), complete: false), w.Officer);
        var second = await SaveAsync(app, Victim(w, HighVictimAnswers(), complete: false), w.OtherOfficer);

        Assert.Equal(CommandOutcome.Saved, first.Outcome);
        Assert.Equal(CommandOutcome.Conflict, second.Outcome);
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.Assessments.CountAsync(a => a.CaseParticipantId == w.VictimId));
    }

    [Fact]
    public async Task AUserOfAnotherAreaCannotSaveAnAssessmentOfTheCase()
    {
        var w = await ArrangeAsync(app, "AREAX");
        var elsewhere = await ArrangeAsync(app, "AREAY");

        var result = await SaveAsync(app, Victim(w, VictimAnswers()), elsewhere.Officer);

        Assert.Equal(CommandOutcome.NotFound, result.Outcome);
        await using var db = app.CreateDbContext();
        Assert.False(await db.Assessments.AnyAsync(a => a.CaseId == w.CaseId));
    }
}
