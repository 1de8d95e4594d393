using AsbOps.Domain.Cases;
using AsbOps.Domain.Email;
using AsbOps.Domain.Risk;
using AsbOps.Web.Email;
using AsbOps.Web.Features.Reminders;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Compliance;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Tests.Reminders;

/// <summary>One case whose victim assessment has an unknown answer, and the hourly clock that drives the jobs.</summary>
public static class ReminderWorld
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    public const string CaseRef = "ASB-2026-000501";
    public const string LeadEmail = "lead.officer@test.local";

    /// <summary>Seeds the case; returns the assessment's id. The assessment is created at the clock's now.</summary>
    public static async Task<long> SeedAsync(ClockedAppFactory app)
    {
        var area = await app.AddAreaAsync("REMA");
        var lead = await app.AddUserAsync(LeadEmail, Roles.Officer, area.Id, displayName: "PC Lead");
        await using var db = app.CreateDbContext();
        var guidance = await db.GuidanceVersions.Select(v => v.Id).FirstAsync();
        var b = new CaseBuilder(db, guidance, app.Clock.GetUtcNow().UtcDateTime);
        var c = b.Case(area.Id, CaseRef, openedHoursAgo: 1, level: RiskLevel.Medium, leadOfficerId: lead.Id);
        var assessment = b.Assess(c, b.Person(c, PersonRole.Victim, RiskLevel.Medium), RiskLevel.Medium, unknownCount: 1, createdDaysAgo: 0);
        b.Answer(assessment, "vulnerable", QuestionDefinition.Unknown, 2);
        await db.SaveChangesAsync();
        return assessment.Id;
    }

    /// <summary>Advances the clock an hour at a time, running the reminder job and the outbox dispatcher each hour.</summary>
    public static async Task RunHoursAsync(ClockedAppFactory app, int hours, bool race = false)
    {
        var reminders = app.Get<UnknownAnswerReminderService>();
        var dispatcher = app.Get<OutboxDispatcher>();
        for (var hour = 0; hour < hours; hour++)
        {
            app.Clock.Advance(TimeSpan.FromHours(1));
            if (race)
            {
                await Task.WhenAll(reminders.RunAsync(), reminders.RunAsync());
            }
            else
            {
                await reminders.RunAsync();
            }

            await dispatcher.DispatchAsync();
        }
    }

    public static async Task AnswerAsync(ClockedAppFactory app, long assessmentId)
    {
        await using var db = app.CreateDbContext();
        await db.AssessmentAnswers.Where(a => a.AssessmentId == assessmentId && a.Value == QuestionDefinition.Unknown)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Value, "no").SetProperty(a => a.Score, 0));
        await db.Assessments.Where(a => a.Id == assessmentId).ExecuteUpdateAsync(s => s.SetProperty(a => a.UnknownCount, 0));
    }

    /// <summary>Each reminder step sent, with the day (since the assessment) it was delivered on.</summary>
    public static async Task<List<(int Step, double Day)>> SentAsync(ClockedAppFactory app, long assessmentId)
    {
        await using var db = app.CreateDbContext();
        var created = await db.Assessments.Where(a => a.Id == assessmentId).Select(a => a.CreatedAt).SingleAsync();
        var sent = await (
                from r in db.Reminders
                where r.AssessmentId == assessmentId
                join m in db.Outbox on r.OutboxMessageId equals m.Id
                where m.Status == OutboxStatus.Sent
                orderby r.Step
                select new { r.Step, m.SentAt })
            .ToListAsync();
        return sent.Select(s => (s.Step, (s.SentAt!.Value - created).TotalDays)).ToList();
    }

    public static async Task<int> ReminderEmailsAsync(ClockedAppFactory app)
    {
        await using var db = app.CreateDbContext();
        return await db.Outbox.CountAsync(m => m.DedupKey.StartsWith("reminder:"));
    }
}
