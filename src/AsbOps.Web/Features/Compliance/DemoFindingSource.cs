using AsbOps.Domain.Compliance;
using AsbOps.Web.Data;
using AsbOps.Web.Data.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Features.Compliance;

/// <summary>The demo's cases breaking each rule now, by the sweep's own predicates, a page of cases at a time.</summary>
public sealed class DemoFindingSource(IDbContextFactory<AsbOpsDbContext> dbFactory, IOptions<ComplianceOptions> options, TimeProvider clock)
    : IDemoFindingSource
{
    public async Task<IReadOnlySet<(long CaseId, ComplianceRule Rule)>> BreakingNowAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rules = new CaseRulePredicates(db, options.Value.ToThresholds(), clock.GetUtcNow().UtcDateTime);
        var breaking = new HashSet<(long, ComplianceRule)>();
        long after = 0;
        while (true)
        {
            var page = await ComplianceQueries.FlagsPageAsync(db, rules, after, ComplianceSweepService.PageSize, cancellationToken);
            foreach (var flags in page)
            {
                foreach (var rule in ComplianceRuleText.All.Where(r => RuleTally.Breaks(flags, r)))
                {
                    breaking.Add((flags.CaseId, rule));
                }
            }

            if (page.Count < ComplianceSweepService.PageSize)
            {
                return breaking;
            }

            after = page[^1].CaseId;
        }
    }
}
