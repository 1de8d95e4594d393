using AsbOps.Web.Data;
using AsbOps.Web.Features.Compliance;
using AsbOps.Web.Live;
using AsbOps.Web.Security;
using Microsoft.AspNetCore.Components;

namespace AsbOps.Web.Features.Dashboard;

/// <summary>
/// The operations dashboard. It reads through <see cref="IOpsDashboardQueries"/> and reloads on
/// <see cref="ReloadAsync"/>: from the Refresh button, and through <see cref="LiveReload"/> for changes in the area on
/// screen (throttled to a few reloads a second) and once a minute without one.
/// </summary>
public sealed partial class DashboardPage : IDisposable
{
    private const string AllAreas = "";
    private const string NoAreaTrend =
        "Weekly history of missing assessments, open cases and high-risk cases is kept force-wide only, so those counters show no trend for one area.";

    /// <summary>At most one live reload per this interval; the last change of a burst is always reloaded.</summary>
    public static readonly TimeSpan LiveReloadInterval = TimeSpan.FromMilliseconds(400);

    private readonly CancellationTokenSource _disposed = new();
    private UserScope? _scope;
    private IReadOnlyList<AreaInfo> _areas = [];
    private string _selectedArea = AllAreas;
    private OpsDashboardData? _data;
    private DateTimeOffset? _updatedAt;
    private bool _loading;
    private string? _message;
    private LiveReload? _live;

    [Inject] private IOpsDashboardQueries Queries { get; set; } = default!;

    [Inject] private CurrentUser CurrentUser { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    [Inject] private OpsNotifier Notifier { get; set; } = default!;

    private string ScopeName => _scope?.IsForceWide == true
        ? (_areas.FirstOrDefault(a => a.Code == _selectedArea)?.Name ?? "All areas")
        : _data?.Counters.ByArea.Keys.FirstOrDefault() ?? "";

    protected override void OnInitialized() =>
        _live = new LiveReload(Notifier, Clock, LiveReloadInterval, () => InvokeAsync(ReloadAsync), DispatchExceptionAsync);

    protected override async Task OnInitializedAsync()
    {
        _scope = await CurrentUser.GetScopeAsync();
        if (!_scope.IsForceWide && _scope.AreaId is null)
        {
            _message = "Your account has no neighbourhood area, so there is no dashboard to show. Ask an administrator to set your area.";
            return;
        }

        _areas = await Queries.AreasAsync(_disposed.Token);
        _live?.Start(_scope.IsForceWide ? null : _areas.FirstOrDefault(a => a.Id == _scope.AreaId)?.Code);
        await ReloadAsync();
    }

    /// <summary>Reloads every counter, queue and heatmap of the current scope.</summary>
    public async Task ReloadAsync()
    {
        if (_scope is null || _message is not null || _disposed.IsCancellationRequested)
        {
            return;
        }

        _loading = true;
        try
        {
            var picked = _areas.FirstOrDefault(a => a.Code == _selectedArea)?.Id;
            var areaId = _scope.IsForceWide ? picked : _scope.RestrictedAreaId;
            _data = await Queries.LoadAsync(areaId, areaInRoleLinks: _scope.IsForceWide && picked is not null, _disposed.Token);
            _updatedAt = Clock.GetLocalNow();
        }
        finally
        {
            _loading = false;
        }

        // A notifier calls this through InvokeAsync, outside any event handler, so render here.
        StateHasChanged();
    }

    private async Task AreaChangedAsync(string code)
    {
        _selectedArea = code;
        if (_live is not null)
        {
            _live.WatchedArea = code == AllAreas ? null : code;
        }

        await ReloadAsync();
    }

    private IReadOnlyList<int?> TrendOf(Func<SnapshotPoint, int?> counter) => _data?.Trend.Select(counter).ToList() ?? [];

    /// <summary>An area's snapshots hold no history of these counters: said once under the counters, not on each card.</summary>
    private bool AreaHistoryMissing => TrendOf(p => p.OpenCases) is { Count: > 1 } trend && trend.Any(v => v is null);

    public void Dispose()
    {
        _live?.Dispose();
        _disposed.Cancel();
        _disposed.Dispose();
    }
}
