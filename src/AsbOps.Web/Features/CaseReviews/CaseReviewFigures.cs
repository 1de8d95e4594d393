using AsbOps.Web.Components.Shared;
using AsbOps.Web.Data;
using AsbOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.CaseReviews;

/// <summary>
/// The figures a force publishes for a period (both days included, UK dates): applications received in it, decisions
/// in it that the threshold was not met, review meetings held in it, and those of them that made recommendations.
/// Counted within the caller's scope (a machine client and force-wide roles: the force).
/// </summary>
public sealed class CaseReviewFigures(IDbContextFactory<AsbOpsDbContext> dbFactory)
{
    public async Task<CaseReviewStatistics> CountAsync(UserScope user, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var fromUtc = UkTime.ToUtc(from.ToDateTime(TimeOnly.MinValue));
        var toUtc = UkTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var visible = db.CaseReviewApplications.AsNoTracking().VisibleTo(user);
        var applications = await visible.CountAsync(a => a.ReceivedAt >= fromUtc && a.ReceivedAt < toUtc, cancellationToken);
        var notMet = await visible.CountAsync(a => a.ThresholdMet == false && a.DecidedOn >= from && a.DecidedOn <= to, cancellationToken);
        var reviews = visible.Where(a => a.ReviewHeldOn >= from && a.ReviewHeldOn <= to);
        var held = await reviews.CountAsync(cancellationToken);
        var withRecommendations = await reviews.CountAsync(a => db.CaseReviewRecommendations.Any(r => r.ApplicationId == a.Id), cancellationToken);
        return new CaseReviewStatistics(applications, notMet, held, withRecommendations);
    }
}
