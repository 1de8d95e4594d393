using AsbOps.Domain.Email;
using AsbOps.Web.Email;
using AsbOps.Web.Tests.Infrastructure;
using AsbOps.Web.Tests.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AsbOps.Web.Tests.Email;

/// <summary>The outbox against a real SMTP server in the test process: delivered, waiting while it is down, given up, retried.</summary>
public sealed class SmtpDeliveryTests
{
    private static ClockedAppFactory App(int port) => new(new FakeTimeProvider(ReminderWorld.Start), settings: new Dictionary<string, string?>
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:From"] = "asbops@force.test",
        ["Email:BaseUrl"] = "https://asbops.force.test",
    });

    [Fact]
    public async Task TheSmtpServerReceivesTheReminderWithItsRecipientCaseReferenceAndLink()
    {
        await using var smtp = new SmtpTestServer();
        await smtp.StartAsync();
        await using var app = App(smtp.Port);
        await ReminderWorld.SeedAsync(app);

        await ReminderWorld.RunHoursAsync(app, 4 * 24 + 1);

        var message = Assert.Single(smtp.Received);
        Assert.Equal(ReminderWorld.LeadEmail, Assert.Single(message.To.Mailboxes).Address);
        Assert.Contains(ReminderWorld.CaseRef, message.Subject);
        Assert.Contains($"https://asbops.force.test/cases/{ReminderWorld.CaseRef}", message.TextBody);
        Assert.Contains($"href=\"https://asbops.force.test/cases/{ReminderWorld.CaseRef}\"", message.HtmlBody);
    }

    [Fact]
    public async Task WhileTheServerIsDownMessagesWaitWithBackOffAndGoOutWhenItIsBack()
    {
        var smtp = new SmtpTestServer();
        await using var app = App(smtp.Port);
        var id = await QueueAsync(app, "down:1");
        var dispatcher = app.Get<OutboxDispatcher>();

        var first = await dispatcher.DispatchAsync();
        var afterFirst = await RowAsync(app, id);
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        await dispatcher.DispatchAsync();
        var stillWaiting = await RowAsync(app, id);
        app.Clock.Advance(TimeSpan.FromSeconds(31));
        await dispatcher.DispatchAsync();
        var afterSecond = await RowAsync(app, id);

        Assert.Equal(1, first.Retrying);
        Assert.Equal((OutboxStatus.Pending, 1), (afterFirst.Status, afterFirst.Attempts));
        Assert.Equal(ReminderWorld.Start.UtcDateTime.AddMinutes(1), afterFirst.NextAttemptAt);
        Assert.Equal(1, stillWaiting.Attempts);
        Assert.Equal((OutboxStatus.Pending, 2), (afterSecond.Status, afterSecond.Attempts));
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime.AddMinutes(2), afterSecond.NextAttemptAt);
        Assert.NotNull(afterSecond.LastError);

        await smtp.StartAsync();
        try
        {
            app.Clock.Advance(TimeSpan.FromMinutes(2));
            var delivered = await dispatcher.DispatchAsync();

            Assert.Equal(1, delivered.Sent);
            Assert.Equal(OutboxStatus.Sent, (await RowAsync(app, id)).Status);
            Assert.Equal("someone@test.local", Assert.Single(smtp.Received).To.Mailboxes.Single().Address);
        }
        finally
        {
            await smtp.DisposeAsync();
        }
    }

    [Fact]
    public async Task AfterTheGiveUpTimeAMessageIsGivenUpAndAnAdministratorsRetrySendsIt()
    {
        await using var smtp = new SmtpTestServer();
        await using var app = App(smtp.Port);
        var id = await QueueAsync(app, "giveup:1");
        var dispatcher = app.Get<OutboxDispatcher>();
        await dispatcher.DispatchAsync();

        app.Clock.Advance(TimeSpan.FromDays(7).Add(TimeSpan.FromMinutes(1)));
        var gaveUp = await dispatcher.DispatchAsync();
        var failed = await RowAsync(app, id);
        var retried = await dispatcher.RetryAsync(id);
        var pending = await RowAsync(app, id);
        await smtp.StartAsync();
        var sent = await dispatcher.DispatchAsync();

        Assert.Equal(1, gaveUp.GaveUp);
        Assert.Equal(OutboxStatus.GivenUp, failed.Status);
        Assert.Equal(OutboxStatus.GivenUp, retried);
        Assert.Equal(OutboxStatus.Pending, pending.Status);
        Assert.Equal(1, sent.Sent);
        Assert.Single(smtp.Received);
    }

    private static async Task<long> QueueAsync(ClockedAppFactory app, string key)
    {
        await using var db = app.CreateDbContext();
        var message = app.Get<EmailOutbox>().Enqueue(db, new OutgoingEmail(key, "someone@test.local", "ASB-2026-000777: test", "text", "<p>html</p>"));
        await db.SaveChangesAsync();
        return message.Id;
    }

    private static async Task<OutboxMessage> RowAsync(ClockedAppFactory app, long id)
    {
        await using var db = app.CreateDbContext();
        return await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id);
    }
}
