using System.Linq.Expressions;
using AsbOps.Domain.Cases;

namespace AsbOps.Web.Features.Dashboard;

/// <summary>
/// <c>g => new[] { g.Sum(c => c.VictimsNotAssessed), … }</c>: the sum over a group of cases of each stored role × level
/// count, in the order of <see cref="CaseStanding.PeopleCounts"/>, built from that list so that the two cannot drift.
/// </summary>
internal static class StoredPeopleSums
{
    public static Expression<Func<IGrouping<int, AsbCase>, int[]>> Sums { get; } = Build();

    private static Expression<Func<IGrouping<int, AsbCase>, int[]>> Build()
    {
        var group = Expression.Parameter(typeof(IGrouping<int, AsbCase>), "g");
        var sums = CaseStanding.PeopleCounts.Select(count =>
            Expression.Call(typeof(Enumerable), nameof(Enumerable.Sum), [typeof(AsbCase)], group, count.Stored));
        return Expression.Lambda<Func<IGrouping<int, AsbCase>, int[]>>(Expression.NewArrayInit(typeof(int), sums), group);
    }
}
