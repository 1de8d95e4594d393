using System.Globalization;
using AsbOps.Web.Data;
using AsbOps.Web.Features.Cases;
using AsbOps.Web.Features.Cases.Export;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Compliance;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Tests.Cases;

/// <summary>
/// Every cell of every row of the bulk export against the entities it comes from, read separately with EF and its
/// navigations: a join or column that silently changed would show here as a differing row.
/// </summary>
public sealed class CaseExportContentTests(ComplianceFixture fixture) : IClassFixture<ComplianceFixture>
{
    [Fact]
    public async Task EveryCellOfEverySheetMatchesTheCasesPeopleAndAssessmentsItCameFrom()
    {
        var file = new MemoryStream();
        await new CaseExport(fixture.Services.GetRequiredService<IDbContextFactory<AsbOpsDbContext>>(), Options.Create(new ExportOptions()))
            .WriteAsync(new UserScope("u", "u", Roles.Compliance, null, null), new CaseListQuery(), file);
        file.Position = 0;
        using var workbook = new XLWorkbook(file);

        await using var db = fixture.CreateDbContext();
        var areas = await db.Areas.ToDictionaryAsync(a => a.Id, a => a.Code);
        var leads = await db.Users.ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        var cases = await db.Cases.AsNoTracking().Include(c => c.Participants).ThenInclude(p => p.Person)
            .Include(c => c.Assessments).ThenInclude(a => a.Participant!).ThenInclude(p => p.Person)
            .OrderBy(c => c.Id).ToListAsync();
        var guidance = await db.GuidanceVersions.ToDictionaryAsync(g => g.Id, g => g.Number);

        var expectedCases = cases.Select(c => Row(c.Reference, areas[c.AreaId], c.Category, c.Status, c.ClosureReason, c.RiskLevel,
            c.HighRiskSince, c.OpenedAt, c.ClosedAt, c.LeadOfficerId is { } lead ? leads[lead] : null, c.Address, c.Postcode, c.Summary,
            c.LastReviewedAt, c.NextReviewDue, c.CommunityTrigger ? "Yes" : "No"));
        var expectedPeople = cases.SelectMany(c => c.Participants.OrderBy(p => p.Id).Select(p => Row(c.Reference, p.Role,
            p.Person!.FirstName, p.Person.LastName, p.Person.DateOfBirth?.ToDateTime(TimeOnly.MinValue), p.Person.Address,
            p.Person.Postcode, p.Person.Phone, p.RiskLevel, p.AddedAt)));
        var expectedAssessments = cases.SelectMany(c => c.Assessments.OrderBy(a => a.Id).Select(a => Row(c.Reference,
            a.Participant is { } p ? $"{p.Person!.FirstName} {p.Person.LastName}" : "Location", a.Participant?.Role, a.Kind,
            guidance[a.GuidanceVersionId], a.Status, a.CreatedAt, a.CompletedAt, a.IsCurrent ? "Yes" : "No", a.Score, a.ComputedLevel,
            a.JudgementLevel, a.JudgementRationale, a.JudgementApproval, a.Level, a.UnknownCount, a.SafeguardingConcern ? "Yes" : "No")));

        Assert.Equal(expectedCases, Rows(workbook.Worksheet(CaseExport.CasesSheet)));
        Assert.Equal(expectedPeople, Rows(workbook.Worksheet(CaseExport.PeopleSheet)));
        Assert.Equal(expectedAssessments, Rows(workbook.Worksheet(CaseExport.AssessmentsSheet)));
        Assert.Contains(expectedCases, r => r.Contains("PC Lead"));
    }

    /// <summary>A row as comparable text: dates to the second, numbers invariant, enums by name, blanks empty.</summary>
    private static string Row(params object?[] values) => string.Join(" | ", values.Select(v => v switch
    {
        null => "",
        DateTime at => at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        int number => number.ToString(CultureInfo.InvariantCulture),
        _ => v.ToString(),
    }));

    /// <summary>A cell holds a date as days in a double: round away its last-bit error to the second.</summary>
    private static object ToSecond(DateTime at) => new DateTime(at.AddMilliseconds(500).Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond);

    private static List<string> Rows(IXLWorksheet sheet)
    {
        var width = sheet.Row(1).LastCellUsed()!.Address.ColumnNumber;
        return sheet.RowsUsed().Skip(1).Select(r => Row(Enumerable.Range(1, width).Select(i => r.Cell(i)).Select(cell => cell.IsEmpty() ? null : cell.DataType switch
        {
            XLDataType.DateTime => ToSecond(cell.GetDateTime()),
            XLDataType.Number => (int)cell.GetDouble(),
            _ => cell.GetString(),
        }).ToArray())).ToList();
    }
}
