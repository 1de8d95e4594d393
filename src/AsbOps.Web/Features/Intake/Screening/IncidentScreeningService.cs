using AsbOps.Domain.Cases;
using AsbOps.Domain.Compliance;
using AsbOps.Domain.Incidents;
using AsbOps.Domain.Risk;
using AsbOps.Web.Components.Shared;
using AsbOps.Web.Data;
using AsbOps.Web.Data.Auditing;
using AsbOps.Web.Features.Intake.Repeat;
using AsbOps.Web.Live;
using AsbOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.Intake.Screening;

/// <summary>
/// Records the VICTOR-E screening of an incident and, when it is case managed, links it to an open case or opens a
/// new one — the screening, the new case and the link in one transaction. A second screening is refused.
/// </summary>
public sealed class IncidentScreeningService(
    IDbContextFactory<AsbOpsDbContext> dbFactory,
    OpsNotifier notifier,
    RepeatThresholds thresholds,
    TimeProvider clock)
{
    /// <summary>Two officers may take the same case reference at once (PostgreSQL); the unique index sends one round again.</summary>
    private const int ReferenceAttempts = 5;

    /// <summary>Null when the incident does not exist or the user may not see it.</summary>
    public async Task<ScreeningContext?> GetContextAsync(UserScope scope, long incidentId, CancellationToken cancellationToken = default)
    {
        if (scope.IsPartner)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var incident = await VisibleIncidents(db, scope).AsNoTracking().Include(i => i.Screening)
            .SingleOrDefaultAsync(i => i.Id == incidentId, cancellationToken);
        if (incident is null)
        {
            return null;
        }

        var mayScreen = Roles.HandlesIncidents(scope.Role) && incident.Screening is null;
        return new ScreeningContext(mayScreen, mayScreen ? await CaseSuggester.SuggestAsync(db, scope, incident, cancellationToken) : []);
    }

    public async Task<ScreeningOutcome> ScreenAsync(UserScope scope, long incidentId, ScreeningInput input, CancellationToken cancellationToken = default)
    {
        if (!Roles.HandlesIncidents(scope.Role))
        {
            throw new UnauthorizedAccessException("Only officers, sergeants, inspectors and administrators screen incidents.");
        }

        if (input.NotesError() is { } notesError)
        {
            return new ScreeningOutcome(ScreeningStatus.Invalid, Message: $"Notes: {notesError}");
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryScreenAsync(scope, incidentId, input, cancellationToken);
            }
            catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
            {
                // Either the incident was screened meanwhile (unique IncidentId) or a case reference was taken.
                if (await IsScreenedAsync(incidentId, cancellationToken))
                {
                    return AlreadyScreened();
                }

                if (attempt == ReferenceAttempts)
                {
                    throw;
                }
            }
            catch (DbUpdateConcurrencyException)
            {
                return await IsScreenedAsync(incidentId, cancellationToken)
                    ? AlreadyScreened()
                    : new ScreeningOutcome(ScreeningStatus.Conflict, Message: "The incident changed while you were screening it. Reload the page and screen it again.");
            }
        }
    }

    private async Task<ScreeningOutcome> TryScreenAsync(UserScope scope, long incidentId, ScreeningInput input, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditActor = new AuditActor(scope.UserId, scope.UserName);
        db.Clock = clock;

        // On SQLite this takes the write lock first, so two officers opening cases at once queue for the next reference.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var incident = await VisibleIncidents(db, scope).Include(i => i.Screening).SingleOrDefaultAsync(i => i.Id == incidentId, cancellationToken);
        if (incident is null)
        {
            return new ScreeningOutcome(ScreeningStatus.NotFound, Message: "There is no incident with this number that you can screen.");
        }

        if (incident.Screening is not null)
        {
            return AlreadyScreened();
        }

        var screening = input.ToScreening(incident.Id, scope.UserId, now);
        db.Screenings.Add(screening);
        AsbCase? asbCase = null;
        var opened = false;
        if (screening.ShouldBeCaseManaged)
        {
            if (input.LinkToCaseId is { } caseId)
            {
                asbCase = await db.Cases.SingleOrDefaultAsync(
                    c => c.Id == caseId && c.Status != CaseStatus.Closed && (scope.RestrictedAreaId == null || c.AreaId == scope.RestrictedAreaId),
                    cancellationToken);
                if (asbCase is null)
                {
                    return new ScreeningOutcome(ScreeningStatus.CaseUnavailable,
                        Message: "That case is closed or not one you can link to. Choose another case or open a new one.");
                }
            }
            else
            {
                asbCase = await NewCaseAsync(db, incident, scope, now, cancellationToken);
                db.Cases.Add(asbCase);
                opened = true;
            }

            asbCase.Incidents.Add(incident);
            await CaseReviewTrigger.ApplyAsync(db, asbCase, incident, thresholds, cancellationToken);
        }

        var areaCode = await db.Areas.Where(a => a.Id == incident.AreaId).Select(a => a.Code).SingleAsync(cancellationToken);
        // An incident may be linked to a case of another area: the case's change is that area's (its live counters).
        var caseAreaCode = asbCase is null || asbCase.AreaId == incident.AreaId
            ? areaCode
            : await db.Areas.Where(a => a.Id == asbCase.AreaId).Select(a => a.Code).SingleAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        notifier.Publish(new OpsChange(OpsChangeKind.IncidentScreened, areaCode, asbCase?.Reference, now));
        if (asbCase is not null)
        {
            notifier.Publish(new OpsChange(OpsChangeKind.CaseChanged, caseAreaCode, asbCase.Reference, now));
        }

        return new ScreeningOutcome(ScreeningStatus.Screened, asbCase?.Reference, opened);
    }

    private static async Task<AsbCase> NewCaseAsync(AsbOpsDbContext db, Incident incident, UserScope scope, DateTime now, CancellationToken cancellationToken)
    {
        var year = UkTime.ToLocal(now).Year;
        var prefix = CaseReference.YearPrefix(year);
        var highest = await db.Cases.Where(c => c.Reference.StartsWith(prefix))
            .OrderByDescending(c => c.Reference).Select(c => c.Reference).FirstOrDefaultAsync(cancellationToken);
        return new AsbCase
        {
            Reference = CaseReference.NextAfter(year, highest).ToString(),
            AreaId = incident.AreaId,
            Category = incident.Category,
            LeadOfficerId = scope.UserId,
            OpenedAt = now,
            Address = incident.Address,
            Postcode = incident.Postcode,
            Summary = incident.Description,
            // Not yet assessed: reviewed on the low-risk cadence until an assessment sets the level.
            NextReviewDue = new ReviewCadence().NextReviewDue(now, RiskLevel.NotAssessed),
        };
    }

    private async Task<bool> IsScreenedAsync(long incidentId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Screenings.AnyAsync(s => s.IncidentId == incidentId, cancellationToken);
    }

    private static IQueryable<Incident> VisibleIncidents(AsbOpsDbContext db, UserScope scope) =>
        db.Incidents.Where(i => scope.RestrictedAreaId == null || i.AreaId == scope.RestrictedAreaId);

    private static ScreeningOutcome AlreadyScreened() =>
        new(ScreeningStatus.AlreadyScreened, Message: "This incident has already been screened (perhaps by a colleague just now). Its screening is shown below.");
}
