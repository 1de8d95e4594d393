using AsbOps.Domain.Cases;
using AsbOps.Web.Data;
using Microsoft.EntityFrameworkCore;
using SpreadCheetah;

namespace AsbOps.Web.Features.Exports;

/// <summary>The bulk export's three sheets, each read in keyset pages and written row by row.</summary>
internal sealed class CaseExportSheets(AsbOpsDbContext db, Spreadsheet spreadsheet, ExportStyles styles, int pageSize, int maxRows)
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
        var row = new Cell[CaseHeaders.Length];
        long after = 0;
        var written = 0;
        while (written < maxRows)
        {
            var page = await cases.Where(c => c.Id > after).OrderBy(c => c.Id).Take(Math.Min(pageSize, maxRows - written))
                .Select(c => new
                {
                    c.Id, c.Reference, Area = db.Areas.Where(a => a.Id == c.AreaId).Select(a => a.Code).FirstOrDefault(),
                    c.Category, c.Status, c.ClosureReason, c.RiskLevel, c.HighRiskSince, c.OpenedAt, c.ClosedAt,
                    LeadOfficer = db.Users.Where(u => u.Id == c.LeadOfficerId).Select(u => u.DisplayName).FirstOrDefault(),
                    c.Address, c.Postcode, c.Summary, c.LastReviewedAt, c.NextReviewDue, c.CommunityTrigger,
                })
                .ToListAsync(cancellationToken);
            foreach (var c in page)
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
            }

            written += page.Count;
            if (page.Count < pageSize)
            {
                break;
            }

            after = page[^1].Id;
        }

        return written;
    }

    public async Task<int> WritePeopleAsync(IQueryable<AsbCase> cases, CancellationToken cancellationToken)
    {
        await spreadsheet.StartWorksheetAsync(CaseExport.PeopleSheet, ExportStyles.Sheet([17, 14, 16, 18, 13, 34, 10, 16, 12, 16]), cancellationToken);
        await spreadsheet.AddHeaderRowAsync(PeopleHeaders, styles.Header, cancellationToken);
        var row = new Cell[PeopleHeaders.Length];
        var written = 0;
        await foreach (var ids in CaseIdPagesAsync(cases, cancellationToken))
        {
            var (first, last) = (ids[0], ids[^1]);
            var page = await db.CaseParticipants.AsNoTracking()
                .Where(p => p.CaseId >= first && p.CaseId <= last && cases.Any(c => c.Id == p.CaseId))
                .OrderBy(p => p.CaseId).ThenBy(p => p.Id).Take(maxRows - written)
                .Select(p => new
                {
                    p.Case!.Reference, p.Role, p.Person!.FirstName, p.Person.LastName, p.Person.DateOfBirth, p.Person.Address,
                    p.Person.Postcode, p.Person.Phone, p.RiskLevel, p.AddedAt,
                })
                .ToListAsync(cancellationToken);
            foreach (var p in page)
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
            }

            written += page.Count;
            if (written >= maxRows)
            {
                break;
            }
        }

        return written;
    }

    public async Task<int> WriteAssessmentsAsync(IQueryable<AsbCase> cases, CancellationToken cancellationToken)
    {
        await spreadsheet.StartWorksheetAsync(CaseExport.AssessmentsSheet,
            ExportStyles.Sheet([17, 24, 12, 12, 10, 10, 16, 16, 9, 8, 12, 12, 40, 12, 10, 10, 12]), cancellationToken);
        await spreadsheet.AddHeaderRowAsync(AssessmentHeaders, styles.Header, cancellationToken);
        var row = new Cell[AssessmentHeaders.Length];
        var written = 0;
        await foreach (var ids in CaseIdPagesAsync(cases, cancellationToken))
        {
            var (first, last) = (ids[0], ids[^1]);
            var page = await db.Assessments.AsNoTracking()
                .Where(a => a.CaseId >= first && a.CaseId <= last && cases.Any(c => c.Id == a.CaseId))
                .OrderBy(a => a.CaseId).ThenBy(a => a.Id).Take(maxRows - written)
                .Select(a => new
                {
                    Reference = db.Cases.Where(c => c.Id == a.CaseId).Select(c => c.Reference).FirstOrDefault(),
                    Subject = a.Participant == null ? null : a.Participant.Person!.FirstName + " " + a.Participant.Person.LastName,
                    Role = a.Participant == null ? (PersonRole?)null : a.Participant.Role,
                    a.Kind, Guidance = a.GuidanceVersion!.Number, a.Status, a.CreatedAt, a.CompletedAt, a.IsCurrent, a.Score,
                    a.ComputedLevel, a.JudgementLevel, a.JudgementRationale, a.JudgementApproval, a.Level, a.UnknownCount, a.SafeguardingConcern,
                })
                .ToListAsync(cancellationToken);
            foreach (var a in page)
            {
                row[0] = styles.Of(a.Reference);
                row[1] = styles.Of(a.Subject ?? "Location");
                row[2] = styles.Of(a.Role?.ToString());
                row[3] = styles.Of(a.Kind.ToString());
                row[4] = ExportStyles.Of(a.Guidance);
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
            }

            written += page.Count;
            if (written >= maxRows)
            {
                break;
            }
        }

        return written;
    }

    /// <summary>
    /// The exported cases' ids a page at a time (keyset on id), at most the row cap of them in all. People and
    /// assessments are read by the page's id range joined to the filter: an index range, not a list of ids.
    /// </summary>
    private async IAsyncEnumerable<List<long>> CaseIdPagesAsync(
        IQueryable<AsbCase> cases, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long after = 0;
        var seen = 0;
        while (seen < maxRows)
        {
            var ids = await cases.Where(c => c.Id > after).OrderBy(c => c.Id).Take(Math.Min(pageSize, maxRows - seen))
                .Select(c => c.Id).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                yield break;
            }

            yield return ids;
            seen += ids.Count;
            after = ids[^1];
        }
    }
}
