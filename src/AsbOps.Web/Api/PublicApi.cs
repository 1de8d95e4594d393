using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using AsbOps.Web.Data;
using AsbOps.Web.Security.ApiKeys;
using AsbOps.Web.Telemetry;

namespace AsbOps.Web.Api;

/// <summary>
/// The public HTTP API of integration.md under <c>/api/v1</c>: its rate limits, problem details, OpenAPI document and
/// reference data; the intake and marker slices map their endpoints on the group.
/// </summary>
public static class PublicApi
{
    public const string RatePolicy = "api-client";

    /// <summary>The problem type of a refusal for rate (RFC 6585 defines status 429).</summary>
    public const string TooManyRequestsType = "https://www.rfc-editor.org/rfc/rfc6585#section-4";

    public static IServiceCollection AddAsbOpsApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddOpenApi("v1", options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "AsbOps API";
            document.Info.Description = "Control-room intake, history markers and reference data. Send X-Api-Key.";
            return Task.CompletedTask;
        }));
        services.AddSingleton<AreaDirectory>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(RatePolicy, context =>
            {
                // A key's rate comes with its claims (configured or created by an administrator); people get the default.
                var clientName = context.User.FindFirstValue(ApiScopes.ClientClaimType);
                var perMinute = int.TryParse(context.User.FindFirstValue(ApiKeyAuthenticationHandler.RateClaimType), NumberStyles.Integer,
                    CultureInfo.InvariantCulture, out var rate) ? rate : 600;
                var partition = clientName is null
                    ? "user:" + (context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous")
                    : $"client:{clientName}:{perMinute}";
                return RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = Math.Max(1, perMinute / 6),
                    TokensPerPeriod = Math.Max(1, perMinute / 60),
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                context.HttpContext.RequestServices.GetRequiredService<AsbOpsMetrics>()
                    .RateLimitRefused(context.HttpContext.User.FindFirstValue(ApiScopes.ClientClaimType) ?? "user");
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
                    detail: $"This client's rate is exceeded; retry after {seconds} s.", type: TooManyRequestsType).ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }

    /// <summary>The OpenAPI document and the <c>/api/v1</c> group (rate-limited) that the slices map their endpoints on.</summary>
    public static RouteGroupBuilder MapAsbOpsApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        var api = app.MapGroup("/api/v1").RequireRateLimiting(RatePolicy).WithTags("AsbOps API");
        api.MapGet("/areas", async (AreaDirectory areas, CancellationToken cancellationToken) =>
                (await areas.AllAsync(cancellationToken)).Select(a => new AreaView(a.Code, a.Name)).ToList())
            .RequireAuthorization(ApiPolicies.AnyClient)
            .Produces<List<AreaView>>()
            .WithName("GetAreas")
            .WithSummary("The neighbourhood areas and their codes.");
        return api;
    }

    public sealed record AreaView(string Code, string Name);
}
