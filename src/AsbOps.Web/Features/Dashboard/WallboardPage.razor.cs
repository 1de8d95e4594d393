using AsbOps.Web.Security;
using Microsoft.AspNetCore.Components;

namespace AsbOps.Web.Features.Dashboard;

/// <summary>
/// The read-only wall screen of one area's counters and high-risk cases. Refreshes every 30 seconds on a
/// <see cref="PeriodicTimer"/> that ends with the page; live pushes come with issue 4.
/// </summary>
public sealed partial class WallboardPage : IDisposable
{
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _disposed = new();
    private PeriodicTimer? _timer;
    private int? _areaId;
    private string _title = "";
    private string? _message;
    private OpsCounters? _counters;
    private IReadOnlyList<HighRiskCaseRow> _highRisk = [];
    private DateTimeOffset? _updatedAt;

    [Inject] private IOpsDashboardQueries Queries { get; set; } = default!;

    [Inject] private CurrentUser CurrentUser { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "area")] public string? Area { get; set; }

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
        await LoadAsync();
        _timer = new PeriodicTimer(RefreshEvery, Clock);
        _ = RefreshLoopAsync(_timer);
    }

    private async Task LoadAsync()
    {
        _counters = await Queries.CountersAsync(_areaId, _disposed.Token);
        _highRisk = await Queries.HighRiskCasesAsync(_areaId, 50, _disposed.Token);
        _updatedAt = Clock.GetLocalNow();
    }

    private async Task RefreshLoopAsync(PeriodicTimer timer)
    {
        try
        {
            while (await timer.WaitForNextTickAsync(_disposed.Token))
            {
                await InvokeAsync(async () =>
                {
                    await LoadAsync();
                    StateHasChanged();
                });
            }
        }
        catch (OperationCanceledException)
        {
            // The page was closed.
        }
        catch (Exception exception)
        {
            await DispatchExceptionAsync(exception);
        }
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _timer?.Dispose();
        _disposed.Dispose();
    }
}
