using AsbOps.Domain.Cases;
using AsbOps.Domain.Risk;
using AsbOps.Web.Email;
using AsbOps.Web.Features.Compliance;
using AsbOps.Web.Features.Compliance.Workbook;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using AsbOps.Web.Tests.Reminders;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace AsbOps.Web.Tests.Compliance;

/// <summary>
/// Two Monday checks a week apart, emailed to the compliance mailbox through the in-process SMTP server: the second
/// workbook's "New, carried, put right" sheet and Summary say what changed between them, finding by finding.
/// </summary>
public sealed class WeeklyWorkbookMovementEmailTests
{
    private const string Officer = "compliance.officer@test.local";

    [Fact]
    public async Task TheMondayEmailsWorkbookListsTheWeeksNewCarriedAndPutRightFindings()
    {
        await using var smtp = new SmtpTestServer();
        await smtp.StartAsync();
        await using var app = ChaseWorld.App(new FakeTimeProvider(ChaseWorld.Start), smtp.Port);
        await ChaseWorld.SeedAsync(app);
        await app.AddUserAsync(Officer, Roles.Compliance, displayName: "Compliance Officer");
        long fixedLater;
        await using (var db = app.CreateDbContext())
        {
            var area = await db.Areas.SingleAsync(a => a.Code == "CHSA");
            var b = new CaseBuilder(db, app.Clock.GetUtcNow().UtcDateTime);
            var c = b.Case(area.Id, "ASB-2026-000711");
            b.Person(c, PersonRole.Perpetrator, firstName: "Pat", lastName: "Later");
            await db.SaveChangesAsync();
            fixedLater = c.Id;
        }

        // Monday week 1 (a week on from the start): the first check. Then one finding is put right and a new one appears.
        app.Clock.Advance(TimeSpan.FromDays(7));
        await RunCheckAsync(app);
        await using (var db = app.CreateDbContext())
        {
            var guidance = await db.GuidanceVersions.Select(v => v.Id).FirstAsync();
            var perpetrator = await db.CaseParticipants.SingleAsync(p => p.CaseId == fixedLater && p.Role == PersonRole.Perpetrator);
            var b = new CaseBuilder(db, guidance, app.Clock.GetUtcNow().UtcDateTime);
            b.Assess(fixedLater, perpetrator, RiskLevel.Low, createdDaysAgo: 0);
            var area = await db.Areas.SingleAsync(a => a.Code == "CHSA");
            var fresh = b.Case(area.Id, "ASB-2026-000712");
            b.Person(fresh, PersonRole.Perpetrator, firstName: "Nia", lastName: "New");
            await db.SaveChangesAsync();
        }

        app.Clock.Advance(TimeSpan.FromDays(1));
        await app.Get<ComplianceSweepService>().SweepAsync();
        app.Clock.Advance(TimeSpan.FromDays(6));
        await RunCheckAsync(app);

        var emails = smtp.Received.Where(m => m.To.Mailboxes.Single().Address == Officer).ToList();
        Assert.Equal(2, emails.Count);
        using var workbook = Open(emails[1]);
        var sheet = workbook.Worksheet(WeeklyComplianceWorkbook.MovementSheet);
        Assert.Equal(WeeklyComplianceWorkbook.MovementHeaders, sheet.Row(1).Cells(1, WeeklyComplianceWorkbook.MovementHeaders.Length).Select(c => c.GetString()));
        var rows = sheet.RowsUsed().Skip(1)
            .Select(r => (Status: r.Cell(1).GetString(), Case: r.Cell(2).GetString(), Rule: r.Cell(4).GetString(), Person: r.Cell(6).GetString(),
                PutRight: r.Cell(8).IsEmpty(), Weeks: r.Cell(9).GetValue<int>()))
            .ToList();
        Assert.Equal(
            [
                (WorkbookFinding.New, "ASB-2026-000712", "3. " + Domain.Compliance.ComplianceRuleText.Title(Domain.Compliance.ComplianceRule.PerpetratorWithoutAssessment), "Nia New", true, 0),
                (WorkbookFinding.Carried, ChaseWorld.CaseRef, "1. " + Domain.Compliance.ComplianceRuleText.Title(Domain.Compliance.ComplianceRule.VictimWithoutAssessment), rows.Single(r => r.Case == ChaseWorld.CaseRef && r.Rule.StartsWith('1')).Person, true, 1),
                ("Put right", "ASB-2026-000711", "3. " + Domain.Compliance.ComplianceRuleText.Title(Domain.Compliance.ComplianceRule.PerpetratorWithoutAssessment), "Pat Later", false, 1),
            ],
            rows.Where(r => r.Rule.StartsWith('1') || r.Rule.StartsWith('3')));
        var carriedRow = sheet.RowsUsed().First(r => r.Cell(2).GetString() == ChaseWorld.CaseRef);
        Assert.EndsWith($"/cases/{ChaseWorld.CaseRef}", carriedRow.Cell(2).GetHyperlink().ExternalAddress.ToString());
        Assert.StartsWith("Person", carriedRow.Cell(6).GetString(), StringComparison.Ordinal);

        var summary = workbook.Worksheet(WeeklyComplianceWorkbook.SummarySheet);
        var byArea = summary.Search(WorkbookSummarySheet.MovementByAreaLabel).Single().Address.RowNumber;
        var chsa = summary.Row(byArea + 1);
        Assert.Equal(("Chsa", rows.Count(r => r.Status == WorkbookFinding.New), rows.Count(r => r.Status == WorkbookFinding.Carried),
                rows.Count(r => r.Status == "Put right")), (chsa.Cell(1).GetString(), chsa.Cell(2).GetValue<int>(), chsa.Cell(3).GetValue<int>(), chsa.Cell(5).GetValue<int>()));
        Assert.Single(summary.Search(WorkbookSummarySheet.MovementByOfficerLabel));
    }

    private static async Task RunCheckAsync(ClockedAppFactory app)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<WeeklyComplianceCheck>().RunAsync();
        }

        await app.Get<OutboxDispatcher>().DispatchAsync();
    }

    private static XLWorkbook Open(MimeMessage message)
    {
        var part = message.Attachments.OfType<MimePart>().Single();
        var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        stream.Position = 0;
        return new XLWorkbook(stream);
    }
}
