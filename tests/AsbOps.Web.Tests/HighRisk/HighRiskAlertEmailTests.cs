using AsbOps.Domain.Cases;
using AsbOps.Domain.Risk;
using AsbOps.Web.Features.HighRisk;
using AsbOps.Web.Features.Reminders;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Compliance;
using AsbOps.Web.Tests.Infrastructure;
using AsbOps.Web.Tests.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AsbOps.Web.Tests.HighRisk;

public sealed class HighRiskAlertEmailTests
{
    [Fact]
    public async Task TheHighRiskAlertIsQueuedOnceForTheSergeantAndInspectorWithTheCaseSubjectsAndLink()
    {
        await using var app = new ClockedAppFactory(new FakeTimeProvider(ReminderWorld.Start));
        var since = ReminderWorld.Start.UtcDateTime;
        (string, string)[] recipients = [("sgt-1", "sergeant@area.test"), ("insp-1", "inspector@area.test")];
        string[] subjects = ["Jo Bloggs (victim)", "1 High Street, LE1 1AA (location)"];
        var alerts = app.Get<HighRiskAlertEmails>();

        await using (var db = app.CreateDbContext())
        {
            var queued = alerts.Queue(db, 42, "ASB-2026-000042", "CITY", subjects, since, recipients);
            var sameTransaction = alerts.Queue(db, 42, "ASB-2026-000042", "CITY", subjects, since, recipients);
            await db.SaveChangesAsync();
            Assert.Equal(2, queued.Count);
            Assert.Empty(sameTransaction);
        }

        await using (var db = app.CreateDbContext())
        {
            Assert.Empty(alerts.Queue(db, 42, "ASB-2026-000042", "CITY", subjects, since, recipients));
            Assert.Single(alerts.Queue(db, 42, "ASB-2026-000042", "CITY", subjects, since.AddDays(3), recipients.Take(1).ToList()));
            await db.SaveChangesAsync();
        }

        await using var check = app.CreateDbContext();
        var emails = await check.Outbox.Where(m => m.DedupKey.StartsWith("highrisk:42:")).OrderBy(m => m.Id).ToListAsync();
        Assert.Equal(["sergeant@area.test", "inspector@area.test", "sergeant@area.test"], emails.Select(e => e.To));
        Assert.Equal($"highrisk:42:{since:O}:sgt-1", emails[0].DedupKey);
        Assert.All(emails, e => Assert.Contains("ASB-2026-000042", e.Subject));
        Assert.Contains("Jo Bloggs (victim)", emails[0].TextBody);
        Assert.Contains("1 High Street, LE1 1AA (location)", emails[1].HtmlBody);
        Assert.Contains("/cases/ASB-2026-000042", emails[0].TextBody);
    }
}
