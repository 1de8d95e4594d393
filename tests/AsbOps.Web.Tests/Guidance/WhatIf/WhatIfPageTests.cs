using System.Security.Claims;
using System.Text.RegularExpressions;
using AsbOps.Web.Data;
using AsbOps.Web.Features.Guidance;
using AsbOps.Web.Features.Guidance.WhatIf;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using static AsbOps.Web.Tests.Guidance.GuidanceFormDriver;

namespace AsbOps.Web.Tests.Guidance.WhatIf;

/// <summary>
/// The what-if page with bUnit on the fixture's real SQLite file: the draft edited in the guidance editor raises
/// "vulnerable = yes" to 6 and is replayed over the last twelve months, every area.
/// </summary>
public sealed partial class WhatIfPageTests : BunitTestBase, IClassFixture<WhatIfFixture>
{
    private readonly WhatIfFixture _app;
    private readonly BunitAuthorizationContext _auth;

    public WhatIfPageTests(WhatIfFixture app)
    {
        _app = app;
        Services.AddSingleton(app.Services.GetRequiredService<IDbContextFactory<AsbOpsDbContext>>());
        Services.AddSingleton(TimeProvider.System);
        Services.AddScoped<GuidancePublishingService>();
        Services.AddScoped<GuidanceWhatIfService>();
        Services.AddScoped<CurrentUser>();
        _auth = AddAuthorization();
    }

    [GeneratedRegex(@"ASB-\d{4}-\d{6}")]
    private static partial Regex CaseReference();

    private async Task<IRenderedComponent<WhatIfPage>> ReplayAsAsync(string email, string role)
    {
        var user = await _app.AddUserAsync(email, role);
        _auth.SetAuthorized(email).SetRoles(role).SetClaims(new Claim(ClaimTypes.NameIdentifier, user.Id));
        var host = Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<WhatIfPage>(1);
            builder.CloseComponent();
        });
        var page = host.FindComponent<WhatIfPage>();
        await EventuallyAsync(page, () => Assert.Single(page.FindAll("[data-testid='guidance-editor']")));
        Field(page, "option-score-victim-2-0").Input("6");
        await EventuallyAsync(page, () => Assert.False(page.Find("[data-testid='whatif-replay']").HasAttribute("disabled")));
        page.Find("[data-testid='whatif-replay']").Click();
        await EventuallyAsync(page, () => Assert.Single(page.FindAll("[data-testid='whatif-results']")));
        return page;
    }

    [Fact]
    public async Task AnAnalystSeesTheFiguresAndTheChangedAssessmentsCases()
    {
        var page = await ReplayAsAsync("whatif.analyst@test.local", Roles.Analyst);

        Assert.Equal("7", page.Find("[data-testid='whatif-assessments']").TextContent.Trim());
        Assert.Equal("3 (↑3 ↓0)", page.Find("[data-testid='whatif-changed']").TextContent.Trim());
        Assert.Equal("2", page.Find("[data-testid='whatif-cell-Medium-High']").TextContent.Trim());
        Assert.Equal("1", page.Find("[data-testid='whatif-cell-Low-Medium']").TextContent.Trim());
        Assert.Contains("Victim: vulnerable = yes (3 → 6)", page.Find("[data-testid='whatif-drivers']").TextContent);
        var cases = page.FindAll("[data-testid='whatif-change-case']").Select(a => a.TextContent.Trim()).ToList();
        Assert.Contains(_app.Case2, cases);
        Assert.Contains(_app.Case3, cases);
    }

    [Fact]
    public async Task AGuidanceReviewerSeesTheSameFiguresAndNoCase()
    {
        var page = await ReplayAsAsync("whatif.reviewer@test.local", Roles.GuidanceReviewer);

        Assert.Equal("7", page.Find("[data-testid='whatif-assessments']").TextContent.Trim());
        Assert.Equal("3 (↑3 ↓0)", page.Find("[data-testid='whatif-changed']").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid='whatif-changes']"));
        Assert.DoesNotMatch(CaseReference(), page.Markup);
        Assert.DoesNotContain(WhatIfFixture.LastName, page.Markup);
    }
}
