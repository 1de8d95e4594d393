using System.Net;
using System.Text.Json;
using AsbOps.Domain.Email;
using AsbOps.Web.Data;
using AsbOps.Web.Email;
using AsbOps.Web.Features.Admin.Audit;
using AsbOps.Web.Features.Admin.Outbox;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Admin;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AsbOps.Web.Tests.Email;

/// <summary>
/// Mail is never given up silently: back-off capped at 15 minutes for 7 days, then given up and kept; a message failing
/// for 30 minutes shows on /admin/outbox and makes /health/ready degraded; a failing or given-up message can be resent.
/// On a fake clock, against the in-process SMTP server (stopped while "down").
/// </summary>
public sealed class OutboxGivingUpTests
{
    // The clock starts at the real time (to the second) so that sign-in cookies are not expired for the HTTP client.
    private static FakeTimeProvider NewClock() => new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    private static ClockedAppFactory App(FakeTimeProvider clock, int port) => new(clock, settings: new Dictionary<string, string?>
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:From"] = "asbops@force.test",
        ["App:BaseUrl"] = "http://localhost",
    });

    [Fact]
    public async Task WhileTheServerIsDownRetriesAreAtMostFifteenMinutesApartForSevenDaysThenTheMessageIsGivenUpAndKept()
    {
        var smtp = new SmtpTestServer();
        await using var app = App(NewClock(), smtp.Port);
        var start = app.Clock.GetUtcNow().UtcDateTime;
        var id = await QueueAsync(app, "week:1");
        var dispatcher = app.Get<OutboxDispatcher>();

        var gaps = new List<TimeSpan>();
        var pendingAtSixDays23Hours = false;
        var gaveUp = 0;
        while (app.Clock.GetUtcNow().UtcDateTime < start.AddDays(8))
        {
            var result = await dispatcher.DispatchAsync();
            gaveUp += result.GaveUp;
            var row = await RowAsync(app, id);
            if (row.Status != OutboxStatus.Pending)
            {
                break;
            }

            var now = app.Clock.GetUtcNow().UtcDateTime;
            pendingAtSixDays23Hours |= now >= start.AddDays(7).AddHours(-1);
            gaps.Add(row.NextAttemptAt - now);
            app.Clock.Advance(row.NextAttemptAt - now);
        }

        var last = await RowAsync(app, id);
        Assert.Equal(TimeSpan.FromMinutes(15), gaps.Max());
        Assert.Equal([1, 2, 4, 8, 15, 15], gaps.Take(6).Select(g => g.TotalMinutes));
        Assert.True(pendingAtSixDays23Hours, "The message stopped being retried before 7 days.");
        Assert.Equal(1, gaveUp);
        Assert.Equal(OutboxStatus.GivenUp, last.Status);
        Assert.Equal(start.AddDays(7), last.GiveUpAt);
        Assert.NotNull(last.LastError);
        Assert.Equal(start, last.FailingSince);
        Assert.True(last.Attempts > 600, $"Only {last.Attempts} attempts in 7 days.");
        var givenUpPage = await app.Get<OutboxAdministration>().PageAsync(OutboxStatus.GivenUp, 0, 10);
        Assert.Equal(id, Assert.Single(givenUpPage.Items).Id);
        Assert.Equal(1, (await app.Get<OutboxAdministration>().TroubleAsync()).GivenUp);
    }

    [Fact]
    public async Task AMessageFailingForThirtyMinutesShowsOnTheOutboxPageAndMakesReadyDegradedUntilItIsSent()
    {
        var smtp = new SmtpTestServer();
        await using var app = App(NewClock(), smtp.Port);
        await app.AddUserAsync("outbox.watch@test.local", Roles.Admin);
        var id = await QueueAsync(app, "watch:1");
        var dispatcher = app.Get<OutboxDispatcher>();
        using var anonymous = app.CreateClient();

        await DispatchForAsync(app, dispatcher, TimeSpan.FromMinutes(29));
        var (before, beforeBody) = await ReadyAsync(anonymous);
        await DispatchForAsync(app, dispatcher, TimeSpan.FromMinutes(1));
        var (during, duringBody) = await ReadyAsync(anonymous);
        using var admin = await app.CreateSignedInClientAsync("outbox.watch@test.local");
        var page = await admin.GetStringAsync("/admin/outbox");

        await smtp.StartAsync();
        try
        {
            app.Clock.Advance(TimeSpan.FromMinutes(15));
            var delivered = await dispatcher.DispatchAsync();
            var (after, _) = await ReadyAsync(anonymous);

            Assert.Equal((HttpStatusCode.OK, "Healthy"), before);
            Assert.Equal("Healthy", beforeBody.GetProperty("checks").GetProperty("outbox").GetProperty("status").GetString());
            Assert.Equal((HttpStatusCode.OK, "Degraded"), during);
            var outbox = duringBody.GetProperty("checks").GetProperty("outbox");
            Assert.Equal("Degraded", outbox.GetProperty("status").GetString());
            Assert.Contains("1 email(s) failing for 30 minutes or more", outbox.GetProperty("detail").GetString());
            Assert.Equal("Healthy", duringBody.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
            Assert.DoesNotContain("someone@test.local", duringBody.GetRawText());
            Assert.Contains("data-testid=\"outbox-failing\"", page);
            Assert.Matches("data-testid=\"outbox-failing-count\"[^>]*>1<", page);
            Assert.Contains("been failing for 30 minutes or more", page);
            Assert.Equal(1, delivered.Sent);
            Assert.Equal((HttpStatusCode.OK, "Healthy"), after);
            Assert.Null((await RowAsync(app, id)).FailingSince);
        }
        finally
        {
            await smtp.DisposeAsync();
        }
    }

    [Fact]
    public async Task AFailingMessageCanBeResentAtOnceAndTheResendIsAudited()
    {
        var smtp = new SmtpTestServer();
        await using var app = App(NewClock(), smtp.Port);
        var admin = await AdminWorld.AdminAsync(app, "outbox.resend@test.local");
        var failing = await QueueAsync(app, "resend:1");
        var neverTried = await QueueAsync(app, "resend:2");
        var dispatcher = app.Get<OutboxDispatcher>();
        // The first send fails and the dispatcher stops there for this run, so the second message is never tried.
        await dispatcher.DispatchAsync();
        app.Clock.Advance(TimeSpan.FromSeconds(20));
        var outbox = app.Get<OutboxAdministration>();

        var failingPage = await outbox.PageAsync(null, 0, 10, failingOnly: true);
        var resent = await outbox.ResendAsync(admin, failing);
        var refused = await outbox.ResendAsync(admin, neverTried);
        var queued = await RowAsync(app, failing);
        await smtp.StartAsync();
        try
        {
            var delivered = await dispatcher.DispatchAsync();

            var row = Assert.Single(failingPage.Items);
            Assert.Equal(failing, row.Id);
            Assert.True(row.CanResend);
            Assert.True(resent.Succeeded);
            Assert.Equal(CommandOutcome.Refused, refused.Outcome);
            Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, queued.NextAttemptAt);
            Assert.Null(queued.FailingSince);
            Assert.Equal(2, delivered.Sent);
            Assert.Equal(2, smtp.Received.Count);
            var audit = await app.Get<AuditQueries>().PageAsync(new AuditFilter(EntityType: nameof(OutboxMessage), EntityId: failing.ToString()), 0, 10);
            var entry = Assert.Single(audit.Items);
            Assert.Equal(admin.UserId, entry.UserId);
            Assert.Equal(new AuditChanges.Change("Status", "Pending (failing)", "Pending (resent by an administrator)"), Assert.Single(AuditChanges.Read(entry.Changes)));
        }
        finally
        {
            await smtp.DisposeAsync();
        }
    }

    /// <summary>Runs the dispatcher at each due time for <paramref name="span"/> of fake time, as the job would.</summary>
    private static async Task DispatchForAsync(ClockedAppFactory app, OutboxDispatcher dispatcher, TimeSpan span)
    {
        var end = app.Clock.GetUtcNow() + span;
        while (app.Clock.GetUtcNow() < end)
        {
            await dispatcher.DispatchAsync();
            app.Clock.Advance(TimeSpan.FromSeconds(15));
        }
    }

    private static async Task<((HttpStatusCode, string?), JsonElement)> ReadyAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/health/ready");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return ((response.StatusCode, body.GetProperty("status").GetString()), body);
    }

    private static async Task<long> QueueAsync(ClockedAppFactory app, string key)
    {
        await using var db = app.CreateDbContext();
        var message = app.Get<EmailOutbox>().Enqueue(db, new OutgoingEmail(key, "someone@test.local", "ASB-2026-000778: test", "text", "<p>html</p>"));
        await db.SaveChangesAsync();
        return message.Id;
    }

    private static async Task<OutboxMessage> RowAsync(ClockedAppFactory app, long id)
    {
        await using var db = app.CreateDbContext();
        return await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id);
    }
}
