using System.Linq.Expressions;
using AsbOps.Domain.Risk;

namespace AsbOps.Domain.Cases;

/// <summary>
/// One role × risk level count stored on each case (<see cref="CaseStanding.PeopleCounts"/>): the property that holds
/// it and what it counts (<see cref="CaseStanding.PeopleAt"/>).
/// </summary>
public sealed record StoredPeopleCount(PersonRole Role, RiskLevel Level, Expression<Func<AsbCase, int>> Stored)
{
    /// <summary>The case's people in <see cref="Role"/> at <see cref="Level"/>, worked out from its rows.</summary>
    public Expression<Func<AsbCase, int>> Actual => CaseStanding.PeopleAt(Role, Level);
}
