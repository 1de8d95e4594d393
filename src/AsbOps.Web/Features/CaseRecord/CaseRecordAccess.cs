using AsbOps.Domain.Cases;
using AsbOps.Web.Data;
using AsbOps.Web.Data.Auditing;
using AsbOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.CaseRecord;

/// <summary>The case a notes, contacts or files command works on, as the caller may see it.</summary>
internal sealed record VisibleCase(long Id, string Reference, int AreaId, CaseStatus Status)
{
    public bool IsOpen => Status != CaseStatus.Closed;
}

/// <summary>
/// What the case record's services share: the one scope rule (<see cref="CaseAccess.VisibleTo"/>) to reach a case,
/// who writes to it (the area's officers, sergeant and inspector, or an admin — never partners, analysts or
/// compliance officers), and a context that audits under the caller's name.
/// </summary>
internal static class CaseRecordAccess
{
    public static Task<VisibleCase?> FindAsync(AsbOpsDbContext db, UserScope user, long caseId, CancellationToken cancellationToken) =>
        db.Cases.AsNoTracking().VisibleTo(db, user).Where(c => c.Id == caseId)
            .Select(c => new VisibleCase(c.Id, c.Reference, c.AreaId, c.Status))
            .FirstOrDefaultAsync(cancellationToken);

    public static bool CanWrite(UserScope user) => CaseManagementRoles.CanEditPlan(user);

    public static async Task<AsbOpsDbContext> OpenAsync(
        IDbContextFactory<AsbOpsDbContext> dbFactory, UserScope user, TimeProvider clock, CancellationToken cancellationToken)
    {
        var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditActor = new AuditActor(string.IsNullOrEmpty(user.UserId) ? null : user.UserId, user.UserName);
        db.Clock = clock;
        return db;
    }

    /// <summary>The name the record shows for the caller: their display name, or the login name when they have none.</summary>
    public static async Task<string> DisplayNameAsync(AsbOpsDbContext db, UserScope user, CancellationToken cancellationToken)
    {
        var name = string.IsNullOrEmpty(user.UserId)
            ? null
            : await db.Users.Where(u => u.Id == user.UserId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        return string.IsNullOrWhiteSpace(name) ? user.UserName : name;
    }
}
