using AsbOps.Domain.Compliance;
using AsbOps.Web.Features.Compliance;
using AsbOps.Web.Features.Compliance.Workbook;
using Microsoft.Extensions.DependencyInjection;
using SpreadCheetah;

namespace AsbOps.Benchmarks;

/// <summary>
/// The weekly compliance workbook at scale 10, or on the PostgreSQL demo database with <c>--provider postgres</c> (read
/// the week, stream the workbook), beside SpreadCheetah writing the same rows from the same data in the same run.
/// </summary>
public static class WorkbookBenchmark
{
    public const string Name = "workbook";

    public static async Task RunAsync()
    {
        await using var host = JobsBenchHost.Open(10);
        if (host is null)
        {
            return;
        }

        var week = ComplianceWeek.Of(DateTime.UtcNow);
        await host.Services.GetRequiredService<ComplianceSweepService>().WeeklyAsync(week);
        await using var scope = host.Services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<WeeklyWorkbookQueries>();
        var warm = (await queries.LoadAsync(week))!;
        await WeeklyComplianceWorkbook.WriteAsync(warm, Stream.Null);
        var rows = await SpreadCheetahAsync(warm, Stream.Null) + warm.UnknownAnswers.Count + warm.HighRisk.Count;

        var loadWatch = System.Diagnostics.Stopwatch.StartNew();
        await queries.LoadAsync(week);
        var loadMs = loadWatch.Elapsed.TotalMilliseconds;
        var (size, closed) = await Measured.RunAsync(async () =>
        {
            var data = (await queries.LoadAsync(week))!;
            var file = new MemoryStream();
            await WeeklyComplianceWorkbook.WriteAsync(data, file);
            return file.Length;
        });
        var (cheetahSize, cheetah) = await Measured.RunAsync(async () =>
        {
            var data = (await queries.LoadAsync(week))!;
            var file = new MemoryStream();
            await SpreadCheetahAsync(data, file);
            return file.Length;
        });
        Console.WriteLine($"   {host.Label}, week {week.Key}: {rows} rows; workbook file {size / 1024} KB, SpreadCheetah file {cheetahSize / 1024} KB; "
            + $"the summary's data alone (LoadAsync, rule sheets not read) {loadMs:F0} ms");
        Report.Line($"workbook-{host.Tag}", closed.Milliseconds, "ms", cheetah.Milliseconds, "ms SpreadCheetah same rows");
        Report.Line($"workbook-peak-working-set-{host.Tag}", closed.PeakWorkingSetMb, "MB", cheetah.PeakWorkingSetMb, "MB SpreadCheetah");
        Report.Line($"workbook-allocated-{host.Tag}", closed.AllocatedMb, "MB", cheetah.AllocatedMb, "MB SpreadCheetah");
    }

    /// <summary>The workbook's rows, unstyled, written by SpreadCheetah (the findings read the same way); returns the findings written.</summary>
    private static async Task<int> SpreadCheetahAsync(WeeklyWorkbookData data, Stream output)
    {
        var findings = 0;
        await using var sheet = await Spreadsheet.CreateNewAsync(output);
        await sheet.StartWorksheetAsync(WeeklyComplianceWorkbook.SummarySheet);
        foreach (var rule in ComplianceRuleText.All)
        {
            await sheet.AddRowAsync([new DataCell(ComplianceRuleText.Title(rule)), new DataCell(data.ThisWeek.Count(rule)), new DataCell(data.LastWeek?.Count(rule))]);
        }

        foreach (var rule in ComplianceRuleText.All)
        {
            await sheet.StartWorksheetAsync(WeeklyComplianceWorkbook.RuleSheet(rule));
            await sheet.AddHeaderRowAsync(WeeklyComplianceWorkbook.FindingHeaders);
            await foreach (var f in data.Findings.ReadAsync(rule))
            {
                findings++;
                await sheet.AddRowAsync([new DataCell(f.CaseRef), new DataCell(f.AreaCode), new DataCell(f.LeadOfficer), new DataCell(f.Sergeant),
                    new DataCell(f.Opened), new DataCell(f.Concerned), new DataCell(f.Missing), new DataCell(f.Since), new DataCell(f.AgeDays),
                    new DataCell(f.WeeksCarried), new DataCell(f.NewOrCarried), new DataCell(f.Link)]);
            }
        }

        await sheet.StartWorksheetAsync(WeeklyComplianceWorkbook.UnknownSheet);
        foreach (var u in data.UnknownAnswers)
        {
            await sheet.AddRowAsync([new DataCell(u.CaseRef), new DataCell(u.AreaCode), new DataCell(u.Person), new DataCell(u.Question),
                new DataCell(u.AgeDays), new DataCell(u.RemindersSent), new DataCell(u.Link)]);
        }

        await sheet.StartWorksheetAsync(WeeklyComplianceWorkbook.HighRiskSheet);
        foreach (var h in data.HighRisk)
        {
            await sheet.AddRowAsync([new DataCell(h.CaseRef), new DataCell(h.AreaCode), new DataCell(h.Since), new DataCell(h.ActiveMarker),
                new DataCell(h.ActionPlan), new DataCell(h.Referrals), new DataCell(h.ReferralAgencies), new DataCell(h.NextReview), new DataCell(h.Link)]);
        }

        await sheet.FinishAsync();
        return findings;
    }
}
