using System.Globalization;
using System.Text.Json;
using AsbOps.Domain.Audit;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Retention;
using AsbOps.Web.Data;
using AsbOps.Web.Features.CaseRecord.Files;
using AsbOps.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Features.Retention;

/// <summary>
/// Disposes of one closed case's personal data, in one transaction, keeping an anonymised record of what metrics and
/// compliance history count: the case row (area, category, dates, status, levels), its assessments and answers (levels,
/// question keys, values), its people's roles and risk levels (each person replaced by an empty record), incident and
/// referral rows, markers, reminders and findings. Removed: the people who are on no other case (and records merged into
/// them), every free text field of the case and its rows, its notes, victim contacts and files (rows and contents on
/// disk), its alerts and e-mails, and the before → after values of its audit entries (who did what, when stays). The
/// disposal's own save is written without the change tracker's audit, which would copy the removed values into the
/// trail; one audit entry records who disposed of the case and why instead.
/// </summary>
public sealed class CaseDisposal(IOptions<FilesOptions> files, IHostEnvironment environment, TimeProvider clock, ILogger<CaseDisposal> logger)
{
    public const string Removed = "(removed on disposal)";
    public const string AuditEntityType = "RetentionDisposal";

    public async Task<CommandResult> DisposeAsync(AsbOpsDbContext db, AsbCase @case, UserScope user, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var caseId = @case.Id;
        db.AuditEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // The concurrency check first: a second disposal or decision from a stale page stops here.
        @case.DisposedAt = now;
        @case.RetentionReviewDue = null;
        @case.Address = "";
        @case.Postcode = "";
        @case.Summary = Removed;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Conflict();
        }

        var people = await ReplacePeopleAsync(db, caseId, cancellationToken);

        // The stand-ins went in by bulk update, past the context's save: the case's search text still names its people.
        await CaseSearchTextRefresh.RefreshAsync(db, [caseId], cancellationToken);
        var scrubbed = await ScrubRowsAsync(db, caseId, cancellationToken);
        var storedFiles = await db.CaseFiles.Where(f => f.CaseId == caseId).Select(f => f.StoredName).ToListAsync(cancellationToken);
        await db.CaseNotes.Where(n => n.CaseId == caseId && n.CorrectsNoteId != null).ExecuteDeleteAsync(cancellationToken);
        await db.CaseNotes.Where(n => n.CaseId == caseId).ExecuteDeleteAsync(cancellationToken);
        await db.VictimContacts.Where(c => c.CaseId == caseId).ExecuteDeleteAsync(cancellationToken);
        await db.VictimContactPlans.Where(c => c.CaseId == caseId).ExecuteDeleteAsync(cancellationToken);
        await db.CaseFiles.Where(f => f.CaseId == caseId).ExecuteDeleteAsync(cancellationToken);
        await db.Alerts.Where(a => a.CaseId == caseId).ExecuteDeleteAsync(cancellationToken);
        await db.Outbox.Where(m => m.CaseId == caseId).ExecuteDeleteAsync(cancellationToken);
        await db.ComplianceFindings.Where(f => f.CaseId == caseId).ExecuteUpdateAsync(s => s.SetProperty(f => f.Detail, Removed), cancellationToken);

