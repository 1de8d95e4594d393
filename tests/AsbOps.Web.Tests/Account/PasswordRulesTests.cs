using System.Net;
using AsbOps.Web.Data;
using AsbOps.Web.Features.Account;
using AsbOps.Web.Security.Passwords;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.Account;

/// <summary>NCSC password rules: at least 12 characters, no composition rules, and not on the deny-list of common passwords.</summary>
public sealed class PasswordRulesTests(AsbOpsAppFactory app) : IClassFixture<AsbOpsAppFactory>
{
    [Fact]
    public void TheDenyListHoldsAtLeastTenThousandCommonPasswords() =>
        Assert.True(CommonPasswords.Instance.Count >= 10_000, $"The deny-list has {CommonPasswords.Instance.Count} passwords.");

    [Theory]
    [InlineData("1qaz2wsx3edc")]
    [InlineData("QWERTY123456")]
    [InlineData("leavemealone")]
    [InlineData("password123456!")]
    public async Task ACommonPasswordIsRefusedWhateverItsLength(string password)
    {
        var result = await SetPasswordAsync($"common-{Guid.NewGuid():N}@test.local", password);

        var error = Assert.Single(result.Errors);
        Assert.Equal(CommonPasswordValidator<AppUser>.ErrorCode, error.Code);
        Assert.Contains("list of common passwords", error.Description);
    }

    [Fact]
    public async Task AShortPasswordIsRefusedWithItsLength()
    {
        var result = await SetPasswordAsync("short@test.local", "Tr0ub4dor&3");

        Assert.Equal("Passwords must be at least 12 characters.", Assert.Single(result.Errors).Description);
    }

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("lowercaseonlypassphrase")]
    public async Task ALongUncommonPasswordNeedsNoDigitsCapitalsOrSymbols(string password) =>
        Assert.True((await SetPasswordAsync($"fine-{Guid.NewGuid():N}@test.local", password)).Succeeded);

    [Fact]
    public async Task TheSetPasswordPageSaysBesideTheFieldThatAPasswordIsCommon()
    {
        string link;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<FirstAdministrator>().CreateOrEnableAsync("deny-list@force.test");
            link = created.Link!;
        }

        using var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

        var response = await SetPasswordForm.PostAsync(client, link, "qwerty123456");
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(CommonPasswordValidator<AppUser>.Message, page.Single("set-password-error").Text());
    }

    private async Task<IdentityResult> SetPasswordAsync(string email, string password)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.CreateAsync(new AppUser { UserName = email, Email = email, DisplayName = "Rules" }, password);
    }
}
