using AsbOps.Domain.Compliance;
using AsbOps.Web.Live;
using AsbOps.Web.Security;
using Microsoft.AspNetCore.Components;

namespace AsbOps.Web.Features.Compliance;

/// <summary>
/// Live compliance counts per rule and area, each rule's findings, and the weekly history of the headline. The counts
/// and findings reload through <see cref="LiveReload"/> when a change in the user's areas is committed (throttled), and
/// once a minute for what the clock changes (grace periods and reviews running out).
/// </summary>
public sealed partial class CompliancePage : IDisposable
{
    public const int FindingsPerRule = 50;

    /// <summary>At most one reload per this interval while changes stream in; the last change is always shown.</summary>
    public static readonly TimeSpan LiveReloadInterval = TimeSpan.FromMilliseconds(400);

    private ComplianceCounts? _counts;
    private readonly Dictionary<ComplianceRule, IReadOnlyList<ComplianceFindingRow>> _findings = [];
    private IReadOnlyList<SnapshotPoint> _history = [];
    private FindingMovement? _movement;
    private bool _loading;
    private int? _areaId;
    private LiveReload? _live;
    private readonly CancellationTokenSource _disposed = new();

    [Inject] private IComplianceQueries Queries { get; set; } = default!;

    [Inject] private CurrentUser CurrentUser { get; set; } = default!;

    [Inject] private OpsNotifier Notifier { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    private List<MudBlazor.ChartSeries<double>> HistorySeries =>
    [
        new() { Name = "Cases missing a risk assessment", Data = _history.Select(p => (double)(p.MissingAssessments ?? 0)).ToArray() },
        new() { Name = "Practice example average (12.4)", Data = _history.Select(_ => MissingAssessmentAverage.PracticeExampleAverage).ToArray() },
    ];

    private string[] HistoryLabels => _history.Select(p => p.TakenAt.ToString("d MMM", System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    protected override void OnInitialized() =>
        _live = new LiveReload(Notifier, Clock, LiveReloadInterval, () => InvokeAsync(ReloadAsync), DispatchExceptionAsync);

    protected override async Task OnInitializedAsync()
    {
        var scope = await CurrentUser.GetScopeAsync();
        _areaId = scope.RestrictedAreaId;
        await LoadAsync();

        // The headline's weekly history is kept force-wide.
        _history = await Queries.WeeklyHistoryAsync(null, 12, _disposed.Token);
        _live?.Start(_areaId is null ? null : _counts?.Total.AreaCode);
    }

    /// <summary>Reloads the counts and every rule's findings (a notifier calls this through InvokeAsync).</summary>
    public async Task ReloadAsync()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        await LoadAsync();
        StateHasChanged();
    }

    private async Task LoadAsync()
    {
        _loading = true;
        try
        {
            var live = await Queries.LiveAsync(_areaId, FindingsPerRule, _disposed.Token);
            _counts = live.Counts;
            foreach (var (rule, rows) in live.Findings)
            {
                _findings[rule] = rows;
            }

            _movement = live.Movement;
        }
        finally
        {
            _loading = false;
        }
    }

    public void Dispose()
    {
        _live?.Dispose();
        _disposed.Cancel();
        _disposed.Dispose();
    }
}
