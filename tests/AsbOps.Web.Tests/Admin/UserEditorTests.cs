using System.Security.Claims;
using AsbOps.Web.Data;
using AsbOps.Web.Features.Admin.Users;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AsbOps.Web.Tests.Admin;

/// <summary>The user editor against the real service: a save over another administrator's change says so beside the form.</summary>
public sealed class UserEditorTests : BunitTestBase, IClassFixture<AsbOpsAppFactory>
{
    private readonly AsbOpsAppFactory _app;

    public UserEditorTests(AsbOpsAppFactory app)
    {
        _app = app;
        Services.AddSingleton(AdminWorld.Service<UserAdministration>(app));
        Services.AddScoped<CurrentUser>();
    }

    [Fact]
    public async Task SavingOverAnotherAdministratorsChangeShowsTheConflictBesideTheFormAndKeepsTheirValue()
    {
        var area = await _app.AddAreaAsync("EDITORA");
        var me = await AdminWorld.AdminAsync(_app, "editor.me@test.local");
        var other = await AdminWorld.AdminAsync(_app, "editor.other@test.local");
        var user = await _app.AddUserAsync("editor.user@test.local", Roles.Officer, area.Id, displayName: "Editor User");
        AddAuthorization().SetAuthorized(me.UserName).SetRoles(Roles.Admin).SetClaims(new Claim(ClaimTypes.NameIdentifier, me.UserId));
        Render<MudPopoverProvider>();
        var editor = Render<UserEditor>(p => p.Add(x => x.UserId, user.Id));
        editor.WaitForElement("form[data-testid=user-edit-form]");

        var theirs = (await AdminWorld.Service<UserAdministration>(_app).GetAsync(user.Id))!.ToInput();
        theirs.DisplayName = "Their name";
        Assert.True((await AdminWorld.Service<UserAdministration>(_app).UpdateAsync(other, theirs)).Succeeded);
        editor.Find("[data-testid=user-field-name] input, input[data-testid=user-field-name]").Change("My name");
        editor.Find("form[data-testid=user-edit-form]").Submit();

        editor.WaitForAssertion(() => Assert.Contains(CommandResult.ConflictMessage, editor.Find("[data-testid=user-editor-message]").TextContent));
        var panel = editor.Find("[data-testid=user-editor]");
        Assert.NotNull(panel.QuerySelector("[data-testid=user-editor-message]"));
        Assert.NotNull(panel.QuerySelector("form[data-testid=user-edit-form]"));
        Assert.NotNull(panel.QuerySelector("[data-testid=user-editor-reload]"));
        Assert.Equal("Their name", (await AdminWorld.UserAsync(_app, "editor.user@test.local")).DisplayName);
    }
}
