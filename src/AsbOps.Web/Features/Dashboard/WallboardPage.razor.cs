using AsbOps.Web.Live;
using AsbOps.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace AsbOps.Web.Features.Dashboard;

/// <summary>
/// The read-only wall screen of one area's counters, high-risk cases and screening queue, live through
/// <see cref="LiveReload"/> (at most a couple of reloads a second on changes, and once a minute without one), ending
/// with the page. The case list shows as many rows as fit the screen and turns its pages by itself; a case that
/// becomes high risk shows as a banner for <see cref="BannerFor"/>.
/// </summary>
public sealed partial class WallboardPage : IDisposable
{
    public static readonly TimeSpan PageEvery = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan BannerFor = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan LiveReloadInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>Rows per page before the browser has measured the screen (about what a 1080-line screen holds).</summary>
    private const int DefaultRowsPerPage = 8;

    private readonly CancellationTokenSource _disposed = new();
    private int? _areaId;
    private string? _areaCode;
    private string _title = "";
    private string? _message;
    private OpsCounters? _counters;
    private IReadOnlyList<HighRiskCaseRow> _highRisk = [];
    private DashboardQueue? _screening;
    private DateTimeOffset? _updatedAt;
    private LiveReload? _live;
    private IDisposable? _alerts;
    private PeriodicTimer? _pager;
    private int _rowsPerPage = DefaultRowsPerPage;
    private int _page;
    private bool _measured;
    private HighRiskBanner? _banner;

    [Inject] private IOpsDashboardQueries Queries { get; set; } = default!;

    [Inject] private CurrentUser CurrentUser { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    [Inject] private OpsNotifier Notifier { get; set; } = default!;

    [Inject] private IJSRuntime JS { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "area")] public string? Area { get; set; }

    private int PageCount => Math.Max(1, (int)Math.Ceiling(_highRisk.Count / (double)_rowsPerPage));

    private int PageIndex => _page % PageCount;

    protected override void OnInitialized()
    {
        _live = new LiveReload(Notifier, Clock, LiveReloadInterval, () => InvokeAsync(ReloadAsync), DispatchExceptionAsync);
        _alerts = Notifier.Subscribe(OnChangeAsync);
    }

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
        _areaCode = requested?.Code;
        _title = requested?.Name ?? "All areas";
        _live?.Start(requested?.Code);
        await LoadAsync();
    }

    // Runs only in the browser's circuit (never while prerendering): turning pages and measuring need a screen.
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _pager = new PeriodicTimer(PageEvery, Clock);
            _ = TurnPagesAsync(_pager);
        }

        // Once the case table is on screen, the browser says how many rows fit below its top edge.
        if (!_measured && _highRisk.Count > 0)
        {
            _measured = true;
            var fit = await JS.InvokeAsync<int>("asbops.rowsThatFit", "wallboard-high-risk");
            if (fit > 0 && fit != _rowsPerPage)
            {
                _rowsPerPage = fit;
                StateHasChanged();
            }
        }
    }

    private async Task LoadAsync()
    {
        var data = await Queries.LoadAsync(_areaId, cancellationToken: _disposed.Token);
        _counters = data.Counters;
        _screening = data.Queues.FirstOrDefault(q => q.Key == "awaitingScreening");
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

    private async Task TurnPagesAsync(PeriodicTimer timer)
    {
        try
        {
            while (await timer.WaitForNextTickAsync(_disposed.Token))
            {
                await InvokeAsync(() =>
                {
                    _page = PageCount > 1 ? (PageIndex + 1) % PageCount : 0;
                    StateHasChanged();
                });
            }
        }
        catch (OperationCanceledException)
        {
            // The page closed.
        }
    }

    private Task OnChangeAsync(OpsChange change)
    {
        if (change.Kind != OpsChangeKind.HighRiskRaised || change.CaseRef is not { } caseRef
            || (_areaCode is not null && !string.Equals(change.AreaCode, _areaCode, StringComparison.Ordinal)))
        {
            return Task.CompletedTask;
        }

        var now = Clock.GetUtcNow();
        var banner = new HighRiskBanner(caseRef, change.AreaCode, change.At ?? now.UtcDateTime);
        _ = HideBannerLaterAsync(banner);
        return InvokeAsync(() =>
        {
            _banner = banner;
            StateHasChanged();
        });
    }

    private async Task HideBannerLaterAsync(HighRiskBanner banner)
    {
        try
        {
            await Task.Delay(BannerFor, Clock, _disposed.Token);
            await InvokeAsync(() =>
            {
                if (ReferenceEquals(_banner, banner))
                {
                    _banner = null;
                    StateHasChanged();
                }
            });
        }
        catch (OperationCanceledException)
        {
            // The page closed.
        }
    }

    public void Dispose()
    {
        _live?.Dispose();
        _alerts?.Dispose();
        _pager?.Dispose();
        _disposed.Cancel();
        _disposed.Dispose();
    }

    private sealed record HighRiskBanner(string CaseRef, string? AreaCode, DateTime At);
}
