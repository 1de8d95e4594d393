using AsbOps.Web.Components.Layout;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using Bunit;

namespace AsbOps.Web.Tests.Layout;

public sealed class NavMenuTests : BunitTestBase
{
    [Theory]
    [InlineData(Roles.Officer)]
    [InlineData(Roles.Partner)]
    public void EverySignedInUserHasTheirAlertsInTheMenu(string role)
    {
        AddAuthorization().SetAuthorized("user@test.local").SetRoles(role);

        var menu = Render<NavMenu>();

        Assert.Single(menu.FindAll("a[href='/alerts']"));
    }
}
