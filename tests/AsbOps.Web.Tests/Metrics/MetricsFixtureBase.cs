using AsbOps.Web.Data;
using AsbOps.Web.Features.Metrics;
using AsbOps.Web.Tests.Compliance;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.Metrics;

/// <summary>A metrics fixture: an area under test, another area whose data must be left out, and a fixed "now".</summary>
public abstract class MetricsFixtureBase(string areaCode, string otherAreaCode) : AsbOpsAppFactory, IAsyncLifetime
{
    public static readonly DateTime Now = new(2026, 3, 10, 12, 0, 0, DateTimeKind.Utc);

    public int Area { get; private set; }

    public int VersionId { get; private set; }

    public MetricsQueries CreateQueries() => new(Services.GetRequiredService<IDbContextFactory<AsbOpsDbContext>>(), Services.GetRequiredService<AreaDirectory>());

    public async Task InitializeAsync()
    {
        Area = (await AddAreaAsync(areaCode)).Id;
        var other = (await AddAreaAsync(otherAreaCode)).Id;
        await using var db = CreateDbContext();
        VersionId = await db.GuidanceVersions.Select(v => v.Id).FirstAsync();
        await SeedAsync(db, new CaseBuilder(db, VersionId, Now), other);
    }

    /// <summary>Adds the fixture's hand-counted data; <paramref name="otherArea"/> is the area to leave out.</summary>
    protected abstract Task SeedAsync(AsbOpsDbContext db, CaseBuilder b, int otherArea);

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}
