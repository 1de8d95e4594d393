using AsbOps.Domain.Cases;
using AsbOps.Web.Data;
using AsbOps.Web.Data.Auditing;
using AsbOps.Web.Email;
using AsbOps.Web.Live;
using AsbOps.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Features.Cases;

/// <summary>
/// Gives a case to another officer of its area. One transaction: the case (its Version checked, so a change made
/// meanwhile is reported as a conflict; the context audits LeadOfficerId before → after), the owner of its open
/// compliance findings, and the emails to the old and the new lead officer through the outbox. The chase reads the
/// lead officer when it sends, so its next step goes to the new one. Published after the commit.
/// </summary>
public sealed class LeadOfficerService(
    IDbContextFactory<AsbOpsDbContext> dbFactory, EmailOutbox outbox, IOptions<AppOptions> app, TimeProvider clock, OpsNotifier notifier)
    : ILeadOfficerService
{
    public static class Fields
    {
        public const string LeadOfficer = nameof(ReassignInput.LeadOfficerId);
    }

    public async Task<LeadOfficerState?> GetAsync(UserScope user, string? reference, CancellationToken cancellationToken = default)
    {
        if (!CaseManagementRoles.CanReassign(user) || !CaseReference.TryParse(reference, out var parsed))
        {
            return null;
        }

        var canonical = parsed.ToString();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var c = await db.Cases.AsNoTracking().VisibleTo(db, user).Where(c => c.Reference == canonical && c.Status != CaseStatus.Closed)
            .Select(c => new
            {
                c.Id,
                c.Reference,
                c.AreaId,
                AreaCode = db.Areas.Where(a => a.Id == c.AreaId).Select(a => a.Code).First(),
                c.LeadOfficerId,
                Lead = db.Users.Where(u => u.Id == c.LeadOfficerId).Select(u => u.DisplayName).FirstOrDefault(),
                c.Version,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (c is null)
        {
            return null;
        }

        var officers = await OfficersOfAsync(db, c.AreaId, cancellationToken);
        return new LeadOfficerState(c.Id, c.Reference, c.AreaCode, c.LeadOfficerId, c.Lead, c.Version, officers);
    }

    public async Task<CommandResult> ReassignAsync(UserScope user, long caseId, ReassignInput input, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(input.LeadOfficerId))
        {
            return CommandResult.Invalid(new Dictionary<string, string> { [Fields.LeadOfficer] = "Choose the officer who leads the case from now on." });
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditActor = new AuditActor(string.IsNullOrEmpty(user.UserId) ? null : user.UserId, user.UserName);
        db.Clock = clock;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var @case = await db.Cases.VisibleTo(db, user).SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (@case is null || !CaseManagementRoles.CanReassign(user))
        {
            return CommandResult.NotFound();
        }

        if (@case.Status == CaseStatus.Closed)
        {
            return CommandResult.Refused($"Case {@case.Reference} is closed; its lead officer no longer changes.");
        }

        var newLead = (await OfficersOfAsync(db, @case.AreaId, cancellationToken)).Any(o => o.UserId == input.LeadOfficerId)
            ? await db.Users.AsNoTracking().Where(u => u.Id == input.LeadOfficerId).Select(u => new { u.Id, u.DisplayName, u.Email })
                .SingleAsync(cancellationToken)
            : null;
        if (newLead is null)
        {
            return CommandResult.Invalid(new Dictionary<string, string> { [Fields.LeadOfficer] = "Choose an officer of the case's area." });
        }

        if (newLead.Id == @case.LeadOfficerId && input.Version == @case.Version)
        {
            return CommandResult.Invalid(new Dictionary<string, string> { [Fields.LeadOfficer] = $"{newLead.DisplayName} already leads this case." });
        }

        var oldLead = await db.Users.AsNoTracking().Where(u => u.Id == @case.LeadOfficerId)
            .Select(u => new { u.Id, u.DisplayName, u.Email }).SingleOrDefaultAsync(cancellationToken);
        db.Entry(@case).Property(c => c.Version).OriginalValue = input.Version;
        @case.LeadOfficerId = newLead.Id;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Conflict();
        }

        // The case's open findings follow the new owner now, not at the next sweep.
        await db.FindingLives.Where(l => l.CaseId == @case.Id && l.PutRightAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.OwnerUserId, newLead.Id), cancellationToken);

        var link = app.Value.CaseLink(@case.Reference);
        var by = string.IsNullOrEmpty(user.UserName) ? "A supervisor" : user.UserName;
        if (newLead.Email is not null)
        {
            outbox.Enqueue(db, LeadOfficerEmail.ToNewLead(@case.Id, @case.Version, @case.Reference, newLead.Email, newLead.DisplayName, by, link));
        }

        if (oldLead?.Email is not null && oldLead.Id != newLead.Id)
        {
            outbox.Enqueue(db, LeadOfficerEmail.ToOldLead(@case.Id, @case.Version, @case.Reference, oldLead.Email, oldLead.DisplayName,
                newLead.DisplayName, by, link));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var areaCode = await db.Areas.Where(a => a.Id == @case.AreaId).Select(a => a.Code).SingleAsync(cancellationToken);
        notifier.Publish(new OpsChange(OpsChangeKind.CaseChanged, areaCode, @case.Reference, now));
        return CommandResult.Saved(@case.Id);
    }

    /// <summary>The officers of an area whose accounts are not disabled: who may lead its cases (a few dozen rows).</summary>
    private async Task<List<OfficerOption>> OfficersOfAsync(AsbOpsDbContext db, int areaId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return (await db.Users.AsNoTracking().Where(u => u.AreaId == areaId && u.PrimaryRole == Roles.Officer).ToListAsync(cancellationToken))
            .Where(u => !AccountStatus.IsDisabled(u, now))
            .OrderBy(u => u.DisplayName, StringComparer.CurrentCulture)
            .Select(u => new OfficerOption(u.Id, u.DisplayName))
            .ToList();
    }
}
