using AsbOps.Domain.Incidents;
using AsbOps.Domain.Places;
using AsbOps.Web.Components.Shared;
using AsbOps.Web.Data;
using AsbOps.Web.Data.Auditing;
using AsbOps.Web.Features.Intake.Api;
using AsbOps.Web.Live;
using AsbOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.Intake.Logging;

/// <summary>The outcome of logging an incident: its id and reference, or the errors by field (nothing stored).</summary>
public sealed record LoggedIncident(long? IncidentId, string? StormRef, IReadOnlyDictionary<string, string> FieldErrors)
    : CommandResult(IncidentId is null ? CommandOutcome.Invalid : CommandOutcome.Saved, FieldErrors,
        IncidentId is null ? "Check the fields marked in red." : null, IncidentId)
{
    /// <summary>Refused with the rules' messages, a field's several messages read as one.</summary>
    public static LoggedIncident Refused(IReadOnlyDictionary<string, string[]> errors) =>
        new(null, null, errors.ToDictionary(e => e.Key, e => string.Join(" ", e.Value)));
}

/// <summary>
/// Stores an incident an officer logs by hand, with an <c>OFF-</c> reference of the day. Validates again whatever the
/// form did; an area-restricted user logs only in their own area.
/// </summary>
public sealed class IncidentLoggingService(
    IDbContextFactory<AsbOpsDbContext> dbFactory,
    OpsNotifier notifier,
    TimeProvider clock)
{
    /// <summary>Another officer may take the same reference in the same instant; the unique index then makes us try the next.</summary>
    private const int ReferenceAttempts = 5;

    public static bool MayLog(UserScope scope) => Roles.HandlesIncidents(scope.Role);

    public async Task<LoggedIncident> LogAsync(UserScope scope, IncidentInput input, CancellationToken cancellationToken = default)
    {
        if (!MayLog(scope))
        {
            throw new UnauthorizedAccessException("Only officers, sergeants, inspectors and administrators log incidents.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var errors = IncidentInputRules.Check(input, now);
        var area = input.AreaId is { } areaId ? await FindAreaAsync(areaId, cancellationToken) : null;
        if (input.AreaId is not null && area is null)
        {
            errors[nameof(IncidentInput.AreaId)] = ["Not a known area."];
        }
        else if (area is not null && !scope.MayActInArea(area.Id))
        {
            errors[nameof(IncidentInput.AreaId)] = ["You can log incidents only in your own area."];
        }

        if (errors.Count > 0)
        {
            return LoggedIncident.Refused(errors);
        }

        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            db.AuditActor = new AuditActor(scope.UserId, scope.UserName);
            db.Clock = clock;
            var day = UkTime.Today(now);
            var prefix = OfficerIncidentReference.DayPrefix(day);
            var highest = await db.Incidents.Where(i => i.StormRef.StartsWith(prefix))
                .OrderByDescending(i => i.StormRef).Select(i => i.StormRef).FirstOrDefaultAsync(cancellationToken);
            var incident = ToIncident(input, area!.Id, OfficerIncidentReference.NextAfter(day, highest), now);
            db.Incidents.Add(incident);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex) && attempt < ReferenceAttempts)
            {
                continue;
            }

            notifier.Publish(new OpsChange(OpsChangeKind.IncidentReceived, area.Code, At: now));
            return new LoggedIncident(incident.Id, incident.StormRef, CommandResult.NoErrors);
        }
    }

    private async Task<AreaInfo?> FindAreaAsync(int areaId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Areas.AsNoTracking().Where(a => a.Id == areaId && a.RetiredAt == null).Select(a => new AreaInfo(a.Id, a.Code, a.Name)).SingleOrDefaultAsync(cancellationToken);
    }

    private static Incident ToIncident(IncidentInput input, int areaId, string stormRef, DateTime now) => new()
    {
        StormRef = stormRef,
        Source = IncidentSource.Officer,
        ReceivedAt = UkTime.ToUtc(input.ReceivedAtLocal!.Value),
        AreaId = areaId,
        Category = input.Category!.Value,
        Address = input.Address!.Trim(),
        Postcode = Postcode.Normalise(input.Postcode!.Trim())!,
        Latitude = input.Latitude,
        Longitude = input.Longitude,
        Description = input.Description!.Trim(),
        Thrive = new ThriveAssessment
        {
            Threat = Clean(input.Threat),
            Harm = Clean(input.Harm),
            Risk = Clean(input.Risk),
            Investigation = Clean(input.Investigation),
            Vulnerability = Clean(input.Vulnerability),
            Engagement = Clean(input.Engagement),
            Grade = input.Grade!.Value,
        },
        ReporterName = Clean(input.ReporterName),
        ReporterPhone = Clean(input.ReporterPhone),
        CreatedAt = now,
    };

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
