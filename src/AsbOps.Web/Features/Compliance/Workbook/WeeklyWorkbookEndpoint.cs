using AsbOps.Domain.Compliance;
using AsbOps.Web.Spreadsheets;

namespace AsbOps.Web.Features.Compliance.Workbook;

/// <summary><c>GET /compliance/weekly-workbook?week=YYYY-Www</c>: a week's compliance workbook (compliance, admin).</summary>
public static class WeeklyWorkbookEndpoint
{
    public const string WeeklyWorkbookPath = "/compliance/weekly-workbook";

    /// <summary>Who may download the weekly workbook.</summary>
    public const string WorkbookRoles = "compliance,admin";

    public static string WeeklyWorkbookUrl(ComplianceWeek week) => $"{WeeklyWorkbookPath}?week={week.Key}";

    public static void MapWeeklyWorkbook(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(WeeklyWorkbookPath, async (string? week, WeeklyWorkbookQueries queries, TimeProvider clock, CancellationToken cancellationToken) =>
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

                var data = await queries.LoadAsync(wanted, cancellationToken);
                if (data is null)
                {
                    return Results.NotFound($"No compliance snapshot is held for week {wanted.Key}.");
                }

                var file = new MemoryStream();
                WeeklyComplianceWorkbook.Write(data, file);
                file.Position = 0;
                return Results.File(file, Xlsx.ContentType, WeeklyComplianceCheck.FileName(wanted));
            })
            .RequireAuthorization(policy => policy.RequireRole(WorkbookRoles.Split(',')));
    }
}
