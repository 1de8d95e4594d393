using System.Net.Http.Json;
using AsbOps.Web.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Features.Intake.Simulator;

/// <summary>
/// A demo control room: every few seconds it posts a realistic incident through the same public API that STORM
/// uses (with an API key, over HTTP to this app), so a new user sees the queues and counters move.
/// </summary>
public sealed class ControlRoomFeedSimulator(
    IOptions<SimulatorOptions> options,
    IServer server,
    IHostApplicationLifetime lifetime,
    AreaDirectory areas,
    TimeProvider clock,
    ILogger<ControlRoomFeedSimulator> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        if (!await WaitForStartAsync(stoppingToken))
        {
            return;
        }

        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null)
        {
            logger.LogWarning("Feed simulator: the server has no address to post to");
            return;
        }

        using var http = new HttpClient { BaseAddress = new Uri(address.Replace("://+", "://localhost").Replace("://*", "://localhost").Replace("://[::]", "://localhost")) };
        http.DefaultRequestHeaders.Add("X-Api-Key", settings.ApiKey);
        var incidents = new SimulatedIncidents(new Random());
        var codes = (await areas.AllAsync(stoppingToken)).Select(a => a.Code).ToList();
        if (codes.Count == 0)
        {
            logger.LogWarning("Feed simulator: no areas to post incidents for");
            return;
        }

        logger.LogInformation("Feed simulator posting an incident every {Seconds} s to {Address}", settings.IntervalSeconds, http.BaseAddress);
        var interval = TimeSpan.FromSeconds(Math.Max(0.2, settings.IntervalSeconds));
        using var timer = new PeriodicTimer(interval, clock);
        var sent = 0;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                using var response = await http.PostAsJsonAsync("/api/v1/incidents", incidents.Next(clock.GetUtcNow().UtcDateTime, sent, codes), stoppingToken);
                if (!response.IsSuccessStatusCode)
                {
                    logger.LogWarning("Feed simulator: the API answered {Status}", (int)response.StatusCode);
                }
            }
            catch (HttpRequestException ex)
            {
                logger.LogWarning("Feed simulator: post failed: {Error}", ex.Message);
            }

            sent++;
            if (settings.MaxIncidents > 0 && sent >= settings.MaxIncidents)
            {
                return;
            }
        }
    }

    private async Task<bool> WaitForStartAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
