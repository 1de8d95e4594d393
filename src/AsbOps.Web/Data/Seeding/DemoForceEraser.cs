using AsbOps.Domain.ActionPlans;
using AsbOps.Domain.Alerts;
using AsbOps.Domain.Audit;
using AsbOps.Domain.CaseRecord;
using AsbOps.Domain.CaseReviews;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Compliance;
using AsbOps.Domain.Email;
using AsbOps.Domain.Incidents;
using AsbOps.Domain.Markers;
using AsbOps.Domain.Referrals;
using AsbOps.Domain.Reminders;
using AsbOps.Domain.Retention;
using AsbOps.Domain.Risk;
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
    /// <summary>The tables the demo force owns outright, emptied whole (children before parents), with their delete.</summary>
    private static readonly (Type Entity, Func<AsbOpsDbContext, CancellationToken, Task<int>> Delete)[] WholeTables =
    [
        Whole<Reminder>(), Whole<CaseReviewPrompt>(), Whole<CaseReviewRecommendation>(), Whole<CaseReviewReliedReport>(),
        Whole<CaseReviewApplication>(), Whole<FindingChase>(), Whole<FindingLife>(), Whole<OutboxMessage>(), Whole<Alert>(), Whole<AuditEntry>(),
        Whole<ComplianceFinding>(), Whole<ComplianceSnapshotCount>(), Whole<ComplianceAreaTotals>(), Whole<ComplianceSnapshot>(), Whole<Marker>(),
        Whole<CaseFile>(), Whole<VictimContact>(), Whole<VictimContactPlan>(), Whole<CaseNote>(), Whole<RetentionDecision>(), Whole<CaseReview>(),
        Whole<Referral>(), Whole<ActionItem>(), Whole<ActionPlan>(), Whole<CaseShare>(), Whole<AssessmentAnswer>(), Whole<Assessment>(),
        Whole<CaseParticipant>(), Whole<VictorEScreening>(), Whole<Incident>(), Whole<AsbCase>(), Whole<Person>(),
    ];

    private static (Type, Func<AsbOpsDbContext, CancellationToken, Task<int>>) Whole<T>() where T : class =>
        (typeof(T), (db, cancellationToken) => db.Set<T>().ExecuteDeleteAsync(cancellationToken));

    public static async Task EraseAsync(AsbOpsDbContext db, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        if (db.Database.IsNpgsql())
        {
            // One TRUNCATE of them all: a delete of a scale-100 force row by row, through every index and cascade, takes
            // many minutes. Without CASCADE it fails, rather than empties, if another table still refers to one of them.
            // The names come from the model, not from input.
            var truncate = "TRUNCATE TABLE " + string.Join(", ", WholeTables.Select(t => $"\"{db.Model.FindEntityType(t.Entity)!.GetTableName()}\""));
            await db.Database.ExecuteSqlRawAsync(truncate, cancellationToken);
        }
        else
        {
            foreach (var table in WholeTables)
            {
                await table.Delete(db, cancellationToken);
            }
        }

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
