using System.Security.Claims;
using AsbOps.Web.Security.ApiKeys;
using AsbOps.Web.Telemetry;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Features.Dashboard.Feed;

/// <summary>
/// The live operations feed of integration.md at <c>/hubs/ops</c>: a key with <c>ops:read</c> or a signed-in staff
/// user. Clients only listen; their one call chooses an area. Each connection is in exactly one group: <c>all</c>
/// (everything it may see) or <c>area:CODE</c>; an area-restricted user is only ever in their own area's group.
/// </summary>
[Authorize(Policy = ApiPolicies.OpsRead)]
public sealed partial class OpsHub(
    OpsAudience audience,
    OpsBroadcaster broadcaster,
    HubConnectionLimits limits,
    IOptionsMonitor<HubLimitsOptions> limitOptions,
    AsbOpsMetrics metrics,
    ILogger<OpsHub> logger) : Hub
{
    public const string Route = "/hubs/ops";
    public const string AllGroup = "all";
    public const string CountersChanged = "CountersChanged";
    public const string CaseChanged = "CaseChanged";
    public const string HighRiskRaised = "HighRiskRaised";

    private const string ViewerKey = "asbops:viewer";
    private const string GroupKey = "asbops:group";
    private const string SlotKey = "asbops:slot";
    private const string CountedKey = "asbops:counted";

    public static string AreaGroup(string areaCode) => "area:" + areaCode;

    public override async Task OnConnectedAsync()
    {
        var holder = TakeSlot();
        try
        {
            var viewer = await audience.ResolveAsync(Context.User!, Context.ConnectionAborted);
            if (viewer.IsRestricted && viewer.OwnArea is null)
            {
                throw new HubException("Your account has no neighbourhood area, so there is no feed to receive. Ask an administrator to set your area.");
            }

            Context.Items[ViewerKey] = viewer;
            await JoinAsync(viewer.OwnArea is { } own && viewer.IsRestricted ? own : null);
            await base.OnConnectedAsync();
            Context.Items[CountedKey] = true;
            metrics.HubConnectionOpened();
        }
        catch
        {
            // A connection refused here never reaches OnDisconnectedAsync: give its slot back now.
            Context.Items.Remove(SlotKey);
            limits.Release(holder);
            throw;
        }
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.Items.TryGetValue(SlotKey, out var slot) && slot is string holder)
        {
            limits.Release(holder);
        }

        if (Context.Items.Remove(CountedKey))
        {
            metrics.HubConnectionClosed();
        }

        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>
    /// Counts this connection against its client or user; over the limit the connection is refused (closed with the
    /// reason) and the refusal is logged, so an operator sees a misbehaving wallboard.
    /// </summary>
    private string TakeSlot()
    {
        var user = Context.User!;
        var client = user.FindFirstValue(ApiScopes.ClientClaimType);
        var (holder, limit, setting) = client is not null
            ? ("client:" + client, limitOptions.CurrentValue.MaxConnectionsPerClient, "Hub:MaxConnectionsPerClient")
            : ("user:" + (user.FindFirstValue(ClaimTypes.NameIdentifier) ?? Context.UserIdentifier ?? "unknown"),
                limitOptions.CurrentValue.MaxConnectionsPerUser, "Hub:MaxConnectionsPerUser");
        if (!limits.TryTake(holder, limit))
        {
            LogRefused(logger, holder, limit, setting);
            throw new HubException($"Too many live connections: {holder} already has {limit} open, the limit ({setting}). Close one and connect again.");
        }

        Context.Items[SlotKey] = holder;
        return holder;
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Hub connection refused: {Holder} already has {Limit} open ({Setting})")]
    private static partial void LogRefused(ILogger logger, string holder, int limit, string setting);

    /// <summary>From now on, receive only <paramref name="areaCode"/>; an area user may name only their own area.</summary>
    [HubMethodName("SubscribeArea")]
    public async Task SubscribeAreaAsync(string areaCode)
    {
        var viewer = (OpsViewer)Context.Items[ViewerKey]!;
        var area = string.IsNullOrWhiteSpace(areaCode) ? null : await audience.FindAreaAsync(areaCode.Trim(), Context.ConnectionAborted);
        if (area is null)
        {
            throw new HubException($"There is no area with the code \"{areaCode}\".");
        }

        if (viewer.IsRestricted && !string.Equals(viewer.OwnArea, area.Code, StringComparison.Ordinal))
        {
            throw new HubException($"You may receive only your own area, {viewer.OwnArea}; area {area.Code} is not yours.");
        }

        await JoinAsync(area.Code);
    }

    /// <summary>Moves the connection into one group (an area, or <c>all</c> when null) and sends it the current counters.</summary>
    private async Task JoinAsync(string? areaCode)
    {
        var group = areaCode is null ? AllGroup : AreaGroup(areaCode);
        if (Context.Items.TryGetValue(GroupKey, out var current) && current is string old && old != group)
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, old, Context.ConnectionAborted);
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, group, Context.ConnectionAborted);
        Context.Items[GroupKey] = group;

        // A wallboard that has just connected shows numbers at once rather than at the next change.
        if (await broadcaster.GreetingAsync(Context.ConnectionAborted) is { } counters)
        {
            await Clients.Caller.SendAsync(CountersChanged, areaCode is null ? counters : OpsCountersView.ForArea(counters, areaCode),
                Context.ConnectionAborted);
        }
    }
}
