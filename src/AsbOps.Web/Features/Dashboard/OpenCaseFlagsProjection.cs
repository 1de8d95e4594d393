using System.Linq.Expressions;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Risk;
using AsbOps.Web.Data;
using AsbOps.Web.Features.Compliance;

namespace AsbOps.Web.Features.Dashboard;

/// <summary>
/// The numbers the dashboard keeps of open cases, per case (<see cref="OpenCaseFlags"/>) and summed per area and level
/// (<see cref="OpenCaseTallyRow"/>): a 0/1 flag or a count per dashboard number, and the case's stored people counts.
/// </summary>
internal abstract class OpenCaseNumbers
{
    public int AreaId { get; set; }
    public RiskLevel RiskLevel { get; set; }
    public int Missing { get; set; }
    public int UnknownAnswers { get; set; }
    public int Overdue { get; set; }
    public int ReviewDueThisWeek { get; set; }
    public int HighRiskWithoutPlan { get; set; }

    // The case's stored people counts (CaseStanding.PeopleCounts), under the case's own property names.
    public int VictimsNotAssessed { get; set; }
    public int VictimsLow { get; set; }
    public int VictimsMedium { get; set; }
    public int VictimsHigh { get; set; }
    public int PerpetratorsNotAssessed { get; set; }
    public int PerpetratorsLow { get; set; }
    public int PerpetratorsMedium { get; set; }
    public int PerpetratorsHigh { get; set; }
    public int WitnessesNotAssessed { get; set; }
    public int WitnessesLow { get; set; }
    public int WitnessesMedium { get; set; }
    public int WitnessesHigh { get; set; }
}

/// <summary>One open case reduced to its area, level and a 0/1 flag (or a count) per dashboard number, and its stored people counts.</summary>
internal sealed class OpenCaseFlags : OpenCaseNumbers;

/// <summary>
/// Builds the <see cref="OpenCaseFlags"/> projection by inlining the rule predicates into one expression, so that one
/// grouped query counts the counters, the case queues and the area heatmap together. It reads the standing stored on
/// each case (<see cref="CaseStanding"/>) and the case's own dates, so the pass reads the open cases' index alone.
/// </summary>
internal static class OpenCaseFlagsProjection
{
    public static Expression<Func<AsbCase, OpenCaseFlags>> Build(CaseRulePredicates rules)
    {
        var now = rules.Now;
        var c = Expression.Parameter(typeof(AsbCase), "c");
        MemberAssignment Flag(string name, Expression condition) =>
            Expression.Bind(typeof(OpenCaseFlags).GetProperty(name)!, Expression.Condition(condition, Expression.Constant(1), Expression.Constant(0)));

        Expression<Func<AsbCase, int>> unknown = x => x.UnknownAnswers;
        Expression<Func<AsbCase, bool>> withoutPlan = x => x.RiskLevel == RiskLevel.High && !x.HasActionPlan;

        IEnumerable<MemberBinding> bindings =
        [
            Expression.Bind(typeof(OpenCaseFlags).GetProperty(nameof(OpenCaseFlags.AreaId))!, Expression.Property(c, nameof(AsbCase.AreaId))),
            Expression.Bind(typeof(OpenCaseFlags).GetProperty(nameof(OpenCaseFlags.RiskLevel))!, Expression.Property(c, nameof(AsbCase.RiskLevel))),
            Flag(nameof(OpenCaseFlags.Missing), QueryExpressions.Inline(rules.StoredMissingAssessment(), c)),
            Expression.Bind(typeof(OpenCaseFlags).GetProperty(nameof(OpenCaseFlags.UnknownAnswers))!, QueryExpressions.Inline(unknown, c)),
            Flag(nameof(OpenCaseFlags.Overdue), QueryExpressions.Inline(rules.ReviewDueBefore(now), c)),
            Flag(nameof(OpenCaseFlags.ReviewDueThisWeek), QueryExpressions.Inline(rules.ReviewDueBefore(now.AddDays(7)), c)),
            Flag(nameof(OpenCaseFlags.HighRiskWithoutPlan), QueryExpressions.Inline(withoutPlan, c)),
            .. CaseStanding.PeopleCounts.Select(count =>
                Expression.Bind(typeof(OpenCaseFlags).GetProperty(StoredName(count))!, QueryExpressions.Inline(count.Stored, c))),
        ];
        return Expression.Lambda<Func<AsbCase, OpenCaseFlags>>(Expression.MemberInit(Expression.New(typeof(OpenCaseFlags)), bindings), c);
    }

    /// <summary>The name of the case's property a stored people count reads (<c>c => c.VictimsHigh</c>: "VictimsHigh").</summary>
    public static string StoredName(StoredPeopleCount count) => ((MemberExpression)count.Stored.Body).Member.Name;
}
