using AsbOps.Domain.Cases;
using AsbOps.Domain.Incidents;
using AsbOps.Domain.Referrals;
using AsbOps.Domain.Risk;
using AsbOps.Web.Tests.Infrastructure;

namespace AsbOps.Web.Tests.Cases;

/// <summary>A person to put on a seeded case.</summary>
public sealed record PersonSeed(string FirstName, string LastName, PersonRole Role, RiskLevel Risk = RiskLevel.NotAssessed, string? Postcode = null);

/// <summary>Small case fixtures written straight to the test database.</summary>
public static class CaseSeeding
{
    private static int _sequence;

    /// <summary>A reference no other test in the run uses.</summary>
    public static string NextReference() => $"ASB-2026-{Interlocked.Increment(ref _sequence) + 100000:D6}";

    public static async Task<AsbCase> AddCaseAsync(
        this AsbOpsAppFactory app,
        int areaId,
        Action<AsbCase>? configure = null,
        IEnumerable<PersonSeed>? people = null,
        Agency[]? sharedWith = null)
    {
        var opened = new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);
        var asbCase = new AsbCase
        {
            Reference = NextReference(),
            AreaId = areaId,
            Category = AsbCategory.Personal,
            OpenedAt = opened,
            Address = "1 Test Street, Loughborough",
            Postcode = "LE11 1AA",
            Summary = "Noise and abuse from a neighbour",
        };
        configure?.Invoke(asbCase);
        foreach (var seed in people ?? [])
        {
            asbCase.Participants.Add(new CaseParticipant
            {
                Role = seed.Role,
                RiskLevel = seed.Risk,
                AddedAt = opened,
                Person = new Person
                {
                    FirstName = seed.FirstName,
                    LastName = seed.LastName,
                    Postcode = seed.Postcode,
                    SearchName = Person.ToSearchName(seed.FirstName, seed.LastName),
                },
            });
        }

        await using var db = app.CreateDbContext();
        db.Cases.Add(asbCase);
        await db.SaveChangesAsync();
        foreach (var agency in sharedWith ?? [])
        {
            db.CaseShares.Add(new CaseShare { CaseId = asbCase.Id, Agency = agency, SharedAt = opened });
        }

        await db.SaveChangesAsync();
        return asbCase;
    }
}
