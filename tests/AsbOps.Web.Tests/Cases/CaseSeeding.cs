using AsbOps.Domain.Cases;
using AsbOps.Domain.Referrals;
using AsbOps.Domain.Risk;
using AsbOps.Web.Tests.Infrastructure;

namespace AsbOps.Web.Tests.Cases;

/// <summary>A person to put on a seeded case.</summary>
public sealed record PersonSeed(string FirstName, string LastName, PersonRole Role, RiskLevel Risk = RiskLevel.NotAssessed, string? Postcode = null);

/// <summary>Small cases written straight to the test database through the <see cref="CaseBuilder"/>.</summary>
public static class CaseSeeding
{
    private static readonly DateTime Opened = new(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);

    public static async Task<AsbCase> AddCaseAsync(
        this AsbOpsAppFactory app,
        int areaId,
        Action<AsbCase>? configure = null,
        IEnumerable<PersonSeed>? people = null,
        Agency[]? sharedWith = null)
    {
        await using var db = app.CreateDbContext();
        var b = new CaseBuilder(db, Opened);
        var asbCase = b.Case(areaId, openedAt: Opened, nextReviewInDays: null, address: "1 Test Street, Loughborough", postcode: "LE11 1AA",
            summary: "Noise and abuse from a neighbour", with: configure);
        foreach (var seed in people ?? [])
        {
            b.Person(asbCase, seed.Role, seed.Risk, seed.FirstName, seed.LastName, postcode: seed.Postcode, addedAt: Opened);
        }

        await db.SaveChangesAsync();
        foreach (var agency in sharedWith ?? [])
        {
            b.Share(asbCase, agency, Opened);
        }

        await db.SaveChangesAsync();
        return asbCase;
    }
}
