using System.Net;
using AsbOps.Web.Features.Account;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AsbOps.Web.Tests.Account;

/// <summary>The set-password page on links made in the process, on a clock the test moves.</summary>
public sealed class SetPasswordLinkTests : IAsyncLifetime
{
    private readonly ClockedAppFactory _app = new(new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)),
        settings: new Dictionary<string, string?> { ["App:BaseUrl"] = "https://asbops.force.test/", ["Authentication:SetPasswordLinkHours"] = "24" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<string> NewAdministratorLinkAsync(string email)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<FirstAdministrator>().CreateOrEnableAsync(email);
        Assert.True(result.Succeeded, result.Message);
        return result.Link!;
    }

    [Fact]
    public async Task TheLinkStartsWithTheConfiguredAddress()
    {
        var link = await NewAdministratorLinkAsync("address@force.test");

        Assert.StartsWith("https://asbops.force.test/Account/SetPassword?email=address%40force.test&token=", link);
    }

    [Fact]
    public async Task ALinkWorksUntilItsLifespanEndsAndThenSaysItHasExpired()
    {
        var link = await NewAdministratorLinkAsync("expiry@force.test");
        using var client = _app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = _app.ClientAddress });

        _app.Clock.Advance(TimeSpan.FromHours(23.9));
        var stillOpen = await Html.GetAsync(client, SetPasswordForm.PathOf(link));
        _app.Clock.Advance(TimeSpan.FromHours(0.2));
        var expired = await Html.GetAsync(client, SetPasswordForm.PathOf(link));
        var posted = await SetPasswordForm.PostAsync(client, link, "a perfectly long password");

        Assert.Single(stillOpen.All("set-password-submit"));
        Assert.Contains("expired", expired.Single("set-password-link-invalid").Text());
        Assert.Empty(expired.All("set-password-submit"));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("data-testid=\"set-password-link-invalid\"", await posted.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ATamperedOrMissingTokenSaysTheLinkNoLongerWorks()
    {
        var link = await NewAdministratorLinkAsync("tamper@force.test");
        using var client = _app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = _app.ClientAddress });

        var tampered = await Html.GetAsync(client, SetPasswordForm.PathOf(link)[..^3] + "abc");
        var missing = await Html.GetAsync(client, "/Account/SetPassword?email=tamper%40force.test");
        var otherUser = await Html.GetAsync(client, SetPasswordForm.PathOf(link).Replace("tamper%40", "nobody%40", StringComparison.Ordinal));

        Assert.Single(tampered.All("set-password-link-invalid"));
        Assert.Single(missing.All("set-password-link-invalid"));
        Assert.Single(otherUser.All("set-password-link-invalid"));
    }

    [Theory]
    [InlineData("short pass", "short pass", "Use at least 12 characters.")]
    [InlineData("a long enough password", "a different password", "The two passwords are not the same.")]
    [InlineData("", "", "Enter a new password.")]
    public async Task AnUnacceptablePasswordIsExplainedBesideItsFieldAndTheLinkStillWorks(string password, string confirm, string message)
    {
        var link = await NewAdministratorLinkAsync($"rules-{Guid.NewGuid():N}@force.test");
        using var client = _app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = _app.ClientAddress });

        var response = await SetPasswordForm.PostAsync(client, link, password, confirm);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, html);
        Assert.Equal(HttpStatusCode.Redirect, (await SetPasswordForm.PostAsync(client, link, "now a long enough password")).StatusCode);
    }

    [Fact]
    public async Task TwelveCharactersWithoutDigitsCapitalsOrSymbolsAreAccepted()
    {
        var link = await NewAdministratorLinkAsync("ncsc@force.test");
        using var client = _app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = _app.ClientAddress });

        var response = await SetPasswordForm.PostAsync(client, link, "twelve chars");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var signedIn = await _app.CreateSignedInClientAsync("ncsc@force.test", "twelve chars");
    }
}
