using AsbOps.Domain.Cases;
using AsbOps.Domain.Risk;

namespace AsbOps.Domain.ActionPlans;

/// <summary>The high-risk procedure's demand for a plan: an open high-risk case without one needs it within the hours.</summary>
public static class ActionPlanDeadline
{
    public static DateTime? DueBy(CaseStatus status, RiskLevel level, DateTime? highRiskSince, bool hasPlan, int hours) =>
        status != CaseStatus.Closed && level == RiskLevel.High && !hasPlan && highRiskSince is { } since
            ? since.AddHours(hours)
            : null;
}
