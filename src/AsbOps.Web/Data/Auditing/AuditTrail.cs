using System.Globalization;
using AsbOps.Domain.Audit;
using AsbOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Data.Auditing;

/// <summary>Writes audit entries the change tracker cannot see, such as a user viewing a case.</summary>
public sealed class AuditTrail(IDbContextFactory<AsbOpsDbContext> dbFactory, TimeProvider clock)
{
    public async Task RecordViewAsync(UserScope user, string entityType, long entityId, long? caseId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserId = string.IsNullOrEmpty(user.UserId) ? null : user.UserId,
            UserName = user.UserName,
            Action = AuditAction.View,
            EntityType = entityType,
            EntityId = entityId.ToString(CultureInfo.InvariantCulture),
            CaseId = caseId,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
