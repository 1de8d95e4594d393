using System.Net;
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

/// <summary>The SpreadCheetah bulk export over the compliance fixture's cases, reopened with ClosedXML.</summary>
public sealed class CaseExportTests(ComplianceFixture fixture) : IClassFixture<ComplianceFixture>
{
    private static readonly UserScope Everyone = new("u", "u", Roles.Compliance, null, null);

    private CaseExport Export(int maxRows = 100_000) =>
        new(fixture.Services.GetRequiredService<IDbContextFactory<AsbOpsDbContext>>(), Options.Create(new ExportOptions { MaxRows = maxRows }));

    private async Task<(CaseExportResult Result, XLWorkbook Workbook)> RunAsync(CaseListQuery query, int maxRows = 100_000)
    {
        var file = new MemoryStream();
        var result = await Export(maxRows).WriteAsync(Everyone, query, file);
        file.Position = 0;
        return (result, new XLWorkbook(file));
    }

    [Fact]
    public async Task TheExportHasASheetOfCasesPeopleAndAssessmentsWithEveryRowOfTheFilter()
    {
        var (result, workbook) = await RunAsync(new CaseListQuery { Status = "open" });
        using var _ = workbook;

        await using var db = fixture.CreateDbContext();
        var open = await db.Cases.CountAsync(c => c.Status != Domain.Cases.CaseStatus.Closed);
        var people = await db.CaseParticipants.CountAsync(p => p.Case!.Status != Domain.Cases.CaseStatus.Closed);
        var assessments = await db.Assessments.CountAsync(a => db.Cases.Any(c => c.Id == a.CaseId && c.Status != Domain.Cases.CaseStatus.Closed));
        Assert.Equal([CaseExport.CasesSheet, CaseExport.PeopleSheet, CaseExport.AssessmentsSheet], workbook.Worksheets.Select(w => w.Name));
        Assert.Equal(CaseExportSheets.CaseHeaders, workbook.Worksheet(1).Row(1).CellsUsed().Select(c => c.GetString()));
        Assert.Equal(CaseExportSheets.PeopleHeaders, workbook.Worksheet(2).Row(1).CellsUsed().Select(c => c.GetString()));
        Assert.Equal(CaseExportSheets.AssessmentHeaders, workbook.Worksheet(3).Row(1).CellsUsed().Select(c => c.GetString()));
        Assert.Equal((open, people, assessments), (result.Cases, result.People, result.Assessments));
        Assert.Equal(open, workbook.Worksheet(1).LastRowUsed()!.RowNumber() - 1);
        Assert.Equal(people, workbook.Worksheet(2).LastRowUsed()!.RowNumber() - 1);
        Assert.Equal(assessments, workbook.Worksheet(3).LastRowUsed()!.RowNumber() - 1);
        Assert.DoesNotContain("ASB-2026-000099", workbook.Worksheet(1).Column(1).CellsUsed().Select(c => c.GetString()));
        Assert.False(result.Capped);
    }

    [Fact]
    public async Task TheRowCapStopsTheExportAndSaysSo()
    {
        var (result, workbook) = await RunAsync(new CaseListQuery(), maxRows: 5);
        using var _ = workbook;

        Assert.Equal(5, result.Cases);
        Assert.True(result.Capped);
        Assert.True(result.Matching > 5);
        Assert.Equal(6, workbook.Worksheet(1).LastRowUsed()!.RowNumber());
        Assert.True(workbook.Worksheet(2).LastRowUsed()!.RowNumber() - 1 <= 5);
    }

    [Fact]
    public async Task DatesAreDatesAndTextThatLooksLikeAFormulaStaysText()
    {
        await using (var db = fixture.CreateDbContext())
        {
            await db.Cases.Where(c => c.Reference == "ASB-2026-000007")
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Summary, "=HYPERLINK(\"http://x\",\"y\")").SetProperty(c => c.Address, "+1"));
        }

        var (_, workbook) = await RunAsync(new CaseListQuery { Q = "ASB-2026-000007" });
        using var _ = workbook;

        var cases = workbook.Worksheet(1);
        Assert.Equal("ASB-2026-000007", cases.Cell(2, 1).GetString());
        Assert.Equal(XLDataType.Text, cases.Cell(2, 13).DataType);
        Assert.Equal("=HYPERLINK(\"http://x\",\"y\")", cases.Cell(2, 13).GetString());
        Assert.Equal("+1", cases.Cell(2, 11).GetString());
        Assert.Equal(XLDataType.DateTime, cases.Cell(2, 8).DataType);
        Assert.Equal(XLDataType.Number, workbook.Worksheet(3).Cell(2, 10).DataType);
        Assert.All(workbook.Worksheets.SelectMany(w => w.CellsUsed()), cell => Assert.False(cell.HasFormula));
        Assert.Equal(1, cases.SheetView.SplitRow);
    }

    [Fact]
    public async Task StaffDownloadTheExportOverHttpAndPartnersMayNot()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        await fixture.AddUserAsync($"officer-{suffix}@test.local", Roles.Officer, fixture.AreaA);
        await fixture.AddUserAsync($"partner-{suffix}@test.local", Roles.Partner, agency: Domain.Referrals.Agency.LocalAuthority);
        var officer = await fixture.CreateSignedInClientAsync($"officer-{suffix}@test.local");
        var partner = await fixture.CreateSignedInClientAsync($"partner-{suffix}@test.local");

        using var ok = await officer.GetAsync(CaseExportLinks.For(new CaseListQuery { Status = "open" }));
        using var denied = await partner.GetAsync(CaseExportLinks.Path);
        using var bad = await officer.GetAsync($"{CaseExportLinks.Path}?risk=extreme");

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ok.Content.Headers.ContentType?.MediaType);
        using var workbook = new XLWorkbook(new MemoryStream(await ok.Content.ReadAsByteArrayAsync()));
        Assert.Equal(12, workbook.Worksheet(1).LastRowUsed()!.RowNumber() - 1);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", denied.Headers.Location!.OriginalString.Replace("http://localhost", ""));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
