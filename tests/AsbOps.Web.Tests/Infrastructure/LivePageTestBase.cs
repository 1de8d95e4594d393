using System.Globalization;
using System.Security.Claims;
using AsbOps.Web.Live;
using AsbOps.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AsbOps.Web.Tests.Infrastructure;

/// <summary>
/// A live page under bUnit: a real <see cref="OpsNotifier"/> to publish changes on, a fake clock for the throttle and
/// the minute reload, and a signed-in user of a role and (optionally) an area.
/// </summary>
public abstract class LivePageTestBase : BunitTestBase
{
    protected LivePageTestBase(FakeTimeProvider clock)
    {
        Clock = clock;
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddSingleton(Notifier);
        Services.AddScoped<CurrentUser>();
    }

    protected FakeTimeProvider Clock { get; }

    protected OpsNotifier Notifier { get; } = new(NullLogger<OpsNotifier>.Instance);

    protected void SignIn(string role, int? areaId, string user = "user@test.local")
    {
        var auth = AddAuthorization();
        auth.SetAuthorized(user);
        auth.SetRoles(role);
        if (areaId is { } id)
        {
            auth.SetClaims(new Claim(AppClaimTypes.AreaId, id.ToString(CultureInfo.InvariantCulture)));
        }
    }
}
