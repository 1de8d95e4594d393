using AsbOps.Web.Data.Seeding;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Tests.Data;

/// <summary>The same seed on the same day gives the same force in a fresh database; another seed does not.</summary>
[Collection(DemoForceCollection.Name)]
public sealed class DemoForceDeterminismTests(SeededDemoForce force)
{
    [Fact]
    public async Task TheSameSeedOnTheSameDayGivesTheSameForceInAFreshDatabase()
    {
        // Later the same day: the force depends on the date, not the time of day.
        using var other = new DemoForceAppFactory("Development", new DemoOptions().Seed, DemoForceAppFactory.Today.AddHours(9));
        await other.GenerateAsync();

        var expected = await FingerprintAsync(force.App);
        var actual = await FingerprintAsync(other);

        Assert.Equal(expected.References, actual.References);
        Assert.Equal(expected.Levels, actual.Levels);
        Assert.Equal(expected.FirstSummary, actual.FirstSummary);
        Assert.Equal(expected.StormRefs, actual.StormRefs);
    }

    [Fact]
    public async Task ADifferentSeedGivesADifferentForce()
    {
        using var other = new DemoForceAppFactory("Development", new DemoOptions().Seed + 1, DemoForceAppFactory.Today);
        await other.GenerateAsync();

        var expected = await FingerprintAsync(force.App);
        var actual = await FingerprintAsync(other);

        Assert.NotEqual(expected.FirstSummary + string.Join(",", expected.Levels), actual.FirstSummary + string.Join(",", actual.Levels));
        Assert.NotEqual(expected.StormRefs, actual.StormRefs);
    }

    private static async Task<Fingerprint> FingerprintAsync(DemoForceAppFactory app)
    {
        await using var db = app.CreateDbContext();
        var references = await db.Cases.OrderBy(c => c.Id).Select(c => c.Reference).ToListAsync();
        var levels = await db.Cases.GroupBy(c => c.RiskLevel).OrderBy(g => g.Key).Select(g => $"{g.Key}:{g.Count()}").ToListAsync();
        var first = await db.Cases.OrderBy(c => c.Id).Select(c => c.Summary).FirstAsync();
        var stormRefs = await db.Incidents.OrderBy(i => i.StormRef).Select(i => i.StormRef + "@" + i.ReceivedAt).Take(500).ToListAsync();
        return new Fingerprint(references, levels, first, string.Join("|", stormRefs));
    }

    private sealed record Fingerprint(List<string> References, List<string> Levels, string FirstSummary, string StormRefs);
}
