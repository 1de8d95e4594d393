using System.Globalization;
using AsbOps.Web.Security;
using Microsoft.AspNetCore.WebUtilities;

namespace AsbOps.Web.Features.Metrics;

/// <summary>The metrics workbook download: the page's tables for the same filter (analyst, admin).</summary>
public static class MetricsEndpoints
{
    public const string WorkbookPath = "/metrics/workbook";

    public static string WorkbookUrl(MetricsFilter filter) => QueryHelpers.AddQueryString(WorkbookPath, new Dictionary<string, string?>
    {
        ["version"] = filter.GuidanceVersionId?.ToString(CultureInfo.InvariantCulture),
        ["area"] = filter.AreaId?.ToString(CultureInfo.InvariantCulture),
        ["from"] = filter.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = filter.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["grain"] = filter.Grain == TrendGrain.Week ? "week" : null,
    }.Where(w => w.Value is not null));

    public static void MapMetricsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(WorkbookPath, async (int? version, int? area, string? from, string? to, string? grain, IMetricsQueries queries,
                IMetricsTrendQueries trendQueries,
                System.Security.Claims.ClaimsPrincipal user, CancellationToken cancellationToken) =>
            {
                if (!TryDate(from, out var fromDate) || !TryDate(to, out var toDate))
                {
                    return Results.BadRequest("Give dates as YYYY-MM-DD.");
                }

                if (!TryGrain(grain, out var trendGrain))
                {
                    return Results.BadRequest("Give the trend step as week or month.");
                }

                var versions = await queries.VersionsAsync(cancellationToken);
                var areas = await queries.AreasAsync(cancellationToken);
                var versionLabel = version is null ? "All versions" : versions.FirstOrDefault(v => v.Id == version) is { } v ? $"Version {v.Number}" : null;
                var areaLabel = area is null ? "All areas" : areas.FirstOrDefault(a => a.Id == area)?.Name;
                if (versionLabel is null || areaLabel is null)
                {
                    return Results.NotFound("There is no such guidance version or area.");
                }

                var filter = new MetricsFilter(version, area, fromDate, toDate, trendGrain);
                var metrics = MetricsPrivacy.ForViewer(await queries.LoadAsync(filter, cancellationToken), MetricsPrivacy.MaySeeCases(user));
                var trends = await trendQueries.LoadAsync(filter, cancellationToken);
                var selection = new MetricsSelection(versionLabel, areaLabel, fromDate, toDate);
                var file = new MemoryStream();
                MetricsWorkbook.Write(metrics, selection, file, trends);
                file.Position = 0;
                return Results.File(file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MetricsWorkbook.FileName(selection));
            })
            .RequireAuthorization(policy => policy.RequireRole(Roles.MetricsReaders.Split(',')));
    }

    /// <summary>"week" or "month" (any case); nothing means month.</summary>
    public static bool TryGrain(string? text, out TrendGrain grain)
    {
        grain = TrendGrain.Month;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        return Enum.TryParse(text.Trim(), ignoreCase: true, out grain) && Enum.IsDefined(grain);
    }

    public static bool TryDate(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        date = parsed;
        return true;
    }
}
