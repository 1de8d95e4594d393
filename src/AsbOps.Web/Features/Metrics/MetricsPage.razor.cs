using System.Globalization;
using AsbOps.Domain.Compliance;
using AsbOps.Web.Data;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AsbOps.Web.Features.Metrics;

/// <summary>
/// The task-and-finish group's metrics: levels by role, unknown share, overrides, headline history, time to a first
/// complete assessment and reminders per assessment.
/// </summary>
public sealed partial class MetricsPage
{
    private const int OverridesPerPage = 5;

    private IReadOnlyList<GuidanceVersionOption> _versions = [];
    private IReadOnlyList<AreaInfo> _areas = [];
    private int? _versionId;
    private int? _areaId;
    private DateTime? _from;
    private DateTime? _to;
    private GuidanceMetrics? _metrics;
    private MetricsTrends? _trends;
    private TrendGrain _grain = TrendGrain.Month;

    // The filter the tables show: the workbook download uses it, not choices not yet applied.
    private MetricsFilter _applied = new();
    private bool _loading;

    [Inject] private IMetricsQueries Queries { get; set; } = default!;

    /// <summary>Always cascaded in the app (AddCascadingAuthenticationState); absent only where a test renders the page alone.</summary>
    [CascadingParameter] private Task<Microsoft.AspNetCore.Components.Authorization.AuthenticationState>? AuthState { get; set; }

    private bool _maySeeCases = true;

    [Inject] private IMetricsTrendQueries TrendQueries { get; set; } = default!;


    private List<ChartSeries<double>> LevelSeries =>
    [
        new() { Name = "Low", Data = _metrics!.LevelsByRole.Select(r => (double)r.Low).ToArray() },
        new() { Name = "Medium", Data = _metrics.LevelsByRole.Select(r => (double)r.Medium).ToArray() },
        new() { Name = "High", Data = _metrics.LevelsByRole.Select(r => (double)r.High).ToArray() },
    ];

    private string[] LevelLabels => _metrics!.LevelsByRole.Select(r => r.Role).ToArray();

    private List<ChartSeries<double>> UnknownSeries =>
        [new() { Name = "% unknown", Data = _metrics!.UnknownShare.Select(q => Math.Round(q.Share * 100, 1)).ToArray() }];

    private string[] UnknownLabels => _metrics!.UnknownShare.Select(q => $"{q.Matrix}: {q.QuestionKey}").ToArray();

    private List<ChartSeries<double>> HistorySeries =>
    [
        new() { Name = "Cases missing a risk assessment", Data = _metrics!.HeadlineHistory.Select(p => (double)(p.MissingAssessments ?? 0)).ToArray() },
        new() { Name = "Practice example average (12.4)", Data = _metrics.HeadlineHistory.Select(_ => MissingAssessmentAverage.PracticeExampleAverage).ToArray() },
    ];

    private string[] HistoryLabels =>
        _metrics!.HeadlineHistory.Select(p => p.TakenAt.ToString("d MMM yy", CultureInfo.InvariantCulture)).ToArray();

    private static string Hours(double? hours) => hours is { } h ? h.ToString("0.#", CultureInfo.InvariantCulture) + " h" : "–";

    protected override async Task OnInitializedAsync()
    {
        _versions = await Queries.VersionsAsync();
        _areas = await Queries.AreasAsync();
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _loading = true;
        try
        {
            var filter = new MetricsFilter(_versionId, _areaId,
                _from is { } from ? DateOnly.FromDateTime(from) : null,
                _to is { } to ? DateOnly.FromDateTime(to) : null, _grain);
            _maySeeCases = AuthState is null || MetricsPrivacy.MaySeeCases((await AuthState).User);
            _metrics = MetricsPrivacy.ForViewer(await Queries.LoadAsync(filter), _maySeeCases);
            _trends = await TrendQueries.LoadAsync(filter);
            _applied = filter;
        }
        finally
        {
            _loading = false;
        }
    }
}
