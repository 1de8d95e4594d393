using AsbOps.Domain.Compliance;
using AsbOps.Domain.Incidents;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Data.Seeding;

/// <summary>
/// Writes built cases in large batches: a fresh context and one transaction per batch, nothing tracked.
/// Parents go first so that each child gets its parent's generated id.
/// </summary>
internal sealed class DemoBatchWriter(IDbContextFactory<AsbOpsDbContext> dbFactory)
{
    /// <summary>The rows <see cref="WriteCasesAsync"/> and <see cref="WriteIncidentsAsync"/> write, by entity type.</summary>
    public static readonly Type[] Written =
    [
        typeof(Domain.Cases.Person), typeof(Domain.Cases.AsbCase), typeof(Incident), typeof(VictorEScreening), typeof(Domain.Cases.CaseParticipant),
        typeof(Domain.Risk.Assessment), typeof(Domain.Risk.AssessmentAnswer), typeof(Domain.ActionPlans.ActionPlan), typeof(Domain.ActionPlans.ActionItem),
        typeof(Domain.Referrals.Referral), typeof(Domain.Cases.CaseShare), typeof(Domain.Markers.Marker), typeof(Domain.Alerts.Alert),
        typeof(Domain.CaseRecord.CaseNote), typeof(Domain.CaseRecord.VictimContactPlan), typeof(Domain.CaseRecord.VictimContact), typeof(Domain.Email.OutboxMessage),
        typeof(Domain.Reminders.Reminder),
    ];

    /// <summary>
    /// Whether the standing of cases and incidents is worked out once, by <see cref="RefreshAllStandingAsync"/>, after
    /// every batch (a PostgreSQL bulk load, whose tables have no secondary indexes to look the rows up by meanwhile).
    /// </summary>
    public bool DeferStanding { get; init; }

    /// <summary>Time spent so far working out the standing of written cases and incidents (part of the writing).</summary>
    public TimeSpan Refreshing { get; private set; }

