using System.Globalization;
using AsbOps.Domain.Email;
using AsbOps.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AsbOps.Web.Email;

/// <summary>
/// Part of <c>/health/ready</c>: degraded (never unhealthy: the app still serves) while a message has been failing for
/// <see cref="OutboxDispatcher.FailingAlarm"/> or more, or one was given up in the last 7 days and not resent. The
/// detail gives counts and a time, never an address or a subject.
/// </summary>
public sealed class OutboxHealthCheck(OutboxDispatcher dispatcher, IDbContextFactory<AsbOpsDbContext> dbFactory, TimeProvider clock) : IHealthCheck
{
    public const string Name = "outbox";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var (failing, since) = await dispatcher.FailingLongAsync(cancellationToken);
            var weekAgo = clock.GetUtcNow().UtcDateTime.AddDays(-7);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var givenUp = await db.Outbox.CountAsync(m => m.Status == OutboxStatus.GivenUp && m.GiveUpAt > weekAgo, cancellationToken);
            if (failing == 0 && givenUp == 0)
            {
                return HealthCheckResult.Healthy();
            }

            var parts = new List<string>();
            if (failing > 0)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{failing} email(s) failing for 30 minutes or more, the first since {since:yyyy-MM-ddTHH:mm:ssZ}"));
            }

            if (givenUp > 0)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{givenUp} email(s) given up in the last 7 days"));
            }

            return HealthCheckResult.Degraded(string.Join("; ", parts) + "; see /admin/outbox");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The database check reports an unreachable database; this one only speaks for the mail.
            return HealthCheckResult.Degraded("outbox check failed");
        }
    }
}
