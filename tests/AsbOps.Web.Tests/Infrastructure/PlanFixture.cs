using AsbOps.Domain.Cases;
using AsbOps.Domain.Incidents;
using AsbOps.Domain.Referrals;
using AsbOps.Domain.Risk;
using AsbOps.Web.Data;
using AsbOps.Web.Features.HighRisk;
using AsbOps.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AsbOps.Web.Tests.Infrastructure;

/// <summary>One area with its staff and one open case, on the real SQLite app; each call makes a fresh area.</summary>
public sealed record PlanWorld(long CaseId, string Reference, int AreaId, string AreaCode, UserScope Officer, UserScope Sergeant, UserScope Admin)
{
    public static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);

    public static readonly DateTime OpenedAt = Now.AddDays(-10);

    /// <summary>The first review falls due 56 days after opening: 46 days after <see cref="Now"/>.</summary>
    private const int ReviewDueInDays = 46;

    private static int _next;

    public static FakeTimeProvider Clock() => new(new DateTimeOffset(Now));

    /// <summary>A service built from the app's container but with the test's clock.</summary>
    public static T Service<T>(AsbOpsAppFactory app, TimeProvider clock) where T : class =>
        ActivatorUtilities.CreateInstance<T>(app.Services, clock);

    public static async Task<PlanWorld> CreateAsync(AsbOpsAppFactory app, string prefix)
    {
        var n = Interlocked.Increment(ref _next);
        var code = $"{prefix}{n}";
        var lower = code.ToLowerInvariant();
        var area = await app.AddAreaAsync(code);
        var officer = await app.AddUserAsync($"pc.{lower}@test.local", Roles.Officer, area.Id, displayName: $"PC {code}");
        var sergeant = await app.AddUserAsync($"sgt.{lower}@test.local", Roles.Sergeant, area.Id, displayName: $"Sgt {code}");
        var admin = await app.AddUserAsync($"admin.{lower}@test.local", Roles.Admin, displayName: $"Admin {code}");
        await using var db = app.CreateDbContext();
        (await db.Areas.SingleAsync(a => a.Id == area.Id)).SergeantUserId = sergeant.Id;
        var @case = new CaseBuilder(db, Now).Case(area.Id, openedAt: OpenedAt, nextReviewInDays: ReviewDueInDays, address: "9 Hill St", postcode: "LE11 2BB",
            summary: "Targeted abuse");
        await db.SaveChangesAsync();
        return new PlanWorld(@case.Id, @case.Reference, area.Id, code,
            new UserScope(officer.Id, officer.Email!, Roles.Officer, area.Id, null),
            new UserScope(sergeant.Id, sergeant.Email!, Roles.Sergeant, area.Id, null),
            new UserScope(admin.Id, admin.Email!, Roles.Admin, null, null));
    }

    public static async Task<UserScope> PartnerAsync(AsbOpsAppFactory app, Agency agency)
    {
        var user = await app.AddUserAsync($"partner.{Guid.NewGuid():N}@test.local", Roles.Partner, agency: agency);
        return new UserScope(user.Id, user.Email!, Roles.Partner, null, agency);
    }

    /// <summary>Adds a victim assessed high and runs the high-risk procedure, so the case is high with active markers.</summary>
    public async Task<long> MakeHighRiskAsync(AsbOpsAppFactory app)
    {
        await using var db = app.CreateDbContext();
        var version = await db.GuidanceVersions.OrderByDescending(g => g.Number).FirstAsync();
        var b = new CaseBuilder(db, version.Id, Now);
        var victim = b.Person(CaseId, PersonRole.Victim, OpenedAt, firstName: "Ada", lastName: "Victim", address: "9 Hill St", postcode: "LE11 2BB");
        await db.SaveChangesAsync();
        b.Assess(CaseId, victim, RiskLevel.High, createdDaysAgo: 1, createdBy: Officer.UserId);
        await db.SaveChangesAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await app.Services.GetRequiredService<HighRiskProcedure>().ApplyAsync(db, CaseId, Now.AddDays(-1));
        await transaction.CommitAsync();
        return victim.Id;
    }

    public async Task<int> CaseVersionAsync(AsbOpsAppFactory app)
    {
        await using var db = app.CreateDbContext();
        return await db.Cases.Where(c => c.Id == CaseId).Select(c => c.Version).SingleAsync();
    }

    public static AsbOpsDbContext Db(AsbOpsAppFactory app) => app.CreateDbContext();
}
