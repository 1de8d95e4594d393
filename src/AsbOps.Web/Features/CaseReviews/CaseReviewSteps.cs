using AsbOps.Domain.ActionPlans;
using AsbOps.Domain.CaseReviews;
using AsbOps.Web.Components.Shared;
using AsbOps.Web.Data;
using AsbOps.Web.Data.Auditing;
using AsbOps.Web.Live;
using AsbOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.CaseReviews;

/// <summary>
/// The steps of an application after it is logged. Every command opens its own context, checks the caller may act on
/// the application, validates on the server, refuses a step out of order, carries the Version it was read at (a stale
/// one is a conflict, never saved over), keeps the stored clock, saves once (audited) and publishes after the commit.
/// </summary>
public sealed partial class CaseReviewSteps(
    IDbContextFactory<AsbOpsDbContext> dbFactory, CaseReviewOptions options, OpsNotifier notifier, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private DateOnly Today => UkTime.Today(Now);

    public Task<CommandResult> OverrideAsync(UserScope user, long id, int version, OverrideInput input, CancellationToken cancellationToken = default) =>
        RunAsync(user, id, version, decides: true, StepRules.Override(input), (_, a) =>
        {
            a.ThresholdOverride = input.Met;
            a.OverrideReason = input.Reason!.Trim();
            a.OverriddenByUserId = user.UserId;
            a.OverriddenAt = Now;
            return Task.FromResult<string?>(null);
        }, cancellationToken);

    public Task<CommandResult> AcknowledgeAsync(UserScope user, long id, int version, AcknowledgeInput input, CancellationToken cancellationToken = default) =>
        RunAsync(user, id, version, decides: false, null, (_, a) =>
        {
            var errors = StepRules.Acknowledge(input, DateOnly.FromDateTime(a.ReceivedAt), Today);
            if (errors.Count > 0)
            {
                throw new StepInvalid(errors);
            }

            a.AcknowledgedOn = input.On.Day();
            return Task.FromResult<string?>(null);
        }, cancellationToken);

    public Task<CommandResult> DecideAsync(UserScope user, long id, int version, DecisionInput input, CancellationToken cancellationToken = default) =>
        RunAsync(user, id, version, decides: true, null, (_, a) =>
        {
            if (a.DecidedOn is not null)
            {
                return Task.FromResult<string?>("The decision is already recorded.");
            }

            var errors = StepRules.Decision(input, DateOnly.FromDateTime(a.ReceivedAt), Today);
            if (errors.Count > 0)
            {
                throw new StepInvalid(errors);
            }

            // Deciding is acknowledging at the latest.
            a.AcknowledgedOn ??= input.On.Day();
            a.DecidedOn = input.On.Day();
            a.ThresholdMet = input.Met;
            a.DecisionReason = input.Reason!.Trim();
            return Task.FromResult<string?>(null);
        }, cancellationToken);

    public Task<CommandResult> RecordMeetingAsync(UserScope user, long id, int version, MeetingInput input, CancellationToken cancellationToken = default) =>
        RunAsync(user, id, version, decides: false, null, (_, a) =>
        {
            if (a.ThresholdMet != true || a.DecidedOn is not { } decided)
            {
                return Task.FromResult<string?>("A review meeting follows a decision that the threshold is met.");
            }

            var errors = StepRules.Meeting(input, decided, Today);
            if (errors.Count > 0)
            {
                throw new StepInvalid(errors);
            }

            a.ReviewHeldOn = input.HeldOn.Day();
            a.AgenciesPresent = input.AgenciesPresent!.Trim();
            a.ReviewSummary = input.Summary!.Trim();
            return Task.FromResult<string?>(null);
        }, cancellationToken);

    public Task<CommandResult> AddRecommendationAsync(UserScope user, long id, int version, RecommendationInput input, CancellationToken cancellationToken = default) =>
        RunAsync(user, id, version, decides: false, null, async (db, a) =>
        {
            if (a.ReviewHeldOn is null)
            {
                return "Record the review meeting before its recommendations.";
            }

            if (a.CaseId is not { } caseId)
            {
                return "Link the application to a case first: recommendations go on the case's action plan.";
            }

            var owners = await CaseReviewQueries.OwnersAsync(db, a.AreaId, cancellationToken);
            var errors = StepRules.Recommendation(input, Today, owners.Select(o => o.UserId).ToList());
            if (errors.Count > 0)
            {
                throw new StepInvalid(errors);
            }

            var item = await CaseActionPlans.AddActionAsync(db, caseId, $"ASB Case Review {a.Reference}: carry out the review's recommendations.",
                user.UserId, Now, new ActionItem
                {
                    Type = input.Type!.Value,
                    Description = $"Case review {a.Reference}: {input.Description!.Trim()}",
                    OwnerUserId = input.OwnerUserId,
                    OwnerName = owners.First(o => o.UserId == input.OwnerUserId).Name,
                    DueDate = input.DueDate.Day()!.Value,
                }, cancellationToken);
            db.CaseReviewRecommendations.Add(new CaseReviewRecommendation { ApplicationId = a.Id, ActionItem = item });
            // The application's row changes too, so that a concurrent edit of it is seen.
            db.Entry(a).Property(x => x.Version).IsModified = true;
            return null;
        }, cancellationToken);

    public Task<CommandResult> SaveLetterAsync(UserScope user, long id, int version, LetterInput input, bool send, CancellationToken cancellationToken = default) =>
        RunAsync(user, id, version, decides: false, null, (_, a) =>
        {
            if (a.DecidedOn is not { } decided)
            {
                return Task.FromResult<string?>("The outcome letter follows the decision.");
            }

            if (a.OutcomeToldOn is not null)
            {
                return Task.FromResult<string?>("The outcome letter was already sent.");
            }

            if (send && a.ThresholdMet == true && a.ReviewHeldOn is null)
            {
                return Task.FromResult<string?>("Record the review meeting before sending the outcome.");
            }

            var errors = StepRules.Letter(input, send, a.ReviewHeldOn ?? decided, Today);
            if (errors.Count > 0)
            {
                throw new StepInvalid(errors);
            }

            a.OutcomeLetter = input.Text!.Trim();
            if (send)
            {
                a.OutcomeToldOn = input.SentOn.Day();
            }

            return Task.FromResult<string?>(null);
        }, cancellationToken);

    public Task<CommandResult> RecordAppealAsync(UserScope user, long id, int version, AppealInput input, CancellationToken cancellationToken = default) =>
        RunAsync(user, id, version, decides: false, null, (_, a) =>
        {
            if (a.DecidedOn is not { } decided)
            {
                return Task.FromResult<string?>("An appeal follows the decision.");
            }

            var errors = StepRules.Appeal(input, decided, Today);
            if (errors.Count > 0)
            {
                throw new StepInvalid(errors);
            }

            a.AppealBy = input.By!.Trim();
            a.AppealReceivedOn = input.ReceivedOn.Day();
            a.AppealOutcome = string.IsNullOrWhiteSpace(input.Outcome) ? null : input.Outcome.Trim();
            a.AppealDecidedOn = input.DecidedOn.Day();
            return Task.FromResult<string?>(null);
        }, cancellationToken);

    private async Task<CommandResult> RunAsync(
        UserScope user, long id, int version, bool decides, Dictionary<string, string>? errors,
        Func<AsbOpsDbContext, CaseReviewApplication, Task<string?>> apply, CancellationToken cancellationToken)
    {
        if (!(decides ? CaseReviewAccess.CanDecide(user) : CaseReviewAccess.CanEdit(user)))
        {
            return CommandResult.Refused(decides
                ? "Only the area's sergeant or inspector (or an admin) may override the check or decide."
                : "Only the area's officers, sergeant and inspector (or an admin) may change an application.");
        }

        if (errors is { Count: > 0 })
        {
            return CommandResult.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditActor = new AuditActor(user.UserId, user.UserName);
        db.Clock = clock;
        var application = await db.CaseReviewApplications.VisibleTo(user).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application is null)
        {
            return CommandResult.NotFound();
        }

        db.Entry(application).Property(a => a.Version).OriginalValue = version;
        try
        {
            if (await apply(db, application) is { } refusal)
            {
                return CommandResult.Refused(refusal);
            }
        }
        catch (StepInvalid invalid)
        {
            return CommandResult.Invalid(invalid.Errors);
        }

        application.RefreshClock(options.Clock);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Conflict();
        }

        var area = await db.Areas.AsNoTracking().Where(a => a.Id == application.AreaId).Select(a => a.Code).FirstAsync(cancellationToken);
        var caseRef = application.CaseId is { } caseId
            ? await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => c.Reference).FirstOrDefaultAsync(cancellationToken)
            : null;
        notifier.Publish(new OpsChange(OpsChangeKind.CaseChanged, area, caseRef, Now));
        return CommandResult.Saved(application.Id);
    }

    private sealed class StepInvalid(Dictionary<string, string> errors) : Exception
    {
        public Dictionary<string, string> Errors { get; } = errors;
    }
}
