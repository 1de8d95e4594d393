using System.Linq.Expressions;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Risk;

namespace AsbOps.Domain.CaseRecord;

/// <summary>
/// How often a victim is contacted and when a contact is overdue. The default follows risk: high weekly, medium
/// fortnightly, low (and not yet assessed) monthly. A victim without a plan is due one interval after being added.
/// </summary>
public static class ContactSchedule
{
    public const int Weekly = 7;
    public const int Fortnightly = 14;
    public const int Monthly = 28;

    public const int MinFrequencyDays = 1;
    public const int MaxFrequencyDays = 90;

    public static int DefaultFrequencyDays(RiskLevel level) => level switch
    {
        RiskLevel.High => Weekly,
        RiskLevel.Medium => Fortnightly,
        _ => Monthly,
    };

    public static int FrequencyDays(int? agreed, RiskLevel level) => agreed ?? DefaultFrequencyDays(level);

    /// <summary>Whether a contact is overdue: its due moment has passed.</summary>
    public static bool IsOverdue(DateTime due, DateTime now) => due < now;

    /// <summary>
    /// Victims whose next contact is overdue at <paramref name="now"/>, as a filter on case participants: a planned
    /// victim by the plan's due date, an unplanned one by when they were added against the default for their level
    /// (the cut-offs are worked out here, so the database compares stored times only and can use its indexes).
    /// </summary>
    public static Expression<Func<CaseParticipant, bool>> OverdueVictim(IQueryable<VictimContactPlan> plans, DateTime now)
    {
        var high = now.AddDays(-Weekly);
        var medium = now.AddDays(-Fortnightly);
        var other = now.AddDays(-Monthly);
        return p => p.Role == PersonRole.Victim
            && (plans.Any(x => x.CaseParticipantId == p.Id)
                ? plans.Any(x => x.CaseParticipantId == p.Id && x.NextContactDue < now)
                : (p.RiskLevel == RiskLevel.High ? p.AddedAt < high : p.RiskLevel == RiskLevel.Medium ? p.AddedAt < medium : p.AddedAt < other));
    }
}
