using AsbOps.Domain.Cases;
using AsbOps.Web.Data;
using Microsoft.EntityFrameworkCore;
using SpreadCheetah;

namespace AsbOps.Web.Features.Cases.Export;

/// <summary>
/// The bulk export's three sheets. Each is one ordered, untracked join streamed row by row straight into the
/// spreadsheet (no per-row subqueries, no lists), so time is one pass over each table and memory stays flat.
/// <paramref name="cases"/> is already bounded to the capped selection; people and assessment rows are capped too.
/// </summary>
internal sealed class CaseExportSheets(AsbOpsDbContext db, Spreadsheet spreadsheet, ExportStyles styles, int maxRows)
{
    public static readonly string[] CaseHeaders =
    [
        "Reference", "Area", "Category", "Status", "Closure reason", "Risk level", "High risk since", "Opened", "Closed",
        "Lead officer", "Address", "Postcode", "Summary", "Last reviewed", "Next review due", "Community trigger",
    ];

    public static readonly string[] PeopleHeaders =
        ["Case reference", "Role", "First name", "Last name", "Date of birth", "Address", "Postcode", "Phone", "Risk level", "Added"];

    public static readonly string[] AssessmentHeaders =
    [
        "Case reference", "Subject", "Role", "Kind", "Guidance version", "Status", "Created", "Completed", "Current", "Score",
        "Computed level", "Judgement level", "Judgement rationale", "Judgement approval", "Level", "Unknown answers", "Safeguarding concern",
    ];

    public async Task<int> WriteCasesAsync(IQueryable<AsbCase> cases, CancellationToken cancellationToken)
    {
        await spreadsheet.StartWorksheetAsync(CaseExport.CasesSheet,
            ExportStyles.Sheet([17, 12, 13, 12, 16, 12, 16, 16, 16, 22, 34, 10, 50, 16, 16, 10]), cancellationToken);
        await spreadsheet.AddHeaderRowAsync(CaseHeaders, styles.Header, cancellationToken);
        var rows =
            from c in cases
            join a in db.Areas on c.AreaId equals a.Id into areas
            from a in areas.DefaultIfEmpty()
            join u in db.Users on c.LeadOfficerId equals u.Id into leads
            from u in leads.DefaultIfEmpty()
            orderby c.Id
            select new
            {
                c.Reference,
                Area = a == null ? null : a.Code,
                c.Category,
                c.Status,
                c.ClosureReason,
                c.RiskLevel,
                c.HighRiskSince,
                c.OpenedAt,
                c.ClosedAt,
                LeadOfficer = u == null ? null : u.DisplayName,
                c.Address,
                c.Postcode,
                c.Summary,
                c.LastReviewedAt,
                c.NextReviewDue,
                c.CommunityTrigger,
            };
        var row = new Cell[CaseHeaders.Length];
        var written = 0;
        await foreach (var c in rows.Take(maxRows).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            row[0] = styles.Of(c.Reference);
            row[1] = styles.Of(c.Area);
            row[2] = styles.Of(c.Category.ToString());
            row[3] = styles.Of(c.Status.ToString());
            row[4] = styles.Of(c.ClosureReason?.ToString());
            row[5] = styles.Of(c.RiskLevel.ToString());
            row[6] = styles.Of(c.HighRiskSince);
            row[7] = styles.Of(c.OpenedAt);
            row[8] = styles.Of(c.ClosedAt);
            row[9] = styles.Of(c.LeadOfficer);
            row[10] = styles.Of(c.Address);
            row[11] = styles.Of(c.Postcode);
            row[12] = styles.Of(c.Summary);
            row[13] = styles.Of(c.LastReviewedAt);
            row[14] = styles.Of(c.NextReviewDue);
            row[15] = ExportStyles.Of(c.CommunityTrigger);
            await spreadsheet.AddRowAsync(row, cancellationToken);
            written++;
        }

        return written;
    }

