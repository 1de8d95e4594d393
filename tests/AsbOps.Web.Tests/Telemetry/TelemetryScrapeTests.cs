using System.Net;
using System.Net.Http.Json;
using AsbOps.Domain.Email;
using AsbOps.Web.Email;
using AsbOps.Web.Features.Dashboard.Feed;
using AsbOps.Web.Telemetry;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.Telemetry;

/// <summary>
/// <c>/observability/metrics</c>: after real traffic (incidents through the API, a refused one, a rate refusal, a hub
/// connection by a SignalR client, a job run) a scrape with an <c>ops:read</c> key finds each of the app's meters with
/// a plausible value; without a key, with a wrong key or scope, or from another address it is refused.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryScrapeTests(TelemetryAppFactory app) : IClassFixture<TelemetryAppFactory>
{
    private static int _sequence;

    private static string NextStormRef() => $"TEL-{Interlocked.Increment(ref _sequence):D5}";

    [Fact]
    public async Task AScrapeAfterTrafficFindsEachOfTheAppsMeters()
    {
        using var storm = app.ClientWithKey(TelemetryAppFactory.StormKey);

        // A live-feed client, connected for real, that sees the counters pushed after each incident.
        await using var hub = app.HubConnection(TelemetryAppFactory.ScrapeKey);
        var pushes = new HubMessages(hub, OpsHub.CountersChanged);
        await hub.StartAsync();
        await pushes.WaitForAsync(_ => true, TimeSpan.FromSeconds(10)); // the greeting

        // Two incidents received, one repeated (a duplicate), one refused as invalid, one from a batch.
        var first = ApiAppFactory.Incident(NextStormRef(), TelemetryAppFactory.Area);
        Assert.Equal(HttpStatusCode.Created, (await ApiAppFactory.PostAsync(storm, first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ApiAppFactory.PostAsync(storm, first)).StatusCode);
        Assert.Equal(HttpStatusCode.Created,
            (await ApiAppFactory.PostAsync(storm, ApiAppFactory.Incident(NextStormRef(), TelemetryAppFactory.Area))).StatusCode);
        var invalid = ApiAppFactory.Incident(NextStormRef(), TelemetryAppFactory.Area);
        invalid.Remove("category");
        Assert.Equal(HttpStatusCode.BadRequest, (await ApiAppFactory.PostAsync(storm, invalid)).StatusCode);
        var batch = new System.Text.Json.Nodes.JsonObject
        {
            ["incidents"] = new System.Text.Json.Nodes.JsonArray(ApiAppFactory.Incident(NextStormRef(), TelemetryAppFactory.Area)),
        };
        Assert.Equal(HttpStatusCode.OK, (await ApiAppFactory.PostAsync(storm, batch, "/api/v1/incidents:batch")).StatusCode);
        await pushes.WaitForAsync(_ => true, TimeSpan.FromSeconds(10)); // the counters moved and were pushed

        // A client over its rate is refused with 429.
        using var slow = app.ClientWithKey(TelemetryAppFactory.SlowKey);
        HttpStatusCode status;
        var tries = 0;
        do
        {
            status = (await ApiAppFactory.PostAsync(slow, ApiAppFactory.Incident(NextStormRef(), TelemetryAppFactory.Area))).StatusCode;
        }
        while (status != HttpStatusCode.TooManyRequests && ++tries < 20);
        Assert.Equal(HttpStatusCode.TooManyRequests, status);

        // The outbox holds one message waiting and one failing; the dispatch job runs (its wrapper times it).
        var now = DateTime.UtcNow;
        await using (var db = app.CreateDbContext())
        {
            db.Outbox.Add(Message("tel-waiting", now.AddHours(1), failingSince: null));
            db.Outbox.Add(Message("tel-failing", now.AddHours(1), failingSince: now.AddMinutes(-5)));
            await db.SaveChangesAsync();
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<OutboxDispatchJob>().Invoke();
        }

        // A Blazor circuit opens: the app's registered circuit handler hears of it as for a real page.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var handler = Assert.Single(scope.ServiceProvider.GetServices<CircuitHandler>().OfType<CircuitTelemetry>());
            await handler.OnCircuitOpenedAsync(null!, CancellationToken.None);
        }

        var body = await ScrapeUntilAsync(b => PrometheusText.Samples(b, "asbops_push_latency_seconds_count").Sum() >= 1);

        Assert.True(PrometheusText.Samples(body, "asbops_incidents_received_total", "outcome=\"created\"").Sum() >= 3, body);
        Assert.True(PrometheusText.Samples(body, "asbops_incidents_received_total", "outcome=\"duplicate\"").Sum() >= 1, body);
        Assert.True(PrometheusText.Samples(body, "asbops_incidents_received_total", "channel=\"batch\"").Sum() >= 1, body);
        Assert.True(PrometheusText.Samples(body, "asbops_incidents_refused_total", "reason=\"invalid\"").Sum() >= 1, body);
        Assert.True(PrometheusText.Samples(body, "asbops_ratelimit_refusals_total", "client=\"slowpoke\"").Sum() >= 1, body);
        Assert.True(PrometheusText.Samples(body, "asbops_hub_connections").Sum() >= 1, body);
        Assert.True(PrometheusText.Samples(body, "asbops_circuits").Sum() >= 1, body);
        Assert.True(PrometheusText.Samples(body, "asbops_outbox_pending").Max() >= 2, body);
        Assert.True(PrometheusText.Samples(body, "asbops_outbox_failing").Max() >= 1, body);
        Assert.True(PrometheusText.Samples(body, "asbops_job_duration_seconds_count", "job=\"outbox-dispatch\"").Sum() >= 1, body);
        var jobSeconds = PrometheusText.Samples(body, "asbops_job_duration_seconds_sum", "job=\"outbox-dispatch\"").Sum();
        Assert.InRange(jobSeconds, 0.000001, 60);
        var pushSeconds = PrometheusText.Samples(body, "asbops_push_latency_seconds_sum").Sum();
        Assert.InRange(pushSeconds, 0.000001, 60);

        // The host's own instrumentation is there too.
        Assert.Contains("http_server_request_duration_seconds_bucket", body);

        await hub.StopAsync();
    }

    [Fact]
    public async Task TheSweepDurationIsRecorded()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AsbOps.Web.Features.Compliance.ComplianceSweepJob>().Invoke();
        }

        var body = await ScrapeUntilAsync(b => PrometheusText.Samples(b, "asbops_sweep_duration_seconds_count", "kind=\"sweep\"").Sum() >= 1);
        Assert.True(PrometheusText.Samples(body, "asbops_job_duration_seconds_count", "job=\"compliance-sweep\"").Sum() >= 1, body);
        Assert.InRange(PrometheusText.Samples(body, "asbops_sweep_duration_seconds_sum", "kind=\"sweep\"").Sum(), 0.000001, 60);
    }

    [Fact]
    public async Task AScrapeWithoutAKeyIsRefused()
    {
        using var anonymous = app.ClientWithKey(null);
        var response = await anonymous.GetAsync(TelemetryExtensions.ScrapePath);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("asbops_", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnUnknownKeyIsRefused()
    {
        using var stranger = app.ClientWithKey("not-a-key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync(TelemetryExtensions.ScrapePath)).StatusCode);
    }

    [Fact]
    public async Task AKeyWithoutOpsReadIsForbidden()
    {
        using var storm = app.ClientWithKey(TelemetryAppFactory.StormKey);
        var response = await storm.GetAsync(TelemetryExtensions.ScrapePath);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>();
        Assert.Equal(403, (int)problem!["status"]!);
    }

    [Theory]
    [InlineData("10.20.3.4")]
    [InlineData("192.0.2.7")]
    [InlineData("::ffff:10.20.0.9")]
    public async Task AnAllowedAddressMayScrapeWithoutAKey(string address)
    {
        var (status, body) = await app.ScrapeFromAsync(address);
        Assert.Equal(200, status);
        Assert.Contains("# TYPE", body);
    }

    [Theory]
    [InlineData("10.21.0.1")]
    [InlineData("192.0.2.8")]
    [InlineData("127.0.0.1")]
    public async Task AnotherAddressIsRefused(string address)
    {
        var (status, body) = await app.ScrapeFromAsync(address);
        Assert.Equal(401, status);
        Assert.DoesNotContain("asbops_", body);
    }

    private async Task<string> ScrapeUntilAsync(Func<string, bool> ready)
    {
        using var prometheus = app.ClientWithKey(TelemetryAppFactory.ScrapeKey);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (true)
        {
            var response = await prometheus.GetAsync(TelemetryExtensions.ScrapePath, deadline.Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync(deadline.Token);
            if (ready(body))
            {
                return body;
            }

            // The push is recorded just after the hub has sent it; the next scrape has it.
            await Task.Delay(50, deadline.Token);
        }
    }

    private static OutboxMessage Message(string key, DateTime next, DateTime? failingSince) => new()
    {
        DedupKey = key + ":" + Guid.NewGuid().ToString("N"),
        To = "someone@test.local",
        Subject = "Telemetry test",
        TextBody = "body",
        HtmlBody = "<p>body</p>",
        CreatedAt = DateTime.UtcNow,
        NextAttemptAt = next,
        GiveUpAt = DateTime.UtcNow.AddDays(7),
        FailingSince = failingSince,
        Attempts = failingSince is null ? 0 : 1,
    };
}
