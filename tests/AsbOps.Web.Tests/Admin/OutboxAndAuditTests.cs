using AsbOps.Domain.Email;
using AsbOps.Domain.Referrals;
using AsbOps.Web.Data;
using AsbOps.Web.Features.Admin.Agencies;
using AsbOps.Web.Features.Admin.Areas;
using AsbOps.Web.Features.Admin.Audit;
using AsbOps.Web.Features.Admin.Outbox;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.Admin;

/// <summary>The outbox view and resend, the audit view's filters, and the agency counts.</summary>
public sealed class OutboxAndAuditTests(AsbOpsAppFactory app) : IClassFixture<AsbOpsAppFactory>
{
    private T Get<T>() where T : notnull => app.Services.GetRequiredService<T>();

    private async Task<long> QueueAsync(string to, OutboxStatus status, string? error = null)
    {
        await using var db = app.CreateDbContext();
        var message = new OutboxMessage
        {
            DedupKey = "test:" + Guid.NewGuid().ToString("N"),
            To = to,
            Subject = "Subject for " + to,
            TextBody = "x",
            HtmlBody = "<p>x</p>",
            Status = status,
            Attempts = status == OutboxStatus.GivenUp ? 7 : 0,
            LastError = error,
            CreatedAt = DateTime.UtcNow,
            NextAttemptAt = DateTime.UtcNow,
            GiveUpAt = DateTime.UtcNow.AddHours(1),
        };
        db.Outbox.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    [Fact]
    public async Task AFailedMessageIsListedWithItsErrorAndResendingQueuesItAgainAndIsAudited()
    {
        var admin = await AdminWorld.AdminAsync(app, "outbox.admin@test.local");
        var failed = await QueueAsync("failed.one@test.local", OutboxStatus.GivenUp, "550 mailbox unavailable");
        var sent = await QueueAsync("sent.one@test.local", OutboxStatus.Sent);
        var outbox = Get<OutboxAdministration>();

        var failedPage = await outbox.PageAsync(OutboxStatus.GivenUp, 0, 100);
        var resent = await outbox.ResendAsync(admin, failed);
        var notFailed = await outbox.ResendAsync(admin, sent);

        var row = Assert.Single(failedPage.Items, m => m.Id == failed);
        Assert.Equal((7, "550 mailbox unavailable"), (row.Attempts, row.LastError));
        Assert.DoesNotContain(failedPage.Items, m => m.Id == sent);
        Assert.True(resent.Succeeded);
        Assert.Equal(CommandOutcome.Refused, notFailed.Outcome);
        Assert.Contains((await outbox.PageAsync(OutboxStatus.Pending, 0, 100)).Items, m => m.Id == failed);
        var audit = await Get<AuditQueries>().PageAsync(new AuditFilter(EntityType: nameof(OutboxMessage), EntityId: failed.ToString()), 0, 10);
        var entry = Assert.Single(audit.Items);
        Assert.Equal(admin.UserId, entry.UserId);
        Assert.Equal(new AuditChanges.Change("Status", "Given up", "Pending (resent by an administrator)"), Assert.Single(AuditChanges.Read(entry.Changes)));
    }

    [Fact]
    public async Task TheAuditViewFiltersByUserAndByRecordAndPagesNewestFirst()
    {
        var one = await AdminWorld.AdminAsync(app, "audit.one@test.local");
        var two = await AdminWorld.AdminAsync(app, "audit.two@test.local");
        var areas = Get<AreaAdministration>();
        Assert.True((await areas.AddAsync(one, new AreaInput { Code = "AUDITA", Name = "Audit A" })).Succeeded);
        Assert.True((await areas.AddAsync(one, new AreaInput { Code = "AUDITB", Name = "Audit B" })).Succeeded);
        Assert.True((await areas.AddAsync(two, new AreaInput { Code = "AUDITC", Name = "Audit C" })).Succeeded);
        var c = (await areas.ListAsync()).Single(a => a.Code == "AUDITC");
        Assert.True((await areas.RenameAsync(two, new AreaInput { Id = c.Id, Code = "AUDITC", Name = "Audit C2", Version = c.Version })).Succeeded);
        var queries = Get<AuditQueries>();

        var byEmail = await queries.PageAsync(new AuditFilter(User: "AUDIT.ONE@test.local", EntityType: "Area"), 0, 10);
        var byRecord = await queries.PageAsync(new AuditFilter(EntityType: "Area", EntityId: c.Id.ToString()), 0, 1);
        var second = await queries.PageAsync(new AuditFilter(EntityType: "Area", EntityId: c.Id.ToString()), 1, 1);

        Assert.Equal(2, byEmail.TotalCount);
        Assert.All(byEmail.Items, e => Assert.Equal(one.UserId, e.UserId));
        Assert.Equal(2, byRecord.TotalCount);
        Assert.Equal(AsbOps.Domain.Audit.AuditAction.Update, Assert.Single(byRecord.Items).Action);
        Assert.Contains(new AuditChanges.Change("Name", "Audit C", "Audit C2"), AuditChanges.Read(byRecord.Items[0].Changes));
        Assert.Equal(AsbOps.Domain.Audit.AuditAction.Create, Assert.Single(second.Items).Action);
        Assert.Contains("Area", await queries.EntityTypesAsync());
    }

    [Fact]
    public async Task EveryAgencyIsListedWithItsPartnerUsers()
    {
        await app.AddUserAsync("housing.one@test.local", Roles.Partner, agency: Agency.Housing);
        await app.AddUserAsync("housing.two@test.local", Roles.Partner, agency: Agency.Housing);

        var rows = await Get<AgencyQueries>().ListAsync();

        Assert.Equal(Enum.GetValues<Agency>(), rows.Select(r => r.Agency));
        Assert.True(rows.Single(r => r.Agency == Agency.Housing).PartnerUsers >= 2);
    }
}
