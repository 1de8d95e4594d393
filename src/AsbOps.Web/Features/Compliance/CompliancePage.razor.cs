using AsbOps.Domain.Compliance;
using AsbOps.Web.Security;
using Microsoft.AspNetCore.Components;

namespace AsbOps.Web.Features.Compliance;

/// <summary>Live compliance counts per rule and area, each rule's findings, and the weekly history of the headline.</summary>
public sealed partial class CompliancePage
{
    public const int FindingsPerRule = 50;

    /// <summary>The practice example's average of cases without an assessment at any time, after its weekly check.</summary>
    public const double PracticeExampleAverage = 12.4;

    private ComplianceCounts? _counts;
    private readonly Dictionary<ComplianceRule, IReadOnlyList<ComplianceFindingRow>> _findings = [];
    private IReadOnlyList<SnapshotPoint> _history = [];
    private bool _loading;

    [Inject] private IComplianceQueries Queries { get; set; } = default!;

    [Inject] private CurrentUser CurrentUser { get; set; } = default!;

    private List<MudBlazor.ChartSeries<double>> HistorySeries =>
    [
        new() { Name = "Cases missing a risk assessment", Data = _history.Select(p => (double)(p.MissingAssessments ?? 0)).ToArray() },
        new() { Name = "Practice example average (12.4)", Data = _history.Select(_ => PracticeExampleAverage).ToArray() },
    ];

    private string[] HistoryLabels => _history.Select(p => p.TakenAt.ToString("d MMM", System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    protected override async Task OnInitializedAsync()
    {
        _loading = true;
        try
        {
            var scope = await CurrentUser.GetScopeAsync();
            var areaId = scope.RestrictedAreaId;
            _counts = await Queries.CountAsync(areaId);
            foreach (var rule in ComplianceRuleText.All)
            {
                _findings[rule] = await Queries.FindingsAsync(rule, areaId, FindingsPerRule);
            }

            // The headline's weekly history is kept force-wide.
            _history = await Queries.WeeklyHistoryAsync(null, 12);
        }
        finally
        {
            _loading = false;
        }
    }
}
