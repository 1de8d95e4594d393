using System.Globalization;
using System.Security.Claims;
using AsbOps.Web.Features.Dashboard;
using AsbOps.Web.Live;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;

namespace AsbOps.Web.Tests.Dashboard;

/// <summary>A high-risk alert reaches the sergeant and inspector of the case's area as a snackbar with a link, and nobody else.</summary>
public sealed class HighRiskAlertListenerTests : BunitTestBase
{
    private readonly OpsNotifier _notifier = new(NullLogger<OpsNotifier>.Instance);

    public HighRiskAlertListenerTests()
    {
        Services.AddSingleton<IOpsDashboardQueries>(new FakeDashboardQueries());
        Services.AddSingleton(_notifier);
        Services.AddScoped<CurrentUser>();
    }

    private IRenderedComponent<MudSnackbarProvider> RenderAs(string role, int? areaId)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("user@test.local");
        auth.SetRoles(role);
        if (areaId is { } id)
        {
            auth.SetClaims(new Claim(AppClaimTypes.AreaId, id.ToString(CultureInfo.InvariantCulture)));
        }

        var snackbars = Render<MudSnackbarProvider>();
        Render<HighRiskAlertListener>();
        return snackbars;
    }

    [Theory]
    [InlineData(Roles.Sergeant)]
    [InlineData(Roles.Inspector)]
    public void TheSergeantAndInspectorOfTheAreaGetAnAlertLinkingToTheCase(string role)
    {
        var snackbars = RenderAs(role, 1);

        _notifier.Publish(new OpsChange(OpsChangeKind.HighRiskRaised, "NORTH", "ASB-2026-000777"));

        snackbars.WaitForAssertion(() =>
            Assert.Equal("/cases/ASB-2026-000777", snackbars.Find("[data-testid='high-risk-alert'] a").GetAttribute("href")));
    }

    [Theory]
    [InlineData(Roles.Sergeant, 1, "SOUTH")]
    [InlineData(Roles.Officer, 1, "NORTH")]
    [InlineData(Roles.Compliance, null, "NORTH")]
    public void NobodyElseGetsTheAlert(string role, int? areaId, string caseArea)
    {
        var snackbars = RenderAs(role, areaId);

        _notifier.Publish(new OpsChange(OpsChangeKind.HighRiskRaised, caseArea, "ASB-2026-000778"));
        // A message added after the publish shows that an alert, had there been one, has had its turn to render.
        snackbars.InvokeAsync(() => Services.GetRequiredService<ISnackbar>().Add("sentinel"));

        snackbars.WaitForAssertion(() => Assert.Contains("sentinel", snackbars.Markup));
        Assert.Empty(snackbars.FindAll("[data-testid='high-risk-alert']"));
    }
}
