using AsbOps.Domain.Alerts;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Markers;
using AsbOps.Domain.Risk;
using AsbOps.Web.Components.Shared;
using AsbOps.Web.Data;
using AsbOps.Web.Features.Compliance;
using AsbOps.Web.Features.Reminders;
using AsbOps.Web.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Features.HighRisk;

/// <summary>What applying the procedure changed; publish <see cref="Changes"/> after the transaction commits.</summary>
public sealed record CaseRiskOutcome(RiskLevel Before, RiskLevel After, bool BecameHigh, IReadOnlyList<OpsChange> Changes);

/// <summary>
/// Keeps a case's risk and the high-risk procedure in step with its assessments. Call it inside the transaction that
/// saves an assessment (or closes the case), before or after that save: unsaved assessment changes in the context
/// count as saved, and the procedure's own save stores them with its changes. It sets each person's level from their
/// current complete assessment and the case level as the highest; when the case becomes high it alerts the area's
/// sergeant and inspector in the app and by email and places history markers on each high-risk person and the
/// location; markers of people (or the whole case) no longer high, or of a closed case, are ended, never deleted; and
/// the next review follows the cadence of the new level.
/// </summary>
public sealed class HighRiskProcedure(HighRiskAlertEmails alertEmails, IOptions<ComplianceOptions> compliance)
{
    public const string AlertKind = "HighRisk";

    public async Task<CaseRiskOutcome> ApplyAsync(AsbOpsDbContext db, long caseId, DateTime now, CancellationToken cancellationToken = default)
    {
        var loaded = await (
                from c in db.Cases
                join a in db.Areas on c.AreaId equals a.Id
                where c.Id == caseId
                select new { Case = c, a.Code, a.SergeantUserId, a.InspectorUserId })
            .SingleAsync(cancellationToken);
        var @case = loaded.Case;

        // Loaded by the case's index and fixed up into @case.Participants. An Include would have SQLite join every
        // participant of the force to their person before picking this case's, a cost that grows with the force.
        await db.CaseParticipants.Include(p => p.Person).Where(p => p.CaseId == caseId).OrderBy(p => p.Id).LoadAsync(cancellationToken);
        var current = await CurrentLevelsAsync(db, caseId, cancellationToken);

        foreach (var participant in @case.Participants)
        {
            participant.RiskLevel = current.Where(a => a.CaseParticipantId == participant.Id)
                .Select(a => a.Level).DefaultIfEmpty(RiskLevel.NotAssessed).Max();
        }

        var before = @case.RiskLevel;
        var after = @case.IsOpen ? current.Select(a => a.Level).DefaultIfEmpty(RiskLevel.NotAssessed).Max() : before;
        @case.RiskLevel = after;
        var changes = new List<OpsChange>();
        var becameHigh = @case.IsOpen && after == RiskLevel.High && (before != RiskLevel.High || @case.HighRiskSince is null);

        if (becameHigh)
        {
            @case.HighRiskSince = now;
            var subjects = HighRiskSubjects(@case);
            await AlertAsync(db, @case, loaded.Code, loaded.SergeantUserId, loaded.InspectorUserId, subjects, now, cancellationToken);
            changes.Add(new OpsChange(OpsChangeKind.HighRiskRaised, loaded.Code, @case.Reference, now));
        }
        else if (after != RiskLevel.High || !@case.IsOpen)
        {
            @case.HighRiskSince = null;
        }

        // Markers are placed only when a case becomes high and ended when it stops being high, so a case that was not
        // high and is not high now has none to keep or end: the look-up is skipped on most saves.
        if (before == RiskLevel.High || after == RiskLevel.High)
        {
            await KeepMarkersAsync(db, @case, now, cancellationToken);
        }

        if (@case.IsOpen && before != after)
        {
            var cadence = compliance.Value.ToThresholds().Cadence;
            @case.NextReviewDue = cadence.NextReviewDue(@case.LastReviewedAt ?? @case.OpenedAt, after);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (before != after || becameHigh)
        {
            changes.Insert(0, new OpsChange(OpsChangeKind.CaseChanged, loaded.Code, @case.Reference, now));
        }

        return new CaseRiskOutcome(before, after, becameHigh, changes);
    }

    private sealed record CurrentLevel(long? CaseParticipantId, RiskLevel Level);

    /// <summary>
    /// The case's current complete assessments as this save will leave them: the stored ones, with what the context
    /// is about to write (a new assessment, one superseded or completed) taking the place of the stored row. So the
    /// caller may store its assessment and the procedure's changes in one save.
    /// </summary>
    private static async Task<List<CurrentLevel>> CurrentLevelsAsync(AsbOpsDbContext db, long caseId, CancellationToken cancellationToken)
    {
        var stored = await db.Assessments.AsNoTracking()
            .Where(a => a.CaseId == caseId && a.IsCurrent && a.Status == AssessmentStatus.Complete)
            .Select(a => new { a.Id, a.CaseParticipantId, a.Level })
            .ToListAsync(cancellationToken);

        // Only the entities' own values and their Added/Deleted state are read, which need no change detection: the
        // save that follows detects changes once for everything.
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        List<EntityEntry<Assessment>> tracked;
        try
        {
            tracked = db.ChangeTracker.Entries<Assessment>().Where(e => e.Entity.CaseId == caseId).ToList();
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }

        var replaced = tracked.Where(e => e.State != EntityState.Added).Select(e => e.Entity.Id).ToHashSet();
        return stored.Where(a => !replaced.Contains(a.Id)).Select(a => new CurrentLevel(a.CaseParticipantId, a.Level))
            .Concat(tracked
                .Where(e => e.State != EntityState.Deleted && e.Entity.IsCurrent && e.Entity.Status == AssessmentStatus.Complete)
                .Select(e => new CurrentLevel(e.Entity.CaseParticipantId, e.Entity.Level)))
            .ToList();
    }

    private static IReadOnlyList<string> HighRiskSubjects(AsbCase @case) =>
        @case.Participants.Where(p => p.RiskLevel == RiskLevel.High && p.Person is not null)
            .Select(p => $"{p.Person!.FullName} ({CaseDisplay.Words(p.Role).ToLowerInvariant()})")
            .Append($"{@case.Address}, {@case.Postcode} (location)")
            .ToList();

    private async Task AlertAsync(
        AsbOpsDbContext db, AsbCase @case, string areaCode, string? sergeantId, string? inspectorId,
        IReadOnlyList<string> subjects, DateTime now, CancellationToken cancellationToken)
    {
        var recipientIds = new[] { sergeantId, inspectorId }.OfType<string>().Distinct().ToList();
        var recipients = await db.Users.AsNoTracking().Where(u => recipientIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Email }).ToListAsync(cancellationToken);
        foreach (var recipient in recipients)
        {
            db.Alerts.Add(new Alert
            {
                UserId = recipient.Id,
                CaseId = @case.Id,
                Kind = AlertKind,
                Message = $"{@case.Reference} in {areaCode} is now high risk.",
                CreatedAt = now,
            });
        }

        alertEmails.Queue(db, @case.Id, @case.Reference, areaCode, subjects, now,
            recipients.Where(r => r.Email is { Length: > 0 }).Select(r => (r.Id, r.Email!)).ToList());
    }

