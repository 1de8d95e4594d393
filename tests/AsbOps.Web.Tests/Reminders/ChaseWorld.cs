using System.Globalization;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Compliance;
using AsbOps.Domain.Email;
using AsbOps.Domain.Risk;
using AsbOps.Web.Email;
using AsbOps.Web.Features.Compliance;
using AsbOps.Web.Features.Reminders;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AsbOps.Web.Tests.Reminders;

/// <summary>
/// One case whose victim waits for an assessment, in an area with a sergeant and an inspector, and the hourly clock
/// that drives the sweep, the chase and the outbox (to the in-process SMTP server).
/// </summary>
public static class ChaseWorld
{
    /// <summary>The case opens at Start; rule 1's 24-hour grace runs out at Start + 1 day, when the sweep first sees it.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    public const string CaseRef = "ASB-2026-000701";
    public const string LeadEmail = "lead.chase@test.local";
    public const string OtherLeadEmail = "other.lead@test.local";
    public const string SergeantEmail = "sergeant.chase@test.local";
    public const string InspectorEmail = "inspector.chase@test.local";

    public static ClockedAppFactory App(FakeTimeProvider clock, int smtpPort, string? database = null) => new(clock, database, new Dictionary<string, string?>
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
        ["Smtp:From"] = "asbops@force.test",
    });

    /// <summary>Seeds the area, its staff and the case; returns the victim's participant id.</summary>
    public static async Task<long> SeedAsync(ClockedAppFactory app)
    {
        var area = await app.AddAreaAsync("CHSA");
        var lead = await app.AddUserAsync(LeadEmail, Roles.Officer, area.Id, displayName: "PC Lead");
        await app.AddUserAsync(OtherLeadEmail, Roles.Officer, area.Id, displayName: "PC Other");
        var sergeant = await app.AddUserAsync(SergeantEmail, Roles.Sergeant, area.Id, displayName: "Sgt Chase");
        var inspector = await app.AddUserAsync(InspectorEmail, Roles.Inspector, area.Id, displayName: "Insp Chase");
        await using var db = app.CreateDbContext();
        await db.Areas.Where(a => a.Id == area.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.SergeantUserId, sergeant.Id).SetProperty(a => a.InspectorUserId, inspector.Id));
        var b = new CaseBuilder(db, app.Clock.GetUtcNow().UtcDateTime);
        var c = b.Case(area.Id, CaseRef, openedHoursAgo: 0, leadOfficerId: lead.Id);
        var victim = b.Person(c, PersonRole.Victim);
        await db.SaveChangesAsync();
        return victim.Id;
    }

    /// <summary>
    /// Advances the clock an hour at a time: each hour the sweep (on the first app only: one instance holds the job
    /// lease), the chase on every app at once, then the outbox.
    /// </summary>
    public static async Task RunHoursAsync(int hours, params ClockedAppFactory[] apps)
    {
        var clock = apps[0].Clock;
        for (var hour = 0; hour < hours; hour++)
        {
            clock.Advance(TimeSpan.FromHours(1));
            await apps[0].Get<ComplianceSweepService>().SweepAsync();
            await Task.WhenAll(apps.Select(a => a.Get<MissingAssessmentChaseService>().RunAsync()));
            await apps[0].Get<OutboxDispatcher>().DispatchAsync();
        }
    }

    public static async Task AssessVictimAsync(ClockedAppFactory app, long victimId)
    {
        await using var db = app.CreateDbContext();
        var guidance = await db.GuidanceVersions.Select(v => v.Id).FirstAsync();
        var participant = await db.CaseParticipants.SingleAsync(p => p.Id == victimId);
        var b = new CaseBuilder(db, guidance, app.Clock.GetUtcNow().UtcDateTime);
        b.Assess(participant.CaseId, participant, RiskLevel.Low, createdDaysAgo: 0);
        await db.SaveChangesAsync();
    }

    /// <summary>Each chase step sent, to whom, and the day after the finding was first seen it went out.</summary>
    public static async Task<List<(ChaseStep Step, string To, double Day)>> SentAsync(ClockedAppFactory app)
    {
        await using var db = app.CreateDbContext();
        var sent = await (
                from c in db.FindingChases
                join l in db.FindingLives on c.FindingLifeId equals l.Id
                join m in db.Outbox on c.OutboxMessageId equals m.Id
                where m.Status == OutboxStatus.Sent
                orderby m.SentAt
                select new { c.Step, m.To, m.SentAt, l.FirstSeenAt })
            .ToListAsync();
        return sent.Select(s => (s.Step, s.To, (s.SentAt!.Value - s.FirstSeenAt).TotalDays)).ToList();
    }

    public static async Task<int> ChaseEmailsAsync(ClockedAppFactory app)
    {
        await using var db = app.CreateDbContext();
        return await db.Outbox.CountAsync(m => m.DedupKey.StartsWith("chase:"));
    }

    public static List<(string To, string Subject)> Received(SmtpTestServer smtp) =>
        smtp.Received.Select(m => (m.To.Mailboxes.Single().Address, m.Subject ?? "")).ToList();
}
