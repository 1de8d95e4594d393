using System.Linq.Expressions;

namespace AsbOps.Web.Data;

/// <summary>
/// Composes query predicates as expressions, so EF still translates them to SQL: a predicate negated, or a lambda's
/// body inlined into a larger expression over another parameter (one projection built from many rules), two joined.
/// </summary>
internal static class QueryExpressions
{
    public static Expression<Func<T, bool>> Not<T>(Expression<Func<T, bool>> predicate) =>
        Expression.Lambda<Func<T, bool>>(Expression.Not(predicate.Body), predicate.Parameters);

    public static Expression<Func<T, bool>> And<T>(Expression<Func<T, bool>> left, Expression<Func<T, bool>> right) =>
        Expression.Lambda<Func<T, bool>>(Expression.AndAlso(left.Body, Inline(right, left.Parameters[0])), left.Parameters);

    public static Expression<Func<T, bool>> Or<T>(Expression<Func<T, bool>> left, Expression<Func<T, bool>> right) =>
        Expression.Lambda<Func<T, bool>>(Expression.OrElse(left.Body, Inline(right, left.Parameters[0])), left.Parameters);

    /// <summary>The lambda's body with its parameter replaced by <paramref name="parameter"/>.</summary>
    public static Expression Inline<T, TResult>(Expression<Func<T, TResult>> lambda, ParameterExpression parameter) =>
        new ParameterSwap(lambda.Parameters[0], parameter).Visit(lambda.Body);

    private sealed class ParameterSwap(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
