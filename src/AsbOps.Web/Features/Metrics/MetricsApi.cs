using AsbOps.Web.Security.ApiKeys;

namespace AsbOps.Web.Features.Metrics;

/// <summary>A trend period as the API gives it: dates inclusive.</summary>
public sealed record MetricsPeriodView(string Label, DateOnly From, DateOnly To, IReadOnlyList<int> VersionsStarting);

/// <summary>
/// <c>GET /api/v1/metrics</c>: the metrics page's trends for the force's own analysts, the same sections and numbers
/// as the page and the workbook. Aggregates only: no case reference and no personal value.
/// </summary>
public sealed record MetricsView(DateOnly From, DateOnly To, string? Area, int? Version, string Grain,
    IReadOnlyList<MetricsPeriodView> Periods, IReadOnlyList<TrendSection> Sections);

public static class MetricsApi
{
    public const int MaxDays = 3 * 366;

    public static RouteGroupBuilder MapMetricsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/metrics", async (string? from, string? to, string? area, string? version, string? grain,
                IMetricsQueries queries, IMetricsTrendQueries trends, CancellationToken cancellationToken) =>
            {
                var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
                if (!MetricsEndpoints.TryDate(from, out var fromDate))
                {
                    errors["from"] = ["Give the first day as YYYY-MM-DD."];
                }

                if (!MetricsEndpoints.TryDate(to, out var toDate))
                {
                    errors["to"] = ["Give the last day as YYYY-MM-DD."];
                }

                if (fromDate is { } f && toDate is { } t && (t < f || t.DayNumber - f.DayNumber > MaxDays))
                {
                    errors["to"] = [$"The last day must be on or after the first, and at most {MaxDays} days later."];
                }

                if (!MetricsEndpoints.TryGrain(grain, out var trendGrain))
                {
                    errors["grain"] = ["Give week or month."];
                }

                int? areaId = null;
                if (!string.IsNullOrWhiteSpace(area))
                {
                    areaId = (await queries.AreasAsync(cancellationToken))
                        .FirstOrDefault(a => string.Equals(a.Code, area.Trim(), StringComparison.OrdinalIgnoreCase))?.Id;
                    if (areaId is null)
                    {
                        errors["area"] = [$"There is no area with the code '{area.Trim()}' (GET /api/v1/areas lists them)."];
                    }
                }

                int? versionId = null;
                int? versionNumber = null;
                if (!string.IsNullOrWhiteSpace(version))
                {
                    versionNumber = int.TryParse(version, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
                    versionId = versionNumber is { } number
                        ? (await queries.VersionsAsync(cancellationToken)).FirstOrDefault(v => v.Number == number)?.Id
                        : null;
                    if (versionId is null)
                    {
                        errors["version"] = [$"There is no published guidance version '{version.Trim()}'; give its number (1, 2, …)."];
                    }
                }

                if (errors.Count > 0)
                {
                    return Results.ValidationProblem(errors, title: "The metrics query is not valid.");
                }

                var result = await trends.LoadAsync(new MetricsFilter(versionId, areaId, fromDate, toDate, trendGrain), cancellationToken);
                return Results.Ok(new MetricsView(result.From, result.To, area?.Trim().ToUpperInvariant() is { Length: > 0 } code ? code : null,
                    versionNumber, trendGrain.ToString().ToLowerInvariant(),
                    [.. result.Periods.Select(p => new MetricsPeriodView(p.Label, p.Start, p.End.AddDays(-1), p.VersionsStarting))],
                    MetricsTrendSections.Build(result)));
            })
            .RequireAuthorization(ApiPolicies.OpsRead)
            .Produces<MetricsView>()
            .ProducesValidationProblem()
            .WithName("GetMetrics")
            .WithSummary("Risk guidance metrics as weekly or monthly trends, by period, area code and guidance version number.");
        return api;
    }
}
