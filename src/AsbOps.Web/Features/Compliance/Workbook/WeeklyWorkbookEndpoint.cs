using AsbOps.Domain.Compliance;
using AsbOps.Web.Spreadsheets;

namespace AsbOps.Web.Features.Compliance.Workbook;

/// <summary><c>GET /compliance/weekly-workbook?week=YYYY-Www</c>: a week's compliance workbook (compliance, admin).</summary>
public static class WeeklyWorkbookEndpoint
{
    public const string WeeklyWorkbookPath = "/compliance/weekly-workbook";

    /// <summary>How old this week's newest snapshot may be before a download sweeps first.</summary>
    public static readonly TimeSpan FreshFor = TimeSpan.FromSeconds(15);

    /// <summary>Who may download the weekly workbook.</summary>
    public const string WorkbookRoles = "compliance,admin";

    public static string WeeklyWorkbookUrl(ComplianceWeek week) => $"{WeeklyWorkbookPath}?week={week.Key}";

    public static void MapWeeklyWorkbook(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(WeeklyWorkbookPath, async (string? week, WeeklyWorkbookQueries queries, ComplianceSweepService sweep, TimeProvider clock,
                CancellationToken cancellationToken) =>
            {
                ComplianceWeek wanted;
                if (string.IsNullOrWhiteSpace(week))
                {
                    wanted = ComplianceWeek.Of(clock.GetUtcNow().UtcDateTime);
                }
                else if (!ComplianceWeek.TryParse(week, out wanted))
                {
                    return Results.BadRequest("Give the week as YYYY-Www, e.g. 2026-W09.");
                }

                // This week's workbook lists the cases as they stand, as the live compliance page does.
                if (wanted == ComplianceWeek.Of(clock.GetUtcNow().UtcDateTime))
                {
                    await sweep.RefreshAsync(FreshFor, cancellationToken);
                }

                var data = await queries.LoadAsync(wanted, cancellationToken);
                if (data is null)
                {
                    return Results.NotFound($"No compliance snapshot is held for week {wanted.Key}.");
                }

                var file = new MemoryStream();
                await WeeklyComplianceWorkbook.WriteAsync(data, file, cancellationToken);
                file.Position = 0;
                return Results.File(file, Xlsx.ContentType, WeeklyComplianceCheck.FileName(wanted));
            })
            .RequireAuthorization(policy => policy.RequireRole(WorkbookRoles.Split(',')));
    }
}
