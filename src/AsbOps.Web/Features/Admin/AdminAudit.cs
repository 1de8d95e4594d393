using System.Text.Json;
using AsbOps.Domain.Audit;
using AsbOps.Web.Data;
using AsbOps.Web.Security;

namespace AsbOps.Web.Features.Admin;

/// <summary>
/// Audit entries for administrative actions the change tracker cannot describe: a link sent, MFA reset, a password
/// withdrawn, a message resent. Added to the context, so they commit with the action or not at all.
/// </summary>
public static class AdminAudit
{
    public static void Record(AsbOpsDbContext db, UserScope admin, DateTime at, string entityType, string entityId, string what, object? from, object? to) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = at,
            UserId = string.IsNullOrEmpty(admin.UserId) ? null : admin.UserId,
            UserName = admin.UserName,
            Action = AuditAction.Update,
            EntityType = entityType,
            EntityId = entityId,
            Changes = JsonSerializer.Serialize(new SortedDictionary<string, object?>(StringComparer.Ordinal) { [what] = new { from, to } }),
        });
}
