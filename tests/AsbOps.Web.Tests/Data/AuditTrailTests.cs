using System.Text.Json;
using AsbOps.Domain.Audit;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Incidents;
using AsbOps.Web.Data.Auditing;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Tests.Data;

public sealed class AuditTrailTests(AsbOpsAppFactory app) : IClassFixture<AsbOpsAppFactory>
{
    private async Task<AsbCase> NewCaseAsync(string reference)
    {
        var area = await app.AddAreaAsync("AUDIT");
        await using var db = app.CreateDbContext();
        db.AuditActor = new AuditActor("user-1", "pc.jones@test.local");
        var @case = new CaseBuilder(db, DateTime.UtcNow).Case(area.Id, reference, openedHoursAgo: 0, nextReviewInDays: null, address: "1 Audit Row",
            postcode: "LE11 1AA", summary: "Loud music", category: AsbCategory.Nuisance);
        await db.SaveChangesAsync();
        return @case;
    }

    private async Task<List<AuditEntry>> EntriesAsync(long caseId)
    {
        await using var db = app.CreateDbContext();
        return await db.AuditEntries.Where(a => a.CaseId == caseId).OrderBy(a => a.Id).ToListAsync();
    }

    [Fact]
    public async Task CreatingACaseWritesACreateEntryNamingTheUser()
    {
        var @case = await NewCaseAsync("ASB-2026-900001");

        var entry = Assert.Single(await EntriesAsync(@case.Id));
        Assert.Equal(AuditAction.Create, entry.Action);
        Assert.Equal("AsbCase", entry.EntityType);
        Assert.Equal(@case.Id.ToString(), entry.EntityId);
        Assert.Equal("pc.jones@test.local", entry.UserName);
        Assert.Contains("Loud music", entry.Changes);
    }

    [Fact]
    public async Task ChangingACaseRecordsBeforeAndAfterOfWhatChangedOnly()
    {
        var @case = await NewCaseAsync("ASB-2026-900002");
        await using (var db = app.CreateDbContext())
        {
            db.AuditActor = new AuditActor("user-2", "sgt.patel@test.local");
            var stored = await db.Cases.SingleAsync(c => c.Id == @case.Id);
            stored.Summary = "Loud music and shouting";
            await db.SaveChangesAsync();
        }

        var update = (await EntriesAsync(@case.Id)).Single(e => e.Action == AuditAction.Update);
        using var changes = JsonDocument.Parse(update.Changes!);
        var summary = changes.RootElement.GetProperty("Summary");
        Assert.Equal("Loud music", summary.GetProperty("from").GetString());
        Assert.Equal("Loud music and shouting", summary.GetProperty("to").GetString());
        Assert.Single(changes.RootElement.EnumerateObject());
        Assert.Equal("sgt.patel@test.local", update.UserName);
    }

    [Fact]
    public async Task DeletingWritesADeleteEntryWithTheOldValues()
    {
        var @case = await NewCaseAsync("ASB-2026-900003");
        await using (var db = app.CreateDbContext())
        {
            db.Cases.Remove(await db.Cases.SingleAsync(c => c.Id == @case.Id));
            await db.SaveChangesAsync();
        }

        var delete = (await EntriesAsync(@case.Id)).Single(e => e.Action == AuditAction.Delete);
        Assert.Equal("system", delete.UserName);
        Assert.Contains("ASB-2026-900003", delete.Changes);
    }

    [Fact]
    public async Task AFailedSaveLeavesNoAuditEntryBehind()
    {
        var first = await NewCaseAsync("ASB-2026-900004");
        await using var db = app.CreateDbContext();
        var before = await db.AuditEntries.CountAsync();
        new CaseBuilder(db, DateTime.UtcNow).Case(first.AreaId, first.Reference, openedHoursAgo: 0, nextReviewInDays: null, address: "x",
            postcode: "LE11 1AA", summary: "duplicate reference", category: AsbCategory.Nuisance);

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        await using var check = app.CreateDbContext();
        Assert.Equal(before, await check.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task ASaveOfMoreRowsThanOneAuditStatementHoldsAuditsEveryRowWithItsOwnKeyAndCase()
    {
        // 501 new incidents with a case each: the audit rows go out in two statements (500 + 1 + the case's row).
        var @case = await NewCaseAsync("ASB-2026-900005");
        var receivedAt = new DateTime(2026, 11, 20, 9, 30, 0, DateTimeKind.Utc);
        List<Incident> incidents;
        await using (var db = app.CreateDbContext())
        {
            db.AuditActor = new AuditActor(null, "storm-feed");
            var b = new CaseBuilder(db, receivedAt);
            incidents = Enumerable.Range(0, 501).Select(i => b.Incident(@case.AreaId, $"LP-AUDIT-{i:D4}", receivedAt: receivedAt,
                address: "1 Audit Row", postcode: "LE11 1AA", description: $"Report {i}", with: x => x.CaseId = @case.Id)).ToList();
            await db.SaveChangesAsync();
        }

        var entries = (await EntriesAsync(@case.Id)).Where(e => e.EntityType == nameof(Incident)).ToList();
        Assert.Equal(incidents.Select(i => i.Id.ToString()).Order(), entries.Select(e => e.EntityId).Order());
        Assert.All(entries, e =>
        {
            Assert.Equal(AuditAction.Create, e.Action);
            Assert.Null(e.UserId);
            Assert.Equal("storm-feed", e.UserName);
            Assert.Equal(DateTimeKind.Utc, e.At.Kind);
        });
        var last = entries.Single(e => e.EntityId == incidents[^1].Id.ToString());
        Assert.Contains("Report 500", last.Changes);
    }
}
