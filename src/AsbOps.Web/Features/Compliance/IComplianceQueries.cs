using AsbOps.Domain.Compliance;

namespace AsbOps.Web.Features.Compliance;

/// <summary>The compliance rules evaluated live over open cases, set-based in the database.</summary>
public interface IComplianceQueries
{
    /// <summary>Counts per area (all areas, or only <paramref name="areaId"/>) and rule, with the headline.</summary>
    Task<ComplianceCounts> CountAsync(int? areaId, CancellationToken cancellationToken = default);

    /// <summary>
    /// What the live compliance page shows: the counts, the oldest <paramref name="cap"/> findings of every rule and the
    /// movement since the last weekly check, all of one scope.
    /// </summary>
    async Task<ComplianceLive> LiveAsync(int? areaId, int cap, CancellationToken cancellationToken = default)
    {
        var counts = await CountAsync(areaId, cancellationToken);
        var findings = new Dictionary<ComplianceRule, IReadOnlyList<ComplianceFindingRow>>();
        foreach (var rule in ComplianceRuleText.All)
        {
            findings[rule] = await FindingsAsync(rule, areaId, cap, cancellationToken);
        }

        return new ComplianceLive(counts, findings, await SinceLastCheckAsync(areaId, cancellationToken));
    }

    /// <summary>The oldest <paramref name="cap"/> cases breaking <paramref name="rule"/>.</summary>
    Task<IReadOnlyList<ComplianceFindingRow>> FindingsAsync(ComplianceRule rule, int? areaId, int cap, CancellationToken cancellationToken = default);

    /// <summary>
    /// The force's own figure over [<paramref name="from"/>, <paramref name="to"/>): open cases missing a risk
    /// assessment on average at any time, from the sweep history, with its weekly trend.
    /// </summary>
    Task<ForceFigure> ForceFigureAsync(DateTime from, DateTime to, CancellationToken cancellationToken = default);

    /// <summary>New, carried over and put right since the newest weekly check, per area and lead officer, from the lives of findings.</summary>
    Task<FindingMovement> SinceLastCheckAsync(int? areaId, CancellationToken cancellationToken = default);

    /// <summary>The last <paramref name="weeks"/> weekly snapshots, oldest first.</summary>
    Task<IReadOnlyList<SnapshotPoint>> WeeklyHistoryAsync(int? areaId, int weeks = 12, CancellationToken cancellationToken = default);
}
