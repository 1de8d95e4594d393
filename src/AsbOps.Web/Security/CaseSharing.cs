using AsbOps.Domain.Cases;
using AsbOps.Domain.Referrals;
using AsbOps.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Security;

/// <summary>
/// A referral shares its case with the receiving agency: every path that makes a referral (the referrals page, a
/// safeguarding referral from an assessment) calls this in the referral's own save, so the agency's partner users see
/// the case exactly when the referral exists (<see cref="CaseAccess"/>).
/// </summary>
public static class CaseSharing
{
    /// <summary>Adds the share to <paramref name="db"/> unless the case is already (or about to be) shared with the agency.</summary>
    public static async Task ShareWithAsync(
        AsbOpsDbContext db, long caseId, Agency agency, DateTime now, string? userId, CancellationToken cancellationToken)
    {
        var pending = db.ChangeTracker.Entries<CaseShare>()
            .Any(e => e.State == EntityState.Added && e.Entity.CaseId == caseId && e.Entity.Agency == agency);
        if (pending || await db.CaseShares.AnyAsync(s => s.CaseId == caseId && s.Agency == agency, cancellationToken))
        {
            return;
        }

        db.CaseShares.Add(new CaseShare
        {
            CaseId = caseId,
            Agency = agency,
            SharedAt = now,
            SharedByUserId = string.IsNullOrEmpty(userId) ? null : userId,
        });
    }
}
