using AsbOps.Web.Data;
using AsbOps.Web.Features.Cases;
using AsbOps.Web.Security;
using AsbOps.Web.Spreadsheets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace AsbOps.Web.Features.Cases.Export;

/// <summary>What a bulk export wrote: the cases matching the filter, and whether the row cap cut it short.</summary>
public sealed record CaseExportResult(int Cases, int People, int Assessments, int Matching, bool Capped, string? Error = null);

/// <summary>
/// The case list's current selection as an xlsx streamed with SpreadCheetah: sheets of cases, people on them and
/// their assessments, every field. Each sheet is one ordered join read as a stream and written straight to the
/// output, so memory stays flat; at most <see cref="ExportOptions.MaxRows"/> cases (and as many people and
/// assessment rows) are written. Text is never a formula: risky text gets the text number format too.
/// </summary>
public sealed class CaseExport(IDbContextFactory<AsbOpsDbContext> dbFactory, IOptions<ExportOptions> options)
{
    public const string CasesSheet = "Cases";
    public const string PeopleSheet = "People";
    public const string AssessmentsSheet = "Assessments";

    /// <summary>How many cases match, before the cap; null with a message for a filter that is not valid.</summary>
    public async Task<(int? Matching, string? Error)> CountAsync(UserScope user, CaseListQuery query, CancellationToken cancellationToken = default)
    {
        var (filter, error) = CaseListFilter.Parse(query);
        if (filter is null)
        {
            return (null, error);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cases = await CaseListService.FilteredAsync(db, user, filter, cancellationToken);
        return cases is null ? (null, $"There is no area \"{filter.AreaCode}\".") : (await cases.CountAsync(cancellationToken), null);
    }

    public async Task<CaseExportResult> WriteAsync(UserScope user, CaseListQuery query, Stream output, CancellationToken cancellationToken = default)
    {
        var (filter, error) = CaseListFilter.Parse(query);
        if (filter is null)
        {
            return new CaseExportResult(0, 0, 0, 0, false, error);
        }

        var max = Math.Max(1, options.Value.MaxRows);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cases = await CaseListService.FilteredAsync(db, user, filter, cancellationToken);
        if (cases is null)
        {
            return new CaseExportResult(0, 0, 0, 0, false, $"There is no area \"{filter.AreaCode}\".");
        }

        var matching = await cases.CountAsync(cancellationToken);
        if (matching > max)
        {
            // The first max cases by id are those exported; bounding by the last of them keeps each sheet one join.
            var last = await cases.OrderBy(c => c.Id).Skip(max - 1).Select(c => c.Id).FirstAsync(cancellationToken);
            cases = cases.Where(c => c.Id <= last);
        }

        await using var spreadsheet = await Spreadsheet.CreateNewAsync(output, new SpreadCheetahOptions { BufferSize = 65536 }, cancellationToken);
        var styles = new ExportStyles(spreadsheet);
        var writer = new CaseExportSheets(db, spreadsheet, styles, max);
        var caseRows = await writer.WriteCasesAsync(cases, cancellationToken);
        var people = await writer.WritePeopleAsync(cases, cancellationToken);
        var assessments = await writer.WriteAssessmentsAsync(cases, cancellationToken);
        await spreadsheet.FinishAsync(cancellationToken);
        return new CaseExportResult(caseRows, people, assessments, matching, matching > max);
    }
}

/// <summary>The export's cell styles: header, dates, date-times and text that must stay text.</summary>
internal sealed class ExportStyles(Spreadsheet spreadsheet)
{
    public StyleId Header { get; } = spreadsheet.AddStyle(new Style
    {
        Font = { Bold = true, Color = System.Drawing.Color.White },
        Fill = { Color = System.Drawing.Color.FromArgb(0x1F, 0x38, 0x64) },
    });

    public StyleId Date { get; } = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("dd/mm/yyyy") });

    public StyleId DateTime { get; } = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("dd/mm/yyyy hh:mm") });

    public StyleId Text { get; } = spreadsheet.AddStyle(new Style { Format = NumberFormat.Standard(StandardNumberFormat.Text) });

    public Cell Of(string? text) => text is null
        ? new Cell((string?)null)
        : SpreadsheetText.LooksLikeFormula(text) ? new Cell(text, Text) : new Cell(text);

    public Cell Of(System.DateTime? at) => at is { } value ? new Cell(value, DateTime) : new Cell((string?)null);

    public Cell Of(DateOnly? date) => date is { } value ? new Cell(value.ToDateTime(TimeOnly.MinValue), Date) : new Cell((string?)null);

    public static Cell Of(int value) => new(value);

    public static Cell Of(bool value) => new(value ? "Yes" : "No");

    public static WorksheetOptions Sheet(IReadOnlyList<double> widths)
    {
        var sheet = new WorksheetOptions { FrozenRows = 1, AutoFilter = new AutoFilterOptions($"A1:{Column(widths.Count)}1") };
        for (var i = 0; i < widths.Count; i++)
        {
            sheet.Column(i + 1).Width = widths[i];
        }

        return sheet;
    }

    private static string Column(int number)
    {
        var name = "";
        for (; number > 0; number = (number - 1) / 26)
        {
            name = (char)('A' + ((number - 1) % 26)) + name;
        }

        return name;
    }
}
