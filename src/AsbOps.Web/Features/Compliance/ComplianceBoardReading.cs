using AsbOps.Domain.Compliance;
using AsbOps.Web.Data;

namespace AsbOps.Web.Features.Compliance;

/// <summary>One reading of the force: every open case's flags, and what each breaking case's findings say.</summary>
internal sealed class ComplianceBoardReading(
    DateTime readAt, long changes, AreaLookup areas, Dictionary<long, CaseFlags> flags, Dictionary<long, CaseFindingDetail> details)
{
    public DateTime ReadAt { get; } = readAt;

    /// <summary>The number of the last change heard before this reading began.</summary>
    public long Changes { get; } = changes;

    /// <summary>This reading with the given cases read again (those no longer open are left out).</summary>
    public ComplianceBoardReading With(IReadOnlyList<long> reread, List<CaseFlags> open, Dictionary<long, CaseFindingDetail> breaking, long heard)
    {
        var nextFlags = new Dictionary<long, CaseFlags>(flags);
        var nextDetails = new Dictionary<long, CaseFindingDetail>(details);
        foreach (var id in reread)
        {
            nextFlags.Remove(id);
            nextDetails.Remove(id);
        }

        foreach (var f in open)
        {
            nextFlags[f.CaseId] = f;
        }

        foreach (var (id, detail) in breaking)
        {
            nextDetails[id] = detail;
        }

        return new ComplianceBoardReading(ReadAt, Math.Max(Changes, heard), areas, nextFlags, nextDetails);
    }

    public ComplianceLive View(int? areaId, int cap, CaseRulePredicates rules, FindingMovement movement)
    {
        var tallies = new Dictionary<int, RuleTally>();
        foreach (var f in flags.Values)
        {
            if (areaId is { } only && f.AreaId != only)
            {
                continue;
            }

            if (!tallies.TryGetValue(f.AreaId, out var tally))
            {
                tallies[f.AreaId] = tally = new RuleTally { AreaId = f.AreaId };
            }

            tally.Add(f);
        }

        var scope = areaId is { } id ? new AreaLookup([.. areas.All.Where(a => a.Id == id)]) : areas;
        var counts = ComplianceQueries.ToCounts(tallies, scope, areaId, rules.Now);
        var findings = ComplianceRuleText.All.ToDictionary(rule => rule, rule => (IReadOnlyList<ComplianceFindingRow>)flags.Values
            .Where(f => (areaId is null || f.AreaId == areaId) && RuleTally.Breaks(f, rule) && details.ContainsKey(f.CaseId))
            .Select(f => details[f.CaseId])
            .OrderBy(d => OrderedBy(rule, d)).ThenBy(d => d.Id)
            .Take(cap)
            .Select(d => CaseFindingDetails.ToFinding(rule, d, rules, scope))
            .ToList());
        return new ComplianceLive(counts, findings, movement);
    }

    /// <summary>The order the findings of a rule are listed in: the same keys as <see cref="ComplianceQueries.FindingsAsync"/>.</summary>
    private static DateTime OrderedBy(ComplianceRule rule, CaseFindingDetail d) => rule switch
    {
        ComplianceRule.HighRiskWithoutPlanOrMarker => d.HighRiskSince ?? d.OpenedAt,
        ComplianceRule.ReviewOverdue => d.NextReviewDue ?? d.OpenedAt,
        _ => d.OpenedAt,
    };
}
