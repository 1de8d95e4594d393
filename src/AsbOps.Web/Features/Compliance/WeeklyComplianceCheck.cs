using System.Net;
using AsbOps.Domain.Compliance;
using AsbOps.Web.Data;
using AsbOps.Web.Email;
using AsbOps.Web.Features.Compliance.Workbook;
using AsbOps.Web.Security;
using AsbOps.Web.Spreadsheets;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.Compliance;

public sealed record WeeklyCheckResult(string Week, long SnapshotId, int Emailed, int AlreadyEmailed)
{
    public override string ToString() => $"week {Week}: snapshot {SnapshotId}, workbook emailed to {Emailed} ({AlreadyEmailed} already had it)";
}

/// <summary>
/// The weekly compliance check: takes the week's snapshot (once per ISO week), builds the weekly workbook and emails
/// it to every compliance officer — once each per week (<c>weekly:{week}:{userId}</c>), however often it runs.
/// </summary>
public sealed class WeeklyComplianceCheck(
    IDbContextFactory<AsbOpsDbContext> dbFactory,
    ComplianceSweepService sweep,
    WeeklyWorkbookQueries queries,
    EmailOutbox outbox,
    TimeProvider clock)
{
    public const string ContentType = Xlsx.ContentType;

    public static string DedupKey(ComplianceWeek week, string userId) => $"weekly:{week.Key}:{userId}";

    public static string FileName(ComplianceWeek week) => $"compliance-{week.Key}.xlsx";

    public async Task<WeeklyCheckResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var week = ComplianceWeek.Of(clock.GetUtcNow().UtcDateTime);
        var snapshot = await sweep.WeeklyAsync(week, cancellationToken);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var officers = await (
                from user in db.Users.AsNoTracking()
                join userRole in db.UserRoles on user.Id equals userRole.UserId
                join role in db.Roles on userRole.RoleId equals role.Id
                where role.Name == Roles.Compliance && user.Email != null
                select new { user.Id, user.Email, user.DisplayName })
            .ToListAsync(cancellationToken);
        var keys = officers.Select(o => DedupKey(week, o.Id)).ToList();
        var held = (await db.Outbox.Where(m => keys.Contains(m.DedupKey)).Select(m => m.DedupKey).ToListAsync(cancellationToken)).ToHashSet();
        var due = officers.Where(o => !held.Contains(DedupKey(week, o.Id))).ToList();
        if (due.Count == 0)
        {
            return new WeeklyCheckResult(week.Key, snapshot.SnapshotId, 0, held.Count);
        }

        var data = await queries.LoadAsync(week, cancellationToken)
            ?? throw new InvalidOperationException($"The snapshot of week {week.Key} was not found after it was taken.");
        using var file = new MemoryStream();
        await WeeklyComplianceWorkbook.WriteAsync(data, file, cancellationToken);
        var bytes = file.ToArray();

        var emailed = 0;
        foreach (var officer in due)
        {
            outbox.Enqueue(db, Compose(week, data, officer.Id, officer.Email!, officer.DisplayName, bytes));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                emailed++;
            }
            catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
            {
                // Another instance emailed this officer this week.
            }

            db.ChangeTracker.Clear();
        }

        return new WeeklyCheckResult(week.Key, snapshot.SnapshotId, emailed, held.Count);
    }

    private static OutgoingEmail Compose(ComplianceWeek week, WeeklyWorkbookData data, string userId, string to, string name, byte[] workbook)
    {
        var missing = data.ThisWeek.MissingAssessments;
        var subject = $"Weekly compliance check {week.Key}: {missing} cases missing a risk assessment";
        var text = $"Dear {name},\n\nThe weekly compliance check for {week.Key} is attached ({FileName(week)}).\n" +
                   $"Cases missing a risk assessment: {missing}" +
                   (data.LastWeek is { } last ? $" (last week {last.MissingAssessments})" : "") + ".\n" +
                   $"Open cases: {data.ThisWeek.OpenCases}; high-risk cases: {data.ThisWeek.HighRiskCases}.\n\n" +
                   "Each rule's sheet lists the cases to rectify, with a link to each case.\n";
        var html = $"<p>Dear {WebUtility.HtmlEncode(name)},</p><p>The weekly compliance check for <strong>{week.Key}</strong> is attached.</p>" +
                   $"<p>Cases missing a risk assessment: <strong>{missing}</strong>" +
                   (data.LastWeek is { } l ? $" (last week {l.MissingAssessments})" : "") + ".</p>" +
                   $"<p>Open cases: {data.ThisWeek.OpenCases}; high-risk cases: {data.ThisWeek.HighRiskCases}.</p>" +
                   "<p>Each rule's sheet lists the cases to rectify, with a link to each case.</p>";
        return new OutgoingEmail(DedupKey(week, userId), to, subject, text, html, null, FileName(week), workbook);
    }
}
