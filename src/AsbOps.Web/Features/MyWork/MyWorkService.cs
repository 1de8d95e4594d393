using AsbOps.Domain.ActionPlans;
using AsbOps.Domain.CaseRecord;
using AsbOps.Domain.CaseReviews;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Compliance;
using AsbOps.Domain.Risk;
using AsbOps.Web.Components.Shared;
using AsbOps.Web.Data;
using AsbOps.Web.Features.Compliance;
using AsbOps.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Features.MyWork;

/// <summary>
/// What is due on a user's open cases: an officer's own (those they lead), or for a sergeant or inspector every case
/// of their area, grouped by lead officer. Each item links to the page where it is done.
/// </summary>
public sealed class MyWorkService(
    IDbContextFactory<AsbOpsDbContext> dbFactory, TimeProvider clock, IOptions<ComplianceOptions> compliance, IOptions<CaseReviewSettings> caseReviews)
{
    /// <summary>How far ahead a review or a victim contact counts as due.</summary>
    public static readonly TimeSpan LookAhead = TimeSpan.FromDays(7);

    /// <summary>Whether the user sees their area's officers rather than their own cases.</summary>
    public static bool SeesArea(UserScope user) => user.Role is Roles.Sergeant or Roles.Inspector;

    public async Task<IReadOnlyList<OfficerWork>> ForAsync(UserScope user, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var options = compliance.Value;

        var cases = db.Cases.AsNoTracking().Where(CaseStanding.IsOpen);
        if (SeesArea(user))
        {
            var area = user.RestrictedAreaId;
            cases = area is { } id ? cases.Where(c => c.AreaId == id) : cases;
        }
        else
        {
            cases = cases.Where(c => c.LeadOfficerId == user.UserId);
        }

        var caseRows = await cases
            .Select(c => new CaseRow(c.Id, c.Reference, c.RiskLevel, c.HighRiskSince, c.HasActionPlan, c.NextReviewDue, c.LeadOfficerId))
            .ToListAsync(cancellationToken);
        var byId = caseRows.ToDictionary(c => c.Id);
        var items = new List<DueItem>();

        DueItem Item(long caseId, DueKind kind, string what, DateTime? due, bool overdue, string href)
        {
            var row = byId[caseId];
            return new DueItem(kind, row.Reference, row.Risk, what, due, overdue, href, row.LeadOfficerId);
        }

        var grace = TimeSpan.FromHours(options.VictimAssessmentGraceHours);
        var unassessed = await db.CaseParticipants.AsNoTracking()
            .Where(p => cases.Any(c => c.Id == p.CaseId) && (p.Role == PersonRole.Victim || p.Role == PersonRole.Perpetrator))
            .Where(p => !db.Assessments.Any(a => a.CaseParticipantId == p.Id && a.IsCurrent && a.Status == AssessmentStatus.Complete))
            .Select(p => new { p.Id, p.CaseId, p.Role, p.AddedAt, p.Person!.FirstName, p.Person.LastName })
            .ToListAsync(cancellationToken);
        foreach (var p in unassessed)
        {
            var due = p.AddedAt + grace;
            items.Add(Item(p.CaseId, DueKind.PersonNotAssessed, $"Assess {p.FirstName} {p.LastName} ({CaseDisplay.Words(p.Role).ToLowerInvariant()})",
                due, due < now, $"/cases/{byId[p.CaseId].Reference}/people/{p.Id}/assessment"));
        }

        var unknowns = await db.Assessments.AsNoTracking()
            .Where(a => cases.Any(c => c.Id == a.CaseId) && a.IsCurrent && a.Status == AssessmentStatus.Complete && a.UnknownCount > 0)
            .Select(a => new
            {
                a.CaseId,
                a.CaseParticipantId,
                a.UnknownCount,
                a.CompletedAt,
                Name = a.Participant == null ? null : a.Participant.Person!.FirstName + " " + a.Participant.Person.LastName,
                Reminders = db.Reminders.Count(r => r.AssessmentId == a.Id),
            })
            .ToListAsync(cancellationToken);
        foreach (var a in unknowns)
        {
            var reference = byId[a.CaseId].Reference;
            var whose = a.Name ?? "the location";
            var answers = a.UnknownCount == 1 ? "1 unknown answer" : $"{a.UnknownCount} unknown answers";
            var reminders = a.Reminders switch { 0 => "no reminder sent yet", 1 => "1 reminder sent", var n => $"{n} reminders sent" };
            var href = a.CaseParticipantId is { } participant
                ? $"/cases/{reference}/people/{participant}/assessment"
                : $"/cases/{reference}/location/assessment";
            items.Add(Item(a.CaseId, DueKind.UnknownAnswers, $"Find out {answers} for {whose} ({reminders})", null, a.Reminders > 0, href));
        }

        foreach (var c in caseRows)
        {
            if (ActionPlanDeadline.DueBy(CaseStatus.Open, c.Risk, c.HighRiskSince, c.HasActionPlan, options.ActionPlanHours) is { } planDue)
            {
                items.Add(Item(c.Id, DueKind.ActionPlanDue, "Write the action plan (high risk)", planDue, planDue < now, $"/cases/{c.Reference}/plan"));
            }

            if (c.NextReviewDue is { } review && review <= now + LookAhead)
            {
                items.Add(Item(c.Id, DueKind.ReviewDue, "Review the case", review, review < now, $"/cases/{c.Reference}"));
            }
        }

        var soon = now + LookAhead;
        var contacts = await db.VictimContactPlans.AsNoTracking()
            .Where(v => cases.Any(c => c.Id == v.CaseId) && v.NextContactDue <= soon)
            .Join(db.CaseParticipants, v => v.CaseParticipantId, p => p.Id,
                (v, p) => new { v.CaseId, v.NextContactDue, p.Person!.FirstName, p.Person.LastName })
            .ToListAsync(cancellationToken);
        foreach (var v in contacts)
        {
            items.Add(Item(v.CaseId, DueKind.VictimContactDue, $"Contact {v.FirstName} {v.LastName} (victim)", v.NextContactDue,
                v.NextContactDue < now, $"/cases/{byId[v.CaseId].Reference}#victim-contacts"));
        }

        // Victims without an agreed plan are due by the default frequency for their risk since they were added.
        var planless = await db.CaseParticipants.AsNoTracking()
            .Where(p => cases.Any(c => c.Id == p.CaseId) && !db.VictimContactPlans.Any(v => v.CaseParticipantId == p.Id))
            .Where(ContactSchedule.OverdueVictim(db.VictimContactPlans, now))
            .Select(p => new { p.CaseId, p.AddedAt, p.RiskLevel, p.Person!.FirstName, p.Person.LastName })
            .ToListAsync(cancellationToken);
        foreach (var p in planless)
        {
            var due = p.AddedAt.AddDays(ContactSchedule.DefaultFrequencyDays(p.RiskLevel));
            items.Add(Item(p.CaseId, DueKind.VictimContactDue, $"Contact {p.FirstName} {p.LastName} (victim)", due, true,
                $"/cases/{byId[p.CaseId].Reference}#victim-contacts"));
        }

        // Findings the compliance sweeps keep open on these cases (each owned by the case's lead officer).
        var findings = await db.FindingLives.AsNoTracking()
            .Where(f => f.PutRightAt == null && cases.Any(c => c.Id == f.CaseId))
            .Select(f => new { f.CaseId, f.Rule, f.FirstSeenAt })
            .ToListAsync(cancellationToken);
        foreach (var f in findings)
        {
            items.Add(Item(f.CaseId, DueKind.ComplianceFinding, $"Put right: {ComplianceRuleText.Title(f.Rule)}", f.FirstSeenAt, true,
                $"/cases/{byId[f.CaseId].Reference}"));
        }

        // A victim who reported again within the window, on a case without an application: the same rule as the case
        // page's prompt, answered there (told, or dismissed with a reason) and then gone from here.
        var windowMonths = caseReviews.Value.Threshold.WindowMonths;
        var reviewWindow = RepeatVictimReport.WindowStart(now, windowMonths);
        var reports = await db.Incidents.AsNoTracking()
            .Where(i => i.CaseId != null && cases.Any(c => c.Id == i.CaseId) && i.ReceivedAt >= reviewWindow && i.ReceivedAt <= now)
            .Where(i => !db.CaseReviewApplications.Any(a => a.CaseId == i.CaseId))
            .Select(i => new { CaseId = i.CaseId!.Value, i.Id, i.StormRef, i.ReceivedAt, i.ReporterName, i.ReporterPhone })
            .ToListAsync(cancellationToken);
        var answered = (await db.CaseReviewPrompts.AsNoTracking()
                .Where(p => cases.Any(c => c.Id == p.CaseId))
                .Select(p => new { p.CaseId, p.IncidentId })
                .ToListAsync(cancellationToken))
            .Select(p => (p.CaseId, p.IncidentId)).ToHashSet();
        foreach (var onCase in reports.GroupBy(r => r.CaseId))
        {
            var repeat = RepeatVictimReport.Latest(
                onCase.Select(r => new CaseReport(r.Id, r.StormRef, r.ReceivedAt, r.ReporterName, r.ReporterPhone)), now, windowMonths);
            if (repeat is null || answered.Contains((onCase.Key, repeat.Latest.IncidentId)))
            {
                continue;
            }

            items.Add(Item(onCase.Key, DueKind.CaseReviewPrompt,
                $"Tell {repeat.Latest.ReporterName ?? "the victim"} about the ASB Case Review (reported again: {repeat.Latest.Reference})",
                repeat.Latest.ReceivedAt, false, $"/cases/{byId[onCase.Key].Reference}#case-review-prompt"));
        }

        var officerIds = caseRows.Select(c => c.LeadOfficerId).OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => officerIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);

        return [.. items
            .GroupBy(i => i.OfficerId)
            .Select(g => new OfficerWork(g.Key, g.Key is { } id && names.TryGetValue(id, out var name) ? name : "No lead officer", Urgent(g)))
            .OrderByDescending(w => w.Items.Count(i => i.Overdue)).ThenBy(w => w.OfficerName, StringComparer.Ordinal)];
    }

    /// <summary>Overdue first, then by due date (undated after dated), then the riskier case first.</summary>
    public static IReadOnlyList<DueItem> Urgent(IEnumerable<DueItem> items) =>
        [.. items.OrderByDescending(i => i.Overdue).ThenBy(i => i.DueAt is null).ThenBy(i => i.DueAt)
            .ThenByDescending(i => i.CaseRisk).ThenBy(i => i.CaseReference, StringComparer.Ordinal)];

    private sealed record CaseRow(long Id, string Reference, RiskLevel Risk, DateTime? HighRiskSince, bool HasActionPlan, DateTime? NextReviewDue,
        string? LeadOfficerId);
}
