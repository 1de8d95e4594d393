using System.Net;
using System.Text.Json;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;

namespace AsbOps.Web.Tests.Security;

/// <summary>Requests that fail authentication are limited per address (Security:FailedAuthenticationPerMinute, default 100).</summary>
public sealed class FailedAuthenticationLimitTests(ApiAppFactory app) : IClassFixture<ApiAppFactory>
{
    [Fact]
    public async Task AFloodOfRequestsWithAWrongKeyIsRefusedWith429ProblemDetailsWhileAValidKeyStillWorks()
    {
        using var wrong = app.ClientWithKey("not-a-key");
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < FailedAuthenticationLimit.DefaultPerMinute + 5; i++)
        {
            var response = await wrong.GetAsync("/api/v1/areas");
            statuses.Add(response.StatusCode);
            refused ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.Equal(FailedAuthenticationLimit.DefaultPerMinute, statuses.Count(s => s == HttpStatusCode.Unauthorized));
        Assert.All(statuses.Skip(FailedAuthenticationLimit.DefaultPerMinute), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        Assert.NotNull(refused);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal(FailedAuthenticationLimit.TooManyRequestsType, problem.RootElement.GetProperty("type").GetString());
        Assert.Contains(FailedAuthenticationLimit.Setting, problem.RootElement.GetProperty("detail").GetString());

        using var valid = app.ClientWithKey(ApiAppFactory.StormKey);
        Assert.Equal(HttpStatusCode.OK, (await valid.GetAsync("/api/v1/areas")).StatusCode);
    }
}
