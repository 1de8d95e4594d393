using AsbOps.Domain.Cases;
using AsbOps.Domain.Risk;
using AsbOps.Web.Features.HighRisk;
using AsbOps.Web.Features.Reminders;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Compliance;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AsbOps.Web.Tests.Reminders;

public sealed class ReviewDueEmailTests
{
    [Fact]
    public async Task AReviewFallingDueEmailsTheAreaSergeantOncePerDueDate()
    {
        await using var app = new ClockedAppFactory(new FakeTimeProvider(ReminderWorld.Start));
        var area = await app.AddAreaAsync("REVA");
        var sergeant = await app.AddUserAsync("sergeant@reva.test", Roles.Sergeant, area.Id);
        await using (var db = app.CreateDbContext())
        {
            db.Areas.Single(a => a.Id == area.Id).SergeantUserId = sergeant.Id;
            var guidance = await db.GuidanceVersions.Select(v => v.Id).FirstAsync();
            var b = new CaseBuilder(db, guidance, app.Clock.GetUtcNow().UtcDateTime);
            b.Case(area.Id, "ASB-2026-000601", level: RiskLevel.High, nextReviewInDays: -0.1);
            b.Case(area.Id, "ASB-2026-000602", level: RiskLevel.Low, nextReviewInDays: 2);
            b.Case(area.Id, "ASB-2026-000603", level: RiskLevel.Low, nextReviewInDays: -30);
            await db.SaveChangesAsync();
        }

        var reminders = app.Get<ReviewDueReminderService>();
        var first = await reminders.RunAsync();
        var again = await reminders.RunAsync();
        app.Clock.Advance(TimeSpan.FromDays(2.1));
        var later = await reminders.RunAsync();

        await using var check = app.CreateDbContext();
        var emails = await check.Outbox.Where(m => m.DedupKey.StartsWith("review:")).OrderBy(m => m.Id).ToListAsync();
        var due = ReminderWorld.Start.UtcDateTime.AddDays(-0.1);
        Assert.Equal((1, 0), (first.Queued, again.Queued));
        Assert.Equal(1, again.AlreadySent);
        Assert.Equal(1, later.Queued);
        Assert.Equal(2, emails.Count);
        var email = emails[0];
        var caseId = await check.Cases.Where(c => c.Reference == "ASB-2026-000601").Select(c => c.Id).SingleAsync();
        Assert.Equal($"review:{caseId}:{due:yyyyMMdd}", email.DedupKey);
        Assert.Equal("sergeant@reva.test", email.To);
        Assert.Contains("ASB-2026-000601", email.Subject);
        Assert.Contains("/cases/ASB-2026-000601", email.TextBody);
        Assert.Contains("ASB-2026-000602", emails[1].Subject);
    }
}
