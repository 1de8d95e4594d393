using AsbOps.Domain.Compliance;
using AsbOps.Web.Features.Compliance;
using AsbOps.Web.Security;
using Microsoft.AspNetCore.Http.Features;

namespace AsbOps.Web.Features.Exports;

/// <summary>The file downloads: the weekly compliance workbook and the bulk case export.</summary>
public static class ExportEndpoints
{
    public const string WeeklyWorkbookPath = "/compliance/weekly-workbook";

    /// <summary>Who may download the weekly workbook.</summary>
    public const string WorkbookRoles = "compliance,admin";

    public static IServiceCollection AddExportsFeature(this IServiceCollection services)
    {
        services.AddOptions<ExportOptions>().BindConfiguration(ExportOptions.Section);
        services.AddScoped<WeeklyWorkbookQueries>();
        services.AddScoped<CaseExport>();
        return services;
    }

    public static string WeeklyWorkbookUrl(ComplianceWeek week) => $"{WeeklyWorkbookPath}?week={week.Key}";

    public static void MapExportEndpoints(this IEndpointRouteBuilder endpoints)
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
                return Results.File(file, WeeklyComplianceCheck.ContentType, WeeklyComplianceCheck.FileName(wanted));
            })
            .RequireAuthorization(policy => policy.RequireRole(WorkbookRoles.Split(',')));

        endpoints.MapGet(CaseExportLinks.Path, async (HttpContext http, CaseExport export, CancellationToken cancellationToken) =>
            {
                var user = UserScope.FromPrincipal(http.User);
                var query = CaseExportLinks.Parse(http.Request.Query);
                var (matching, error) = await export.CountAsync(user, query, cancellationToken);
                if (matching is null)
                {
                    return Results.BadRequest(error);
                }

                http.Response.ContentType = WeeklyComplianceCheck.ContentType;
                http.Response.Headers.ContentDisposition = "attachment; filename=\"cases.xlsx\"";
                http.Response.Headers["X-Export-Matching"] = matching.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

                // The zip writer under SpreadCheetah writes each entry's few-byte data descriptor synchronously
                // when the entry closes; the rows themselves are written asynchronously.
                if (http.Features.Get<IHttpBodyControlFeature>() is { } body)
                {
                    body.AllowSynchronousIO = true;
                }

                await export.WriteAsync(user, query, http.Response.Body, cancellationToken);
                return Results.Empty;
            })
            .RequireAuthorization(policy => policy.RequireRole(Roles.Staff.Split(',')));
    }
}
