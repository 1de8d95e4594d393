using AsbOps.Domain.Referrals;
using AsbOps.Web.Data;
using AsbOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.Admin.Agencies;

public sealed record AgencyRow(Agency Agency, int PartnerUsers, int Referrals);

/// <summary>The partner agencies (a fixed list in the Domain) with how many partner users and referrals each has.</summary>
public sealed class AgencyQueries(IDbContextFactory<AsbOpsDbContext> dbFactory)
{
    public async Task<IReadOnlyList<AgencyRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().Where(u => u.PrimaryRole == Roles.Partner && u.Agency != null)
            .GroupBy(u => u.Agency!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var referrals = await db.Referrals.AsNoTracking()
            .GroupBy(r => r.Agency).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return [.. Enum.GetValues<Agency>().Select(a => new AgencyRow(a, users.GetValueOrDefault(a), referrals.GetValueOrDefault(a)))];
    }
}