        // The audit trail keeps who did what and when; the values it recorded are the case's personal data.
        var personIds = people.Removed.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToList();
        await db.AuditEntries
            .Where(e => e.CaseId == caseId
                || (e.EntityType == nameof(Person) && personIds.Contains(e.EntityId))
                || (e.EntityType == "Incident" && scrubbed.Incidents.Contains(e.EntityId))
                || (e.EntityType == "VictorEScreening" && scrubbed.Screenings.Contains(e.EntityId))
                || (e.EntityType == "AssessmentAnswer" && scrubbed.Answers.Contains(e.EntityId))
                || (e.EntityType == "ActionItem" && scrubbed.ActionItems.Contains(e.EntityId)))
            .Where(e => e.Changes != null)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Changes, (string?)null), cancellationToken);

        db.RetentionDecisions.Add(new RetentionDecision
        {
            CaseId = caseId,
            Outcome = RetentionOutcome.Disposed,
            Reason = reason,
            DecidedAt = now,
            DecidedByUserId = string.IsNullOrEmpty(user.UserId) ? null : user.UserId,
            DecidedByName = user.UserName,
        });
        db.AuditEntries.Add(new AuditEntry
        {
            At = now,
            UserId = string.IsNullOrEmpty(user.UserId) ? null : user.UserId,
            UserName = user.UserName,
            Action = AuditAction.Delete,
            EntityType = AuditEntityType,
            EntityId = caseId.ToString(CultureInfo.InvariantCulture),
            CaseId = caseId,
            Changes = JsonSerializer.Serialize(new
            {
                Reference = new { from = (string?)null, to = @case.Reference },
                Reason = new { from = (string?)null, to = reason },
                PeopleRemoved = new { from = (int?)null, to = people.Removed.Count },
                Files = new { from = (int?)null, to = storedFiles.Count },
            }),
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        DeleteStoredFiles(storedFiles);
        return CommandResult.Saved(caseId);
    }

    private sealed record PeopleOutcome(List<long> Removed);

    private sealed record ScrubbedRows(List<string> Incidents, List<string> Screenings, List<string> Answers, List<string> ActionItems);

    /// <summary>
    /// Gives each person on the case an empty stand-in record (so roles and risk levels still count), then removes the
    /// people left on no case at all, with any records merged into them.
    /// </summary>
    private static async Task<PeopleOutcome> ReplacePeopleAsync(AsbOpsDbContext db, long caseId, CancellationToken cancellationToken)
    {
        var personIds = await db.CaseParticipants.Where(p => p.CaseId == caseId).Select(p => p.PersonId).Distinct().ToListAsync(cancellationToken);
        var markerPeople = await db.Markers.Where(m => m.CaseId == caseId && m.PersonId != null).Select(m => m.PersonId!.Value).Distinct().ToListAsync(cancellationToken);
        foreach (var personId in personIds.Union(markerPeople).ToList())
        {
            var standIn = new Person { FirstName = "Removed", LastName = "person" };
            db.People.Add(standIn);
            await db.SaveChangesAsync(cancellationToken);
            await db.CaseParticipants.Where(p => p.CaseId == caseId && p.PersonId == personId)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.PersonId, standIn.Id), cancellationToken);
            await db.Markers.Where(m => m.CaseId == caseId && m.PersonId == personId)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.PersonId, standIn.Id), cancellationToken);
        }

        var candidates = personIds.Union(markerPeople).ToList();
        var removed = await db.People
            .Where(p => candidates.Contains(p.Id) && !db.CaseParticipants.Any(x => x.PersonId == p.Id) && !db.Markers.Any(m => m.PersonId == p.Id))
            .Select(p => p.Id).ToListAsync(cancellationToken);
        var merged = await db.People.Where(p => p.MergedIntoId != null && removed.Contains(p.MergedIntoId.Value)).Select(p => p.Id).ToListAsync(cancellationToken);
        await db.People.Where(p => merged.Contains(p.Id)).ExecuteDeleteAsync(cancellationToken);
        await db.People.Where(p => removed.Contains(p.Id)).ExecuteDeleteAsync(cancellationToken);
        return new PeopleOutcome([.. removed, .. merged]);
    }

    /// <summary>Empties every free text field of the rows the case keeps; the counts, levels and dates stay.</summary>
    private static async Task<ScrubbedRows> ScrubRowsAsync(AsbOpsDbContext db, long caseId, CancellationToken cancellationToken)
    {
        var incidents = await db.Incidents.Include(i => i.Screening).Where(i => i.CaseId == caseId).ToListAsync(cancellationToken);
        foreach (var incident in incidents)
        {
            incident.Address = "";
            incident.Postcode = "";
            incident.Description = Removed;
            incident.ReporterName = null;
            incident.ReporterPhone = null;
            incident.Thrive.Threat = null;
            incident.Thrive.Harm = null;
            incident.Thrive.Risk = null;
            incident.Thrive.Investigation = null;
            incident.Thrive.Vulnerability = null;
            incident.Thrive.Engagement = null;
            if (incident.Screening is { } screening)
            {
                screening.Notes = null;
            }
        }

        var assessments = await db.Assessments.Include(a => a.Answers).Where(a => a.CaseId == caseId).ToListAsync(cancellationToken);
        foreach (var assessment in assessments)
        {
            assessment.JudgementRationale = assessment.JudgementRationale is null ? null : Removed;
            assessment.ApprovalNote = assessment.ApprovalNote is null ? null : Removed;
            foreach (var answer in assessment.Answers)
            {
                answer.Explanation = null;
            }
        }

        foreach (var referral in await db.Referrals.Where(r => r.CaseId == caseId).ToListAsync(cancellationToken))
        {
            referral.Reason = Removed;
            referral.OutcomeNote = referral.OutcomeNote is null ? null : Removed;
            referral.SafeguardingConcerns = referral.SafeguardingConcerns is null ? null : Removed;
            referral.ImmediateActions = referral.ImmediateActions is null ? null : Removed;
        }

        foreach (var marker in await db.Markers.Where(m => m.CaseId == caseId).ToListAsync(cancellationToken))
        {
            marker.Subject = Removed;
            marker.Address = null;
            marker.Postcode = null;
        }

        var plans = await db.ActionPlans.Include(p => p.Actions).Where(p => p.CaseId == caseId).ToListAsync(cancellationToken);
        foreach (var plan in plans)
        {
            plan.Objective = plan.Objective is null ? null : Removed;
            foreach (var action in plan.Actions)
            {
                action.Description = Removed;
                action.OwnerName = Removed;
            }
        }

        foreach (var review in await db.CaseReviews.Where(r => r.CaseId == caseId).ToListAsync(cancellationToken))
        {
            review.Note = review.Note is null ? null : Removed;
        }

        await db.SaveChangesAsync(cancellationToken);
        static string Key(long id) => id.ToString(CultureInfo.InvariantCulture);
        return new ScrubbedRows(
            incidents.Select(i => Key(i.Id)).ToList(),
            incidents.Where(i => i.Screening is not null).Select(i => Key(i.Screening!.Id)).ToList(),
            assessments.SelectMany(a => a.Answers).Select(a => Key(a.Id)).ToList(),
            plans.SelectMany(p => p.Actions).Select(a => Key(a.Id)).ToList());
    }

    private void DeleteStoredFiles(List<string> storedNames)
    {
        var directory = Path.GetFullPath(files.Value.Directory, environment.ContentRootPath);
        foreach (var name in storedNames)
        {
            try
            {
                File.Delete(Path.Combine(directory, Path.GetFileName(name)));
            }
            catch (IOException e)
            {
                logger.LogError(e, "A disposed case's file {StoredName} could not be deleted from {Directory}", name, directory);
            }
        }
    }
}
