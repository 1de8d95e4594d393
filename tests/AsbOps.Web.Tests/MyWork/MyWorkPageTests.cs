using System.Security.Claims;
using AsbOps.Web.Features.MyWork;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.CaseReviews;
using AsbOps.Web.Tests.Infrastructure;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AsbOps.Web.Tests.MyWork;

/// <summary>The app (on its own SQLite file, at a fixed time) behind the "my work" page tests.</summary>
public sealed class MyWorkPageApp : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 11, 0, 0, TimeSpan.Zero);

    public ClockedAppFactory App { get; } = new(new FakeTimeProvider(Now));

    public void Dispose() => App.Dispose();
}

/// <summary>The "my work" page rendered with bUnit against the real service on the app's real SQLite file.</summary>
public sealed class MyWorkPageTests : BunitTestBase, IClassFixture<MyWorkPageApp>
{
    private static readonly DateTimeOffset Now = MyWorkPageApp.Now;
    private readonly ClockedAppFactory _app;
    private readonly BunitAuthorizationContext _auth;

    public MyWorkPageTests(MyWorkPageApp fixture)
    {
        _app = fixture.App;
        Services.AddSingleton(_app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<AsbOps.Web.Data.AsbOpsDbContext>>());
        Services.AddSingleton(_app.Get<TimeProvider>());
        Services.AddSingleton(_app.Get<Microsoft.Extensions.Options.IOptions<AsbOps.Web.Features.Compliance.ComplianceOptions>>());
        Services.AddSingleton(_app.Get<Microsoft.Extensions.Options.IOptions<AsbOps.Domain.CaseReviews.CaseReviewSettings>>());
        Services.AddScoped<MyWorkService>();
        Services.AddScoped<CurrentUser>();
        _auth = AddAuthorization();
    }

    [Fact]
    public async Task TheLeadOfficerSeesTheCaseReviewPromptLinkedToTheCase()
    {
        var world = await CaseReviewWorld.CreateAsync(_app, "MWPAGE");
        string reference;
        await using (var db = _app.CreateDbContext())
        {
            var b = new CaseBuilder(db, Now.UtcDateTime);
            var c = b.Case(world.AreaId, leadOfficerId: world.Officer.UserId);
            await db.SaveChangesAsync();
            foreach (var (suffix, daysAgo) in new[] { ("1", 40), ("2", 2) })
            {
                b.Incident(world.AreaId, $"MWPAGE-{suffix}", c, receivedAt: Now.UtcDateTime.AddDays(-daysAgo),
                    with: i => { i.ReporterName = "Vera Victim"; i.ReporterPhone = "07700 900888"; });
            }

            await db.SaveChangesAsync();
            reference = c.Reference;
        }

        _auth.SetAuthorized(world.OfficerEmail).SetRoles(Roles.Officer).SetClaims(
            new Claim(ClaimTypes.NameIdentifier, world.Officer.UserId), new Claim(AppClaimTypes.AreaId, world.AreaId.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var page = Render<MyWorkPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid='my-work-item'][data-kind='CaseReviewPrompt']")));
        var item = page.Find("[data-testid='my-work-item'][data-kind='CaseReviewPrompt']");
        Assert.Equal(reference, item.GetAttribute("data-case"));
        Assert.Equal("false", item.GetAttribute("data-overdue"));
        var link = item.QuerySelector("[data-testid='my-work-link']")!;
        Assert.Equal($"/cases/{reference}#case-review-prompt", link.GetAttribute("href"));
        Assert.Equal("Tell Vera Victim about the ASB Case Review (reported again: MWPAGE-2)", link.TextContent.Trim());
        Assert.Contains("reported 18 Nov 2026", item.TextContent, StringComparison.Ordinal);
    }
}
