using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Authentication;

namespace AsbOps.Web.Security;

/// <summary>
/// Limits requests that fail authentication (a 401: a missing or wrong API key, an expired token) per client address:
/// setting <c>Security:FailedAuthenticationPerMinute</c> (default 100). Over it, the address's unauthenticated
/// requests get 429 problem details with <c>Retry-After</c> until the minute is over, so guessing keys or flooding
/// the hub's negotiate cannot run unbounded. Signed-in users and valid keys from the same address are not refused.
/// Counted per instance, in fixed one-minute windows.
/// </summary>
public sealed partial class FailedAuthenticationLimit(IConfiguration configuration, TimeProvider clock, ILogger<FailedAuthenticationLimit> logger)
{
    public const string Setting = "Security:FailedAuthenticationPerMinute";
    public const int DefaultPerMinute = 100;

    /// <summary>The problem type of a refusal for rate (RFC 6585 defines status 429).</summary>
    public const string TooManyRequestsType = "https://www.rfc-editor.org/rfc/rfc6585#section-4";

    private const int ForgetAbove = 10_000;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, Tally> _tallies = new(StringComparer.Ordinal);

    private int PerMinute => configuration.GetValue(Setting, DefaultPerMinute);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var now = clock.GetUtcNow();
        if (context.User.Identity?.IsAuthenticated != true && IsOver(address, now, out var retryAfter) && !await HasValidKeyAsync(context))
        {
            LogRefused(logger, address, PerMinute);
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
                detail: $"Too many requests from this address failed authentication ({Setting} is {PerMinute}); retry after {retryAfter.TotalSeconds:0} s.",
                type: TooManyRequestsType).ExecuteAsync(context);
            return;
        }

        await next(context);
        if (context.Response.StatusCode == StatusCodes.Status401Unauthorized)
        {
            Count(address, now);
        }
    }

    /// <summary>A valid API key is not refused (the key scheme runs only when an endpoint asks, after this check).</summary>
    private static async Task<bool> HasValidKeyAsync(HttpContext context) =>
        (await context.AuthenticateAsync(ApiKeys.ApiKeyAuthenticationHandler.SchemeName)).Succeeded;

    private bool IsOver(string address, DateTimeOffset now, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (!_tallies.TryGetValue(address, out var tally) || now - tally.Start >= Window || tally.Failures < PerMinute)
        {
            return false;
        }

        retryAfter = TimeSpan.FromSeconds(Math.Max(1, (tally.Start + Window - now).TotalSeconds));
        return true;
    }

    private void Count(string address, DateTimeOffset now)
    {
        if (_tallies.Count > ForgetAbove)
        {
            foreach (var (key, old) in _tallies.Where(t => now - t.Value.Start >= Window).ToList())
            {
                _tallies.TryRemove(new KeyValuePair<string, Tally>(key, old));
            }
        }

        _tallies.AddOrUpdate(address, _ => new Tally(now, 1),
            (_, tally) => now - tally.Start >= Window ? new Tally(now, 1) : tally with { Failures = tally.Failures + 1 });
    }

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Request refused: {Address} is over {PerMinute} failed authentications a minute")]
    private static partial void LogRefused(ILogger logger, string address, int perMinute);

    private sealed record Tally(DateTimeOffset Start, int Failures);
}

public static class FailedAuthenticationLimitExtensions
{
    /// <summary>Refuses an address whose requests keep failing authentication (<see cref="FailedAuthenticationLimit"/>).</summary>
    public static IApplicationBuilder UseFailedAuthenticationLimit(this IApplicationBuilder app)
    {
        var limit = app.ApplicationServices.GetRequiredService<FailedAuthenticationLimit>();
        return app.Use((context, next) => limit.InvokeAsync(context, next));
    }
}
