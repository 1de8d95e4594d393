using AsbOps.Domain.Markers;
using AsbOps.Domain.Risk;
using AsbOps.Web.Data;
using AsbOps.Web.Features.Assessments;
using AsbOps.Web.Tests.Assessments;
using Microsoft.EntityFrameworkCore;
using static AsbOps.Web.Tests.Assessments.AssessmentFixture;

namespace AsbOps.Web.Tests.Postgres;

/// <summary>Saving assessments on PostgreSQL: the high-risk procedure in one transaction, and a stale draft refused.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresAssessmentTests(PostgresAppFactory app) : IClassFixture<PostgresAppFactory>
{
    [Fact]
    public async Task ACompleteHighVictimAssessmentMakesTheCaseHighWithMarkersAlertsAndQueuedEmails()
    {
        var w = await ArrangeAsync(app, "PGHIGH");

        var result = await SaveAsync(app, Victim(w, HighVictimAnswers()), w.Officer);

        Assert.Equal((CommandOutcome.Saved, RiskLevel.High), (result.Outcome, result.Level));
        await using var db = app.CreateDbContext();
        Assert.Equal(RiskLevel.High, (await db.Cases.SingleAsync(c => c.Id == w.CaseId)).RiskLevel);
        Assert.Equal(RiskLevel.High, (await db.CaseParticipants.SingleAsync(p => p.Id == w.VictimId)).RiskLevel);
        var markers = await db.Markers.Where(m => m.CaseId == w.CaseId && m.EndedAt == null).ToListAsync();
        Assert.Contains(markers, m => m.SubjectType == MarkerSubjectType.Person && m.PersonId == w.PersonId);
        Assert.Contains(markers, m => m.SubjectType == MarkerSubjectType.Location);
        Assert.Equal(2, await db.Alerts.CountAsync(a => a.CaseId == w.CaseId));
        Assert.Equal(2, await db.Outbox.CountAsync(m => m.CaseId == w.CaseId));
    }

    [Fact]
    public async Task TwoUsersSavingTheSameDraftTheSecondGetsAConflictAndTheFirstIsKept()
    {
        var w = await ArrangeAsync(app, "PGCONFL");
        var draft = await SaveAsync(app, Victim(w, VictimAnswers(), complete: false), w.Officer);
        var opened = Victim(w, VictimAnswers(), complete: false) with { AssessmentId = draft.AssessmentId, ExpectedVersion = draft.Version };

        var first = await SaveAsync(app, opened with { Answers = VictimAnswers(new AnswerCommand("frequency", "daily", null)) }, w.Officer);
        var second = await SaveAsync(app, opened with { Answers = VictimAnswers(new AnswerCommand("frequency", "weekly", null)) }, w.OtherOfficer);

        Assert.Equal((CommandOutcome.Saved, CommandOutcome.Conflict), (first.Outcome, second.Outcome));
        await using var db = app.CreateDbContext();
        var stored = await db.AssessmentAnswers.SingleAsync(a => a.AssessmentId == draft.AssessmentId && a.QuestionKey == "frequency");
        Assert.Equal("daily", stored.Value);
    }
}
