using System.Linq.Expressions;
using AsbOps.Domain.Cases;

namespace AsbOps.Web.Features.Dashboard;

/// <summary>One open case reduced to a 0/1 flag per case queue, so that one grouped query counts every queue.</summary>
internal sealed class QueueFlags
{
    public int AreaId { get; set; }
    public int AwaitingAssessment { get; set; }
    public int HighRiskWithoutPlan { get; set; }
    public int ReviewDue { get; set; }
}

/// <summary>Builds the <see cref="QueueFlags"/> projection by inlining each queue's predicate into one expression.</summary>
internal static class QueueCountsProjection
{
    public static Expression<Func<AsbCase, QueueFlags>> Build(
        Expression<Func<AsbCase, bool>> awaitingAssessment,
        Expression<Func<AsbCase, bool>> highRiskWithoutPlan,
        Expression<Func<AsbCase, bool>> reviewDue)
    {
        var c = Expression.Parameter(typeof(AsbCase), "c");
        MemberAssignment Flag(string name, Expression<Func<AsbCase, bool>> predicate) =>
            Expression.Bind(typeof(QueueFlags).GetProperty(name)!, Expression.Condition(
                new ParameterSwap(predicate.Parameters[0], c).Visit(predicate.Body), Expression.Constant(1), Expression.Constant(0)));

        var body = Expression.MemberInit(Expression.New(typeof(QueueFlags)),
            Expression.Bind(typeof(QueueFlags).GetProperty(nameof(QueueFlags.AreaId))!, Expression.Property(c, nameof(AsbCase.AreaId))),
            Flag(nameof(QueueFlags.AwaitingAssessment), awaitingAssessment),
            Flag(nameof(QueueFlags.HighRiskWithoutPlan), highRiskWithoutPlan),
            Flag(nameof(QueueFlags.ReviewDue), reviewDue));
        return Expression.Lambda<Func<AsbCase, QueueFlags>>(body, c);
    }

    private sealed class ParameterSwap(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