    public async Task WriteCasesAsync(IReadOnlyList<DemoCaseDraft> drafts, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        using var insert = new BulkInserter(db);
        var cases = drafts.Select(d => d.Case).ToList();

        // Repeat victims and perpetrators saved with an earlier batch already have their id.
        var people = cases.SelectMany(c => c.Participants).Select(p => p.Person!).Where(p => p.Id == 0).Distinct().ToList();
        await insert.InsertAsync(people, cancellationToken);
        await insert.InsertAsync(cases, cancellationToken);

        var incidents = cases.SelectMany(c => c.Incidents.Select(i => { i.CaseId = c.Id; return i; })).ToList();
        await insert.InsertAsync(incidents, cancellationToken);
        await insert.InsertAsync(incidents.Select(i => { i.Screening!.IncidentId = i.Id; return i.Screening; }), cancellationToken);

        await insert.InsertAsync(cases.SelectMany(c => c.Participants.Select(p =>
        {
            p.CaseId = c.Id;
            p.PersonId = p.Person!.Id;
            return p;
        })), cancellationToken);

        var assessments = cases.SelectMany(c => c.Assessments.Select(a =>
        {
            a.CaseId = c.Id;
            a.CaseParticipantId = a.Participant?.Id;
            return a;
        })).ToList();
        await insert.InsertAsync(assessments, cancellationToken);
        await insert.InsertAsync(Children(assessments, a => a.Answers, (answer, a) => answer.AssessmentId = a.Id), cancellationToken);

        var plans = drafts.Where(d => d.Plan is not null).Select(d => { d.Plan!.CaseId = d.Case.Id; return d.Plan; }).ToList();
        await insert.InsertAsync(plans, cancellationToken);
        await insert.InsertAsync(Children(plans, p => p.Actions, (item, p) => item.ActionPlanId = p.Id), cancellationToken);

        await insert.InsertAsync(drafts.SelectMany(d => d.Referrals.Select(r =>
        {
            r.Referral.CaseId = d.Case.Id;
            r.Referral.CaseParticipantId = r.Participant?.Id;
            r.Referral.AssessmentId = r.Assessment?.Id;
            return r.Referral;
        })), cancellationToken);
        await insert.InsertAsync(drafts.SelectMany(d => d.Shares.Select(s => { s.CaseId = d.Case.Id; return s; })), cancellationToken);
        await insert.InsertAsync(drafts.SelectMany(d => d.Markers.Select(m =>
        {
            m.Marker.CaseId = d.Case.Id;
            m.Marker.PersonId = m.Person?.Id;
            return m.Marker;
        })), cancellationToken);
        await insert.InsertAsync(drafts.SelectMany(d => d.Alerts.Select(a => { a.CaseId = d.Case.Id; return a; })), cancellationToken);
        await insert.InsertAsync(drafts.SelectMany(d => d.Notes.Select(n => { n.CaseId = d.Case.Id; return n; })), cancellationToken);
        await insert.InsertAsync(drafts.SelectMany(d => d.ContactPlans.Select(p =>
        {
            p.Plan.CaseId = d.Case.Id;
            p.Plan.CaseParticipantId = p.Victim.Id;
            return p.Plan;
        })), cancellationToken);
        await insert.InsertAsync(drafts.SelectMany(d => d.Contacts.Select(x =>
        {
            x.Contact.CaseId = d.Case.Id;
            x.Contact.CaseParticipantId = x.Victim.Id;
            return x.Contact;
        })), cancellationToken);

        var reminders = drafts.SelectMany(d => d.Reminders.Select(r => (d.Case, r.Reminder, r.Email, r.Assessment))).ToList();
        await insert.InsertAsync(reminders.Select(r =>
        {
            r.Email.CaseId = r.Case.Id;
            r.Email.DedupKey = DemoReminderBuilder.DedupKey(r.Assessment.Id, r.Reminder.Step);
            return r.Email;
        }), cancellationToken);
        await insert.InsertAsync(reminders.Select(r =>
        {
            r.Reminder.CaseId = r.Case.Id;
            r.Reminder.AssessmentId = r.Assessment.Id;
            r.Reminder.OutboxMessageId = r.Email.Id;
            return r.Reminder;
        }), cancellationToken);

        await RefreshStandingAsync(db, cases.Select(c => c.Id), incidents.Select(i => i.Id), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Incidents not linked to a case, with their screening when they have one.</summary>
    public async Task WriteIncidentsAsync(IReadOnlyList<Incident> incidents, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        using var insert = new BulkInserter(db);
        await insert.InsertAsync(incidents, cancellationToken);
        await insert.InsertAsync(incidents.Where(i => i.Screening is not null).Select(i => { i.Screening!.IncidentId = i.Id; return i.Screening; }), cancellationToken);
        await RefreshStandingAsync(db, [], incidents.Select(i => i.Id), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// The stored standing of the cases and the screened flag of the incidents just written, which the bulk inserts
    /// leave at their defaults: worked out in the database over each batch's key range (keys are handed out in order).
    /// </summary>
    private async Task RefreshStandingAsync(AsbOpsDbContext db, IEnumerable<long> caseIds, IEnumerable<long> incidentIds, CancellationToken cancellationToken)
    {
        if (DeferStanding)
        {
            return;
        }

        var started = TimeProvider.System.GetTimestamp();
        if (caseIds.Any())
        {
            var (first, last) = (caseIds.Min(), caseIds.Max());
            await CaseStandingRefresh.RefreshCasesAsync(db, db.Cases.Where(c => c.Id >= first && c.Id <= last), cancellationToken);
            await CaseSearchTextRefresh.RefreshRangeAsync(db, first, last, cancellationToken);
        }

        if (incidentIds.Any())
        {
            var (first, last) = (incidentIds.Min(), incidentIds.Max());
            await CaseStandingRefresh.RefreshIncidentsAsync(db, db.Incidents.Where(i => i.Id >= first && i.Id <= last), cancellationToken);
        }

        Refreshing += TimeProvider.System.GetElapsedTime(started);
    }

    /// <summary>After a load with <see cref="DeferStanding"/>: the standing of every case and incident whose stored one differs.</summary>
    public async Task RefreshAllStandingAsync(CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await CaseStandingRefresh.RefreshCasesAsync(db, CaseStandingRefresh.Stale(db, db.Cases), cancellationToken);
        await CaseSearchTextRefresh.RefreshAllAsync(db, cancellationToken);
        await CaseStandingRefresh.RefreshIncidentsAsync(db, CaseStandingRefresh.StaleScreenedAt(db), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Refreshing += TimeProvider.System.GetElapsedTime(started);
    }

    public async Task WriteSnapshotsAsync(IReadOnlyList<ComplianceSnapshot> snapshots, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        using var insert = new BulkInserter(db);
        await insert.InsertAsync(snapshots, cancellationToken);
        await insert.InsertAsync(Children(snapshots, s => s.Counts, (count, s) => count.SnapshotId = s.Id), cancellationToken);
        await insert.InsertAsync(Children(snapshots, s => s.Findings, (finding, s) => finding.SnapshotId = s.Id), cancellationToken, readKeys: false);
        await insert.InsertAsync(Children(snapshots, s => s.AreaTotals, (totals, s) => totals.SnapshotId = s.Id), cancellationToken, readKeys: false);
        await transaction.CommitAsync(cancellationToken);
    }

    private static IEnumerable<TChild> Children<TParent, TChild>(IEnumerable<TParent> parents, Func<TParent, List<TChild>> children, Action<TChild, TParent> link) =>
        parents.SelectMany(parent => children(parent).Select(child =>
        {
            link(child, parent);
            return child;
        }));
}
