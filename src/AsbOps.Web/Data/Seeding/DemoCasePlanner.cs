using AsbOps.Domain.Cases;
using AsbOps.Domain.Incidents;

namespace AsbOps.Web.Data.Seeding;

/// <summary>
/// Plans the year's cases: when each was reported and opened, where, how serious, whether it is closed, and which
/// open ones make up the backlog of missing assessments. Then numbers them per year in opening order.
/// </summary>
internal static class DemoCasePlanner
{
    /// <summary>The practice example's yearly caseload.</summary>
    public const int CasesAtScaleOne = 4382;

    /// <summary>Open cases missing an assessment at any time: the practice example reports about 12.4.</summary>
    private const int BacklogMin = 9;
    private const int BacklogMax = 16;

    public static List<DemoCasePlan> Plan(Random rng, DemoCalendar calendar, int scale)
    {
        var count = CasesAtScaleOne * scale;
        var areaWeights = DemoPlaces.Areas.Select(a => a.Weight).ToList();
        var plans = new List<DemoCasePlan>(count);
        for (var i = 0; i < count; i++)
        {
            var category = (AsbCategory)(rng.PickWeighted([0.35, 0.5, 0.15]) + 1);
            var reported = calendar.ReportTime(rng, calendar.Start, calendar.End);

            // Screening usually follows within a day; the case opens when the officer screens it in.
            var opened = reported.AddMinutes(rng.Next(30, rng.Chance(0.85) ? 24 * 60 : 72 * 60));
            if (opened >= calendar.End)
            {
                opened = reported.AddTicks((calendar.End - reported).Ticks / 2);
            }

            var meanSeverity = category switch { AsbCategory.Personal => 0.47, AsbCategory.Nuisance => 0.38, _ => 0.3 };
            var severity = Math.Clamp(rng.NextGaussian(meanSeverity, 0.2), 0, 1);

            // Most cases run a few weeks to a few months; a few run on and on.
            var closedAt = rng.Chance(0.04) ? (DateTime?)null : opened.AddDays(10 + (-45 * Math.Log(1 - rng.NextDouble())));
            if (closedAt >= calendar.End.AddHours(-6))
            {
                closedAt = null;
            }

            plans.Add(new DemoCasePlan
            {
                AreaIndex = rng.PickWeighted(areaWeights),
                Category = category,
                FirstReportAt = reported,
                OpenedAt = opened,
                Severity = severity,
                ClosedAt = closedAt,
                ClosureReason = closedAt is null ? null : (ClosureReason)(rng.PickWeighted([0.62, 0.2, 0.09, 0.07, 0.02]) + 1),
                UnderReview = closedAt is null && calendar.AgeInDays(opened) > 14 && rng.Chance(0.12),
            });
        }

        plans.Sort((a, b) => a.OpenedAt.CompareTo(b.OpenedAt));
        Number(plans, calendar, count);
        ChooseBacklog(rng, plans, calendar, scale);
        return plans;
    }

    /// <summary>Per-year sequence in opening order; the first year carries on from cases before the window.</summary>
    private static void Number(List<DemoCasePlan> plans, DemoCalendar calendar, int count)
    {
        var perDay = count / (double)DemoCalendar.Days;
        var year = calendar.Start.Year;
        var sequence = (int)((calendar.Start.DayOfYear - 1) * perDay);
        foreach (var plan in plans)
        {
            if (plan.OpenedAt.Year != year)
            {
                year = plan.OpenedAt.Year;
                sequence = 0;
            }

            plan.Reference = new CaseReference(year, ++sequence);
        }
    }

    private static void ChooseBacklog(Random rng, List<DemoCasePlan> plans, DemoCalendar calendar, int scale)
    {
        var dayAgo = calendar.End.AddDays(-1);
        var late = new List<DemoCasePlan>();
        foreach (var plan in plans.Where(p => !p.IsClosed))
        {
            if (plan.OpenedAt >= dayAgo)
            {
                plan.Backlog = rng.Chance(0.4) ? DemoBacklog.NotYetAssessed : DemoBacklog.None;
            }
            else if (calendar.AgeInDays(plan.OpenedAt) < 60)
            {
                late.Add(plan);
            }
        }

        var wanted = Math.Min(late.Count, rng.Next(BacklogMin, BacklogMax + 1) * scale);
        for (var i = 0; i < wanted; i++)
        {
            var index = rng.Next(i, late.Count);
            (late[i], late[index]) = (late[index], late[i]);
            late[i].Backlog = (DemoBacklog)(rng.PickWeighted([0.55, 0.25, 0.2]) + 1);
        }
    }
}
