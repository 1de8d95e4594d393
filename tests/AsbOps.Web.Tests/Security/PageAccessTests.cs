using System.Net;
using System.Reflection;
using AsbOps.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace AsbOps.Web.Tests.Security;

/// <summary>
/// Walks every page as every role and anonymously, over real HTTP with the real login cookie, and checks the answer
/// against <see cref="PageAccessTable"/>. A row whose page is not in this build fails with a 404 message.
/// </summary>
public sealed class PageAccessTests(PageAccessFixture fixture) : IClassFixture<PageAccessFixture>
{
    private const string Anonymous = "anonymous";

    public static TheoryData<string, string> Visits()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in PageAccessTable.Pages)
        {
            data.Add(page.Template, Anonymous);
            foreach (var role in Roles.All)
            {
                data.Add(page.Template, role);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Visits))]
    public async Task EachPageLetsInOnlyTheRolesTheTableAllows(string template, string who)
    {
        var role = who == Anonymous ? null : who;
        var rule = PageAccessTable.Find(template)!;
        var path = fixture.PathFor(template);
        var client = await fixture.ClientAsync(role);

        using var response = await client.GetAsync(path);

        var got = $"GET {path} as {who} answered {(int)response.StatusCode} {response.StatusCode}"
                  + (response.Headers.Location is { } location ? $" → {location}" : "");
        Assert.False(response.StatusCode == HttpStatusCode.NotFound,
            $"{got}: no page answers this route in this build (if it is built on another branch, this row passes once merged).");
        if (rule.Allows(role))
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{got}; expected 200.");
        }
        else
        {
            var expected = role is null ? "/Account/Login" : "/Account/AccessDenied";
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && RedirectPath(response) == expected,
                $"{got}; expected 302 to {expected}.");
        }
    }

    [Fact]
    public void EveryRoutablePageHasARowInTheAccessTable()
    {
        var missing = RoutablePages()
            .SelectMany(page => page.GetCustomAttributes<RouteAttribute>().Select(route => $"{route.Template} ({page.Name})"))
            .Where(entry => PageAccessTable.Find(entry[..entry.IndexOf(" (", StringComparison.Ordinal)]) is null)
            .ToList();

        Assert.True(missing.Count == 0, "Pages without a row in PageAccessTable: " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryRoutablePageSaysWhoMayOpenIt()
    {
        var undeclared = RoutablePages()
            .Where(page => page.GetCustomAttribute<AuthorizeAttribute>() is null && page.GetCustomAttribute<AllowAnonymousAttribute>() is null)
            .Select(page => page.FullName)
            .ToList();

        Assert.True(undeclared.Count == 0, "Pages without [Authorize] or [AllowAnonymous]: " + string.Join(", ", undeclared));
    }

    [Fact]
    public void EveryRoutablePageDeclaresTheRolesItsTableRowAllows()
    {
        var mismatches = new List<string>();
        foreach (var page in RoutablePages())
        {
            foreach (var route in page.GetCustomAttributes<RouteAttribute>())
            {
                if (PageAccessTable.Find(route.Template) is not { } rule)
                {
                    continue;
                }

                var declared = page.GetCustomAttribute<AllowAnonymousAttribute>() is not null
                    ? PageAccess.Anonymous
                    : page.GetCustomAttribute<AuthorizeAttribute>()?.Roles is { Length: > 0 } ? PageAccess.RolesOnly : PageAccess.AnySignedIn;
                var roles = page.GetCustomAttribute<AuthorizeAttribute>()?.Roles?.Split(',', StringSplitOptions.TrimEntries) ?? [];
                if (declared != rule.Access || (declared == PageAccess.RolesOnly && !roles.Order().SequenceEqual(rule.AllowedRoles.Order())))
                {
                    mismatches.Add($"{route.Template}: page says {declared} [{string.Join(",", roles)}], table says {rule.Access} [{string.Join(",", rule.AllowedRoles)}]");
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("; ", mismatches));
    }

    private static IEnumerable<Type> RoutablePages() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t) && t.GetCustomAttributes<RouteAttribute>().Any());

    private static string? RedirectPath(HttpResponseMessage response) =>
        response.Headers.Location is not { } location
            ? null
            : location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];
}