    /// <summary>Active markers for each high-risk person and the location while the case is open and high; ended otherwise.</summary>
    private static async Task KeepMarkersAsync(AsbOpsDbContext db, AsbCase @case, DateTime now, CancellationToken cancellationToken)
    {
        var active = await db.Markers.Where(m => m.CaseId == @case.Id && m.EndedAt == null).ToListAsync(cancellationToken);
        var high = @case.IsOpen && @case.RiskLevel == RiskLevel.High;
        var highPeople = high
            ? @case.Participants.Where(p => p.RiskLevel == RiskLevel.High && p.Person is not null).Select(p => p.Person!).DistinctBy(p => p.Id).ToList()
            : [];

        foreach (var marker in active)
        {
            var keep = high && (marker.SubjectType == MarkerSubjectType.Location || highPeople.Any(p => p.Id == marker.PersonId));
            if (!keep)
            {
                marker.End(now, @case.IsOpen ? "Risk fell below high" : "Case closed");
            }
        }

        if (!high)
        {
            return;
        }

        foreach (var person in highPeople.Where(p => active.All(m => m.PersonId != p.Id)))
        {
            db.Markers.Add(new Marker
            {
                CaseId = @case.Id,
                SubjectType = MarkerSubjectType.Person,
                PersonId = person.Id,
                Subject = person.FullName,
                Address = person.Address,
                Postcode = person.Postcode,
                RiskLevel = RiskLevel.High,
                PlacedAt = now,
            });
        }

        if (active.All(m => m.SubjectType != MarkerSubjectType.Location))
        {
            db.Markers.Add(new Marker
            {
                CaseId = @case.Id,
                SubjectType = MarkerSubjectType.Location,
                Subject = @case.Address,
                Address = @case.Address,
                Postcode = @case.Postcode,
                RiskLevel = RiskLevel.High,
                PlacedAt = now,
            });
        }
    }
}
