using AsbOps.Domain.Cases;
using AsbOps.Domain.Incidents;
using AsbOps.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.Intake.Repeat;

/// <summary>
/// Raises the ASB Case Review (community trigger) flag on a case when the incident just linked makes the same problem
/// reported the threshold number of times within the window. Runs inside the caller's transaction; the change is
/// audited by the context and the caller publishes CaseChanged after commit.
/// </summary>
public static class CaseReviewTrigger
{
    /// <summary>True when the flag was raised now (it is never lowered here).</summary>
    public static async Task<bool> ApplyAsync(
        AsbOpsDbContext db, AsbCase asbCase, Incident linked, RepeatThresholds thresholds, CancellationToken cancellationToken)
    {
        if (asbCase.CommunityTrigger || asbCase.Id == 0)
        {
            // Already raised, or a case opened by this incident: it has one report.
            return false;
        }

        var from = linked.ReceivedAt - thresholds.Window;
        var to = linked.ReceivedAt + thresholds.Window;
        var earlier = await db.Incidents.AsNoTracking()
            .Where(i => i.CaseId == asbCase.Id && i.Id != linked.Id && i.ReceivedAt >= from && i.ReceivedAt <= to)
            .Select(i => i.ReceivedAt)
            .ToListAsync(cancellationToken);
        if (!thresholds.MeetsCaseReviewThreshold(linked.ReceivedAt, earlier.Append(linked.ReceivedAt)))
        {
            return false;
        }

        asbCase.CommunityTrigger = true;
        return true;
    }
}
