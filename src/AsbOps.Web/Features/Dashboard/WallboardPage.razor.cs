using AsbOps.Web.Live;
using AsbOps.Web.Security;
using Microsoft.AspNetCore.Components;

namespace AsbOps.Web.Features.Dashboard;

/// <summary>
/// The read-only wall screen of one area's counters and high-risk cases, live through <see cref="LiveReload"/> (at
/// most a couple of reloads a second on changes, and once a minute without one), ending with the page.
/// </summary>
public sealed partial class WallboardPage : IDisposable
{
    private static readonly TimeSpan LiveReloadInterval = TimeSpan.FromMilliseconds(500);

    private readonly CancellationTokenSource _disposed = new();
    private int? _areaId;
    private string _title = "";
    private string? _message;
    private OpsCounters? _counters;
    private IReadOnlyList<HighRiskCaseRow> _highRisk = [];
    private DateTimeOffset? _updatedAt;
    private LiveReload? _live;

    [Inject] private IOpsDashboardQueries Queries { get; set; } = default!;

    [Inject] private CurrentUser CurrentUser { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    [Inject] private OpsNotifier Notifier { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "area")] public string? Area { get; set; }

    protected override void OnInitialized() =>
        _live = new LiveReload(Notifier, Clock, LiveReloadInterval, () => InvokeAsync(ReloadAsync), DispatchExceptionAsync);

    protected override async Task OnInitializedAsync()
    {
        var scope = await CurrentUser.GetScopeAsync();
        var areas = await Queries.AreasAsync(_disposed.Token);
        var requested = string.IsNullOrWhiteSpace(Area) ? null : areas.FirstOrDefault(a => string.Equals(a.Code, Area.Trim(), StringComparison.OrdinalIgnoreCase));
        if (!string.IsNullOrWhiteSpace(Area) && requested is null)
        {
            _message = $"There is no area with the code \"{Area.Trim()}\". Use a code such as {string.Join(", ", areas.Take(3).Select(a => a.Code))}.";
            return;
        }

        if (!scope.IsForceWide)
        {
            var own = areas.FirstOrDefault(a => a.Id == scope.AreaId);
            if (own is null || (requested is not null && requested.Id != own.Id))
            {
                _message = own is null
                    ? "Your account has no neighbourhood area, so there is no wallboard to show."
                    : $"You can show only your own area's wallboard: {own.Code}.";
                return;
            }

            requested = own;
        }

        _areaId = requested?.Id;
        _title = requested?.Name ?? "All areas";
        _live?.Start(requested?.Code);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _counters = await Queries.CountersAsync(_areaId, _disposed.Token);
        _highRisk = await Queries.HighRiskCasesAsync(_areaId, 50, _disposed.Token);
        _updatedAt = Clock.GetLocalNow();
    }

    private async Task ReloadAsync()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        await LoadAsync();
        StateHasChanged();
    }

    public void Dispose()
    {
        _live?.Dispose();
        _disposed.Cancel();
        _disposed.Dispose();
    }
}
