using AsbOps.Domain.Cases;
using AsbOps.Web.Components.Shared;
using AsbOps.Web.Data;
using AsbOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.CaseReviews;

/// <summary>Edits to an application after it is logged: the date of the behaviour per report relied on, and the case it is about.</summary>
public sealed partial class CaseReviewSteps : ICaseReviewLaterEdits
{
    public Task<CommandResult> SetBehaviourDateAsync(UserScope user, long id, int version, BehaviourDateInput input,
        CancellationToken cancellationToken = default) =>
        RunAsync(user, id, version, decides: false, null, async (db, a) =>
        {
            var relied = await db.CaseReviewReliedReports.Where(r => r.ApplicationId == a.Id).ToListAsync(cancellationToken);
            var ids = relied.Select(r => r.IncidentId).ToList();
            var reported = await db.Incidents.AsNoTracking().Where(i => ids.Contains(i.Id))
                .Select(i => new { i.Id, i.ReceivedAt }).ToListAsync(cancellationToken);
            var errors = LaterEditRules.BehaviourDate(input, reported.ToDictionary(r => r.Id, r => UkTime.Today(r.ReceivedAt)), Today);
            if (errors.Count > 0)
            {
                throw new StepInvalid(errors);
            }

            foreach (var report in relied.Where(r => r.IncidentId == input.IncidentId))
            {
                report.BehaviourOn = input.On.Day();
            }

            Touch(db, a);
            return null;
        }, cancellationToken);

    public Task<CommandResult> LinkCaseAsync(UserScope user, long id, int version, CaseLinkInput input, CancellationToken cancellationToken = default) =>
        RunAsync(user, id, version, decides: false, LaterEditRules.CaseLink(input), async (db, a) =>
        {
            CaseReference.TryParse(input.CaseRef!.Trim(), out var parsed);
            var reference = parsed.ToString();
            var found = await db.Cases.AsNoTracking().VisibleTo(db, user).Where(c => c.Reference == reference)
                .Select(c => new { c.Id, c.AreaId }).FirstOrDefaultAsync(cancellationToken);
            if (found is null || found.AreaId != a.AreaId)
            {
                throw new StepInvalid(new Dictionary<string, string> { [nameof(input.CaseRef)] = $"No case {reference} in this application's area." });
            }

            if (found.Id == a.CaseId)
            {
                return $"The application is already linked to {reference}.";
            }

            // Recommendations are actions on the linked case's plan: moving the application would leave them behind.
            if (a.CaseId is not null && await db.CaseReviewRecommendations.AnyAsync(r => r.ApplicationId == a.Id, cancellationToken))
            {
                return "The review's recommendations are on the linked case's action plan, so the link can no longer change.";
            }

            a.CaseId = found.Id;
            return null;
        }, cancellationToken);

    /// <summary>Marks the application changed when only a child row changed, so its Version is checked and bumped.</summary>
    private static void Touch(AsbOpsDbContext db, Domain.CaseReviews.CaseReviewApplication application) =>
        db.Entry(application).Property(a => a.Version).IsModified = true;
}
