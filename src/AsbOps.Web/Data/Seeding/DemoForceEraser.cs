using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Data.Seeding;

/// <summary>
/// Empties what the demo force owns: every case-management table, the compliance history, outbox, audit and
/// alerts, the generated staff and demo logins, and the areas no remaining user belongs to. Users an
/// administrator created, roles and risk guidance versions stay. Set-based deletes, children before parents,
/// so it runs the same on SQLite and PostgreSQL.
/// </summary>
internal static class DemoForceEraser
{
    public static async Task EraseAsync(AsbOpsDbContext db, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        await db.Reminders.ExecuteDeleteAsync(cancellationToken);
        await db.CaseReviewPrompts.ExecuteDeleteAsync(cancellationToken);
        await db.CaseReviewRecommendations.ExecuteDeleteAsync(cancellationToken);
        await db.CaseReviewReliedReports.ExecuteDeleteAsync(cancellationToken);
        await db.CaseReviewApplications.ExecuteDeleteAsync(cancellationToken);
        await db.FindingChases.ExecuteDeleteAsync(cancellationToken);
        await db.FindingLives.ExecuteDeleteAsync(cancellationToken);
        await db.Outbox.ExecuteDeleteAsync(cancellationToken);
        await db.Alerts.ExecuteDeleteAsync(cancellationToken);
        await db.AuditEntries.ExecuteDeleteAsync(cancellationToken);
        await db.ComplianceFindings.ExecuteDeleteAsync(cancellationToken);
        await db.ComplianceSnapshotCounts.ExecuteDeleteAsync(cancellationToken);
        await db.ComplianceAreaTotals.ExecuteDeleteAsync(cancellationToken);
        await db.ComplianceSnapshots.ExecuteDeleteAsync(cancellationToken);
        await db.Markers.ExecuteDeleteAsync(cancellationToken);
        await db.CaseFiles.ExecuteDeleteAsync(cancellationToken);
        await db.VictimContacts.ExecuteDeleteAsync(cancellationToken);
        await db.VictimContactPlans.ExecuteDeleteAsync(cancellationToken);
        await db.CaseNotes.ExecuteDeleteAsync(cancellationToken);
        await db.CaseReviews.ExecuteDeleteAsync(cancellationToken);
        await db.Referrals.ExecuteDeleteAsync(cancellationToken);
        await db.ActionItems.ExecuteDeleteAsync(cancellationToken);
        await db.ActionPlans.ExecuteDeleteAsync(cancellationToken);
        await db.CaseShares.ExecuteDeleteAsync(cancellationToken);
        await db.AssessmentAnswers.ExecuteDeleteAsync(cancellationToken);
        await db.Assessments.ExecuteDeleteAsync(cancellationToken);
        await db.CaseParticipants.ExecuteDeleteAsync(cancellationToken);
        await db.Screenings.ExecuteDeleteAsync(cancellationToken);
        await db.Incidents.ExecuteDeleteAsync(cancellationToken);
        await db.Cases.ExecuteDeleteAsync(cancellationToken);
        await db.People.ExecuteDeleteAsync(cancellationToken);

        var demoUsers = db.Users.Where(u => u.Email != null
            && (u.Email.EndsWith(DemoLogins.StaffDomain) || u.Email.EndsWith(DemoLogins.Domain)));
        await db.UserRoles.Where(r => demoUsers.Any(u => u.Id == r.UserId)).ExecuteDeleteAsync(cancellationToken);
        await db.UserClaims.Where(c => demoUsers.Any(u => u.Id == c.UserId)).ExecuteDeleteAsync(cancellationToken);
        await db.UserLogins.Where(l => demoUsers.Any(u => u.Id == l.UserId)).ExecuteDeleteAsync(cancellationToken);
        await db.UserTokens.Where(t => demoUsers.Any(u => u.Id == t.UserId)).ExecuteDeleteAsync(cancellationToken);
        await demoUsers.ExecuteDeleteAsync(cancellationToken);

        // Areas that kept a user stay (the generator reuses them by code); alert recipients that left are cleared.
        await db.Areas.Where(a => !db.Users.Any(u => u.AreaId == a.Id)).ExecuteDeleteAsync(cancellationToken);
        await db.Areas.Where(a => a.SergeantUserId != null && !db.Users.Any(u => u.Id == a.SergeantUserId))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.SergeantUserId, (string?)null).SetProperty(a => a.Version, a => a.Version + 1), cancellationToken);
        await db.Areas.Where(a => a.InspectorUserId != null && !db.Users.Any(u => u.Id == a.InspectorUserId))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.InspectorUserId, (string?)null).SetProperty(a => a.Version, a => a.Version + 1), cancellationToken);

        await transaction.CommitAsync(cancellationToken);
    }
}