    public async Task<int> WritePeopleAsync(IQueryable<AsbCase> cases, CancellationToken cancellationToken)
    {
        await spreadsheet.StartWorksheetAsync(CaseExport.PeopleSheet, ExportStyles.Sheet([17, 14, 16, 18, 13, 34, 10, 16, 12, 16]), cancellationToken);
        await spreadsheet.AddHeaderRowAsync(PeopleHeaders, styles.Header, cancellationToken);
        var rows =
            from c in cases
            join p in db.CaseParticipants on c.Id equals p.CaseId
            join person in db.People on p.PersonId equals person.Id
            orderby c.Id, p.Id
            select new
            {
                c.Reference,
                p.Role,
                person.FirstName,
                person.LastName,
                person.DateOfBirth,
                person.Address,
                person.Postcode,
                person.Phone,
                p.RiskLevel,
                p.AddedAt,
            };
        var row = new Cell[PeopleHeaders.Length];
        var written = 0;
        await foreach (var p in rows.AsNoTracking().Take(maxRows).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            row[0] = styles.Of(p.Reference);
            row[1] = styles.Of(p.Role.ToString());
            row[2] = styles.Of(p.FirstName);
            row[3] = styles.Of(p.LastName);
            row[4] = styles.Of(p.DateOfBirth);
            row[5] = styles.Of(p.Address);
            row[6] = styles.Of(p.Postcode);
            row[7] = styles.Of(p.Phone);
            row[8] = styles.Of(p.RiskLevel.ToString());
            row[9] = styles.Of(p.AddedAt);
            await spreadsheet.AddRowAsync(row, cancellationToken);
            written++;
        }

        return written;
    }

    public async Task<int> WriteAssessmentsAsync(IQueryable<AsbCase> cases, CancellationToken cancellationToken)
    {
        await spreadsheet.StartWorksheetAsync(CaseExport.AssessmentsSheet,
            ExportStyles.Sheet([17, 24, 12, 12, 10, 10, 16, 16, 9, 8, 12, 12, 40, 12, 10, 10, 12]), cancellationToken);
        await spreadsheet.AddHeaderRowAsync(AssessmentHeaders, styles.Header, cancellationToken);
        var rows =
            from c in cases
            join a in db.Assessments on c.Id equals a.CaseId
            join g in db.GuidanceVersions on a.GuidanceVersionId equals g.Id
            join p in db.CaseParticipants on a.CaseParticipantId equals p.Id into subjects
            from p in subjects.DefaultIfEmpty()
            join person in db.People on p.PersonId equals person.Id into persons
            from person in persons.DefaultIfEmpty()
            orderby c.Id, a.Id
            select new
            {
                c.Reference,
                Subject = person == null ? null : person.FirstName + " " + person.LastName,
                Role = p == null ? (PersonRole?)null : p.Role,
                a.Kind,
                g.Number,
                a.Status,
                a.CreatedAt,
                a.CompletedAt,
                a.IsCurrent,
                a.Score,
                a.ComputedLevel,
                a.JudgementLevel,
                a.JudgementRationale,
                a.JudgementApproval,
                a.Level,
                a.UnknownCount,
                a.SafeguardingConcern,
            };
        var row = new Cell[AssessmentHeaders.Length];
        var written = 0;
        await foreach (var a in rows.AsNoTracking().Take(maxRows).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            row[0] = styles.Of(a.Reference);
            row[1] = styles.Of(a.Subject ?? "Location");
            row[2] = styles.Of(a.Role?.ToString());
            row[3] = styles.Of(a.Kind.ToString());
            row[4] = ExportStyles.Of(a.Number);
            row[5] = styles.Of(a.Status.ToString());
            row[6] = styles.Of(a.CreatedAt);
            row[7] = styles.Of(a.CompletedAt);
            row[8] = ExportStyles.Of(a.IsCurrent);
            row[9] = ExportStyles.Of(a.Score);
            row[10] = styles.Of(a.ComputedLevel.ToString());
            row[11] = styles.Of(a.JudgementLevel?.ToString());
            row[12] = styles.Of(a.JudgementRationale);
            row[13] = styles.Of(a.JudgementApproval.ToString());
            row[14] = styles.Of(a.Level.ToString());
            row[15] = ExportStyles.Of(a.UnknownCount);
            row[16] = ExportStyles.Of(a.SafeguardingConcern);
            await spreadsheet.AddRowAsync(row, cancellationToken);
            written++;
        }

        return written;
    }
}
