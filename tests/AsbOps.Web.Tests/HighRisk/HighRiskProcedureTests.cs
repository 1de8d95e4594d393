using AsbOps.Domain.Cases;
using AsbOps.Domain.Email;
using AsbOps.Domain.Incidents;
using AsbOps.Domain.Markers;
using AsbOps.Domain.Risk;
using AsbOps.Web.Features.HighRisk;
using AsbOps.Web.Live;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.HighRisk;

public sealed class HighRiskProcedureTests(AsbOpsAppFactory app) : IClassFixture<AsbOpsAppFactory>
{
    private static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);

    private sealed record Fixture(long CaseId, long VictimParticipantId, long PersonId, string SergeantId, string InspectorId);

    private async Task<Fixture> ArrangeAsync(string areaCode)
    {
        var area = await app.AddAreaAsync(areaCode);
        var sergeant = await app.AddUserAsync($"sgt.{areaCode.ToLowerInvariant()}@test.local", Roles.Sergeant, area.Id);
        var inspector = await app.AddUserAsync($"insp.{areaCode.ToLowerInvariant()}@test.local", Roles.Inspector, area.Id);
        await using var db = app.CreateDbContext();
        var stored = await db.Areas.SingleAsync(a => a.Id == area.Id);
        stored.SergeantUserId = sergeant.Id;
        stored.InspectorUserId = inspector.Id;
        var b = new CaseBuilder(db, Now);
        var @case = b.Case(area.Id, openedHoursAgo: 48, nextReviewInDays: null, address: "9 Hill St", postcode: "LE11 2BB", summary: "Targeted abuse");
        var victim = b.Person(@case, PersonRole.Victim, firstName: "Ada", lastName: "Victim", address: "9 Hill St", postcode: "LE11 2BB");
        await db.SaveChangesAsync();
        return new Fixture(@case.Id, victim.Id, victim.PersonId, sergeant.Id, inspector.Id);
    }

    private async Task<long> AssessAsync(Fixture f, RiskLevel level)
    {
        await using var db = app.CreateDbContext();
        var version = await db.GuidanceVersions.OrderByDescending(g => g.Number).FirstAsync();
        await db.Assessments.Where(a => a.CaseParticipantId == f.VictimParticipantId && a.IsCurrent)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.IsCurrent, false));
        var assessment = new CaseBuilder(db, version.Id, Now).Assess(f.CaseId, null, level, createdDaysAgo: 0, kind: AssessmentKind.Victim, createdBy: "officer");
        assessment.CaseParticipantId = f.VictimParticipantId;
        await db.SaveChangesAsync();
        return assessment.Id;
    }

    private async Task<CaseRiskOutcome> ApplyAsync(Fixture f, DateTime at)
    {
        var procedure = app.Services.GetRequiredService<HighRiskProcedure>();
        await using var db = app.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var outcome = await procedure.ApplyAsync(db, f.CaseId, at);
        await transaction.CommitAsync();
        return outcome;
    }

    [Fact]
    public async Task ACaseBecomingHighAlertsTheSergeantAndInspectorAndMarksThePersonAndLocation()
    {
        var f = await ArrangeAsync("HIGHA");
        await AssessAsync(f, RiskLevel.High);

        var outcome = await ApplyAsync(f, Now);

        Assert.True(outcome.BecameHigh);
        Assert.Contains(outcome.Changes, c => c.Kind == OpsChangeKind.HighRiskRaised && c.AreaCode == "HIGHA");
        await using var db = app.CreateDbContext();
        var @case = await db.Cases.SingleAsync(c => c.Id == f.CaseId);
        Assert.Equal(RiskLevel.High, @case.RiskLevel);
        Assert.Equal(Now, @case.HighRiskSince);
        Assert.Equal(Now.AddDays(-2).AddDays(14), @case.NextReviewDue);
        Assert.Equal(RiskLevel.High, (await db.CaseParticipants.SingleAsync(p => p.Id == f.VictimParticipantId)).RiskLevel);
        var alerted = await db.Alerts.Where(a => a.CaseId == f.CaseId).Select(a => a.UserId).OrderBy(u => u).ToListAsync();
        Assert.Equal(new[] { f.SergeantId, f.InspectorId }.Order(), alerted);
        var emails = await db.Outbox.Where(m => m.CaseId == f.CaseId).ToListAsync();
        Assert.Equal(2, emails.Count);
        Assert.All(emails, m => Assert.Contains(@case.Reference, m.Subject));
        Assert.All(emails, m => Assert.Equal(OutboxStatus.Pending, m.Status));
        var markers = await db.Markers.Where(m => m.CaseId == f.CaseId && m.EndedAt == null).ToListAsync();
        Assert.Contains(markers, m => m.SubjectType == MarkerSubjectType.Person && m.PersonId == f.PersonId && m.Subject == "Ada Victim");
        Assert.Contains(markers, m => m.SubjectType == MarkerSubjectType.Location && m.Postcode == "LE11 2BB");
    }

    [Fact]
    public async Task ApplyingAgainWhileStillHighDoesNotAlertOrMarkTwice()
    {
        var f = await ArrangeAsync("HIGHB");
        await AssessAsync(f, RiskLevel.High);
        await ApplyAsync(f, Now);

        var again = await ApplyAsync(f, Now.AddHours(1));

        Assert.False(again.BecameHigh);
        await using var db = app.CreateDbContext();
        Assert.Equal(2, await db.Alerts.CountAsync(a => a.CaseId == f.CaseId));
        Assert.Equal(2, await db.Outbox.CountAsync(m => m.CaseId == f.CaseId));
        Assert.Equal(2, await db.Markers.CountAsync(m => m.CaseId == f.CaseId));
    }

    [Fact]
    public async Task WhenTheRiskFallsTheMarkersAreEndedNotDeleted()
    {
        var f = await ArrangeAsync("HIGHC");
        await AssessAsync(f, RiskLevel.High);
        await ApplyAsync(f, Now);
        await AssessAsync(f, RiskLevel.Medium);

        var outcome = await ApplyAsync(f, Now.AddDays(1));

        Assert.Equal(RiskLevel.Medium, outcome.After);
        await using var db = app.CreateDbContext();
        var markers = await db.Markers.Where(m => m.CaseId == f.CaseId).ToListAsync();
        Assert.Equal(2, markers.Count);
        Assert.All(markers, m => Assert.Equal(Now.AddDays(1), m.EndedAt));
        Assert.All(markers, m => Assert.Equal("Risk fell below high", m.EndReason));
        Assert.Null((await db.Cases.SingleAsync(c => c.Id == f.CaseId)).HighRiskSince);
    }

    [Fact]
    public async Task ClosingAHighRiskCaseEndsItsMarkers()
    {
        var f = await ArrangeAsync("HIGHD");
        await AssessAsync(f, RiskLevel.High);
        await ApplyAsync(f, Now);
        await using (var db = app.CreateDbContext())
        {
            (await db.Cases.SingleAsync(c => c.Id == f.CaseId)).Close(ClosureReason.Resolved, Now.AddDays(3));
            await db.SaveChangesAsync();
        }

        await ApplyAsync(f, Now.AddDays(3));

        await using var check = app.CreateDbContext();
        Assert.All(await check.Markers.Where(m => m.CaseId == f.CaseId).ToListAsync(), m => Assert.Equal("Case closed", m.EndReason));
    }
}
