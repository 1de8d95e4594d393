using AsbOps.Domain.CaseReviews;
using AsbOps.Web.Components.Shared;
using AsbOps.Web.Data;
using AsbOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.CaseReviews;

/// <summary>Reads applications for the list and the application page, within the caller's scope.</summary>
public sealed class CaseReviewQueries(IDbContextFactory<AsbOpsDbContext> dbFactory, CaseReviewOptions options, TimeProvider clock)
{
    public const int MaxListRows = 500;

    public async Task<IReadOnlyList<AreaOption>> AreasAsync(UserScope user, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var restricted = user.RestrictedAreaId;
        return await db.Areas.AsNoTracking().Where(a => a.RetiredAt == null && (restricted == null || a.Id == restricted))
            .OrderBy(a => a.Code).Select(a => new AreaOption(a.Id, a.Code, a.Name)).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<CaseReviewListRow>> ListAsync(UserScope user, CaseReviewFilter filter, CancellationToken cancellationToken = default)
    {
        var today = UkTime.Today(clock.GetUtcNow().UtcDateTime);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.CaseReviewApplications.AsNoTracking().VisibleTo(user);
        if (filter.AreaId is { } areaId)
        {
            query = query.Where(a => a.AreaId == areaId);
        }

        if (filter.OverdueOnly)
        {
            query = query.Where(a => a.NextStepDueOn != null && a.NextStepDueOn < today);
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim().ToLower();
            query = query.Where(a => a.Reference.ToLower().Contains(text) || a.ApplicantName.ToLower().Contains(text)
                || (a.OnBehalfOf != null && a.OnBehalfOf.ToLower().Contains(text))
                || db.Cases.Any(c => c.Id == a.CaseId && c.Reference.ToLower().Contains(text)));
        }

        var rows = await query
            .OrderByDescending(a => a.NextStepDueOn != null).ThenBy(a => a.NextStepDueOn).ThenByDescending(a => a.ReceivedAt)
            .Take(MaxListRows)
            .Select(a => new
            {
                Application = a,
                AreaCode = db.Areas.Where(x => x.Id == a.AreaId).Select(x => x.Code).First(),
                CaseRef = db.Cases.Where(c => c.Id == a.CaseId).Select(c => c.Reference).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var list = rows.Select(r =>
        {
            var next = options.Clock.NextStep(r.Application.Progress());
            return new CaseReviewListRow(r.Application.Reference, r.AreaCode, r.CaseRef, r.Application.ApplicantName, r.Application.ApplicantKind,
                r.Application.ReceivedAt, r.Application.Stage, next?.Step, next?.DueOn, next is null ? null : options.Clock.State(next, today));
        });
        return filter.Stage is { } stage ? list.Where(r => r.Stage == stage).ToList() : list.ToList();
    }

    public async Task<CaseReviewDetail?> GetAsync(UserScope user, string? reference, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            return null;
        }

        var today = UkTime.Today(clock.GetUtcNow().UtcDateTime);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var application = await db.CaseReviewApplications.AsNoTracking().VisibleTo(user).Include(a => a.ReliedOn)
            .FirstOrDefaultAsync(a => a.Reference == reference.Trim().ToUpper(), cancellationToken);
        if (application is null)
        {
            return null;
        }

        var area = await db.Areas.AsNoTracking().FirstAsync(a => a.Id == application.AreaId, cancellationToken);
        var @case = application.CaseId is { } caseId
            ? await db.Cases.AsNoTracking().Where(c => c.Id == caseId)
                .Select(c => new { c.Reference, c.Address, c.Summary, LeadOfficer = db.Users.Where(u => u.Id == c.LeadOfficerId).Select(u => u.DisplayName).FirstOrDefault() })
                .FirstOrDefaultAsync(cancellationToken)
            : null;
        var threshold = await ThresholdReader.CheckAsync(db, application, options.Settings.Threshold, cancellationToken);
        var recommendations = await (from r in db.CaseReviewRecommendations.AsNoTracking()
                                     where r.ApplicationId == application.Id
                                     join a in db.ActionItems on r.ActionItemId equals a.Id
                                     orderby a.DueDate, a.Id
                                     select new RecommendationView(a.Id, a.Description, a.OwnerName, a.DueDate, a.Status, a.Type))
            .ToListAsync(cancellationToken);
        var owner = application.OwnerUserId is { } ownerId
            ? await db.Users.Where(u => u.Id == ownerId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken)
            : null;
        var canEdit = CaseReviewAccess.CanEdit(user);
        var steps = options.Clock.Steps(application.Progress())
            .Select(s => new StepView(s.Step, s.DueOn, s.DoneOn, options.Clock.State(s, today), options.Clock.ReminderDay(s)))
            .ToList();
        return new CaseReviewDetail
        {
            Id = application.Id,
            Reference = application.Reference,
            Version = application.Version,
            AreaCode = area.Code,
            AreaName = area.Name,
            CaseRef = @case?.Reference,
            ApplicantReference = application.ApplicantReference,
            ApplicantKind = application.ApplicantKind,
            ApplicantName = application.ApplicantName,
            OnBehalfOf = application.OnBehalfOf,
            ReceivedVia = application.ReceivedVia,
            ReceivedAt = application.ReceivedAt,
            ContactPhone = application.ContactPhone,
            ContactEmail = application.ContactEmail,
            ContactAddress = application.ContactAddress,
            Category = application.Category,
            Postcode = application.Postcode,
            Account = application.Account,
            OwnerName = owner,
            Stage = application.Stage,
            AcknowledgedOn = application.AcknowledgedOn,
            DecidedOn = application.DecidedOn,
            ThresholdMet = application.ThresholdMet,
            DecisionReason = application.DecisionReason,
            ReviewHeldOn = application.ReviewHeldOn,
            AgenciesPresent = application.AgenciesPresent,
            ReviewSummary = application.ReviewSummary,
            OutcomeLetter = application.OutcomeLetter,
            OutcomeToldOn = application.OutcomeToldOn,
            AppealBy = application.AppealBy,
            AppealReceivedOn = application.AppealReceivedOn,
            AppealOutcome = application.AppealOutcome,
            AppealDecidedOn = application.AppealDecidedOn,
            Threshold = threshold,
            Steps = steps,
            Recommendations = recommendations,
            Owners = canEdit ? await OwnersAsync(db, application.AreaId, cancellationToken) : [],
            LetterDraft = application.OutcomeLetter ?? OutcomeLetter.Fill(application, area.Name, @case?.Reference, @case?.Address, recommendations, owner, today),
            CanEdit = canEdit,
            CanDecide = CaseReviewAccess.CanDecide(user),
        };
    }

    /// <summary>The area's officers, sergeants and inspectors, who may own a recommendation.</summary>
    internal static async Task<List<OwnerOption>> OwnersAsync(AsbOpsDbContext db, int areaId, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking()
            .Where(u => u.AreaId == areaId && (u.PrimaryRole == Roles.Officer || u.PrimaryRole == Roles.Sergeant || u.PrimaryRole == Roles.Inspector))
            .OrderBy(u => u.DisplayName)
            .Select(u => new OwnerOption(u.Id, u.DisplayName))
            .ToListAsync(cancellationToken);
}
