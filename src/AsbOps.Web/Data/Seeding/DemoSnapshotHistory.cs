using AsbOps.Domain.Compliance;

namespace AsbOps.Web.Data.Seeding;

/// <summary>
/// Twelve weeks of the weekly compliance check (Mondays 07:00 UTC), with counts per area and rule that add up to
/// the totals. Open cases follow the generated caseload; the rest hover where the practice example puts them.
/// </summary>
internal static class DemoSnapshotHistory
{
    public const int Weeks = 12;

    public static List<ComplianceSnapshot> Build(Random rng, DemoCalendar calendar, IReadOnlyList<DemoCasePlan> plans, IReadOnlyList<DemoAreaStaff> areas, int scale)
    {
        // The live check runs today if today is Monday; history stops at the Monday before.
        var monday = calendar.End.AddDays(-(((int)calendar.End.DayOfWeek + 6) % 7));
        if (monday == calendar.End)
        {
            monday = monday.AddDays(-7);
        }

        var weights = areas.Select(a => a.Place.Weight).ToList();
        var snapshots = new List<ComplianceSnapshot>(Weeks);
        for (var week = Weeks - 1; week >= 0; week--)
        {
            var takenAt = monday.AddDays(-7 * week).AddHours(7);
            var open = plans.Count(p => p.OpenedAt <= takenAt && (p.ClosedAt is null || p.ClosedAt > takenAt));
            var snapshot = new ComplianceSnapshot
            {
                TakenAt = takenAt,
                IsWeekly = true,
                IsoWeek = ComplianceWeek.Of(takenAt).Key,
                OpenCases = open,
                HighRiskCases = (int)Math.Round(open * (0.11 + (rng.NextDouble() * 0.04))),
                MissingAssessments = rng.Next(8, 19) * scale,
                UnknownAnswers = rng.Next(20, 55) * scale,
                OverdueReviews = (int)Math.Round(open * (0.06 + (rng.NextDouble() * 0.05))),
            };

            var missing = Split(rng, snapshot.MissingAssessments, [0.6, 0.2, 0.2]);
            var totals = new Dictionary<ComplianceRule, int>
            {
                [ComplianceRule.VictimWithoutAssessment] = missing[0],
                [ComplianceRule.NoVictimNoLocationAssessment] = missing[1],
                [ComplianceRule.PerpetratorWithoutAssessment] = missing[2],
                [ComplianceRule.UnknownAnswer] = snapshot.UnknownAnswers,
                [ComplianceRule.SafeguardingWithoutReferral] = rng.Next(1, 8) * scale,
                [ComplianceRule.HighRiskWithoutPlanOrMarker] = rng.Next(2, 10) * scale,
                [ComplianceRule.ReviewOverdue] = snapshot.OverdueReviews,
            };

            foreach (var rule in Enum.GetValues<ComplianceRule>())
            {
                var perArea = Split(rng, totals[rule], weights);
                for (var i = 0; i < areas.Count; i++)
                {
                    snapshot.Counts.Add(new ComplianceSnapshotCount { AreaId = areas[i].Area.Id, Rule = rule, Count = perArea[i] });
                }
            }

            snapshots.Add(snapshot);
        }

        return snapshots;
    }

    /// <summary>Deals <paramref name="total"/> out one by one, each to a part drawn by weight.</summary>
    private static int[] Split(Random rng, int total, IReadOnlyList<double> weights)
    {
        var parts = new int[weights.Count];
        for (var n = 0; n < total; n++)
        {
            parts[rng.PickWeighted(weights)]++;
        }

        return parts;
    }
}
