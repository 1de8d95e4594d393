using System.Linq.Expressions;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Risk;
using AsbOps.Web.Data;

namespace AsbOps.Web.Features.Compliance;

/// <summary>One open case reduced to a 0/1 flag per rule, so that one grouped query counts every rule per area.</summary>
internal sealed class CaseFlags
{
    public long CaseId { get; set; }
    public int AreaId { get; set; }
    public int High { get; set; }
    public int Missing { get; set; }
    public int Rule1 { get; set; }
    public int Rule2 { get; set; }
    public int Rule3 { get; set; }
    public int Rule4Cases { get; set; }
    public int UnknownAnswers { get; set; }
    public int Rule5 { get; set; }
    public int Rule6 { get; set; }
    public int Rule7 { get; set; }
}

/// <summary>Builds the <see cref="CaseFlags"/> projection by inlining the rule predicates into one expression.</summary>
internal static class CaseFlagsProjection
{
    public static Expression<Func<AsbCase, CaseFlags>> Build(CaseRulePredicates rules)
    {
        var c = Expression.Parameter(typeof(AsbCase), "c");
        MemberAssignment Flag(string name, Expression<Func<AsbCase, bool>> predicate) =>
            Expression.Bind(typeof(CaseFlags).GetProperty(name)!,
                Expression.Condition(QueryExpressions.Inline(predicate, c), Expression.Constant(1), Expression.Constant(0)));

        Expression<Func<AsbCase, int>> unknown = x => x.Assessments.Where(a => a.IsCurrent).Sum(a => a.UnknownCount);
        Expression<Func<AsbCase, bool>> high = x => x.RiskLevel == RiskLevel.High;

        var body = Expression.MemberInit(Expression.New(typeof(CaseFlags)),
            Expression.Bind(typeof(CaseFlags).GetProperty(nameof(CaseFlags.CaseId))!, Expression.Property(c, nameof(AsbCase.Id))),
            Expression.Bind(typeof(CaseFlags).GetProperty(nameof(CaseFlags.AreaId))!, Expression.Property(c, nameof(AsbCase.AreaId))),
            Flag(nameof(CaseFlags.High), high),
            Flag(nameof(CaseFlags.Missing), rules.MissingAssessment()),
            Flag(nameof(CaseFlags.Rule1), rules.VictimWithoutAssessment()),
            Flag(nameof(CaseFlags.Rule2), CaseRulePredicates.NoVictimNoLocationAssessment),
            Flag(nameof(CaseFlags.Rule3), CaseRulePredicates.PerpetratorWithoutAssessment),
            Flag(nameof(CaseFlags.Rule4Cases), CaseRulePredicates.UnknownAnswer),
            Expression.Bind(typeof(CaseFlags).GetProperty(nameof(CaseFlags.UnknownAnswers))!, QueryExpressions.Inline(unknown, c)),
            Flag(nameof(CaseFlags.Rule5), rules.SafeguardingWithoutReferral()),
            Flag(nameof(CaseFlags.Rule6), rules.HighRiskWithoutPlanOrMarker()),
            Flag(nameof(CaseFlags.Rule7), rules.ReviewDueBefore(rules.Now)));
        return Expression.Lambda<Func<AsbCase, CaseFlags>>(body, c);
    }
}
