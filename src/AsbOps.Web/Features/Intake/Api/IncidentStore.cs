using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using AsbOps.Domain.Audit;
using AsbOps.Domain.Incidents;
using AsbOps.Web.Data;
using AsbOps.Web.Live;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.Intake.Api;

/// <summary>
/// Stores control-room incidents exactly once per <c>stormRef</c>: the same body again is a duplicate with the first
/// result, a different body under a used reference is a conflict. References compare case-insensitively (control rooms
/// do): every lookup goes through <see cref="Incident.StormRefKey"/>, whose unique index settles races (between
/// instances, or with officers logging by hand).
/// </summary>
public sealed class IncidentStore(
    IDbContextFactory<AsbOpsDbContext> dbFactory,
    AreaDirectory areas,
    OpsNotifier notifier,
    TimeProvider clock)
{
    /// <summary>Stores the new ones of a batch in one transaction and answers for every item in order.</summary>
    public async Task<IReadOnlyList<IntakeResult>> StoreAsync(IReadOnlyList<IncidentSubmission> submissions, CancellationToken cancellationToken = default)
    {
        var hashes = submissions.Select(Hash).ToArray();
        var results = new IntakeResult?[submissions.Count];
        var refs = submissions.Select(s => s.StormRef).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var existing = await ExistingAsync(db, refs, cancellationToken);

        var firstInBatch = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var created = new List<(int Index, Incident Incident)>();
        for (var i = 0; i < submissions.Count; i++)
        {
            var submission = submissions[i];
            if (existing.TryGetValue(submission.StormRef, out var stored))
            {
                results[i] = Compare(stored, submission);
            }
            else if (firstInBatch.TryGetValue(submission.StormRef, out var first))
            {
                results[i] = hashes[first] == Hash(submission with { StormRef = submissions[first].StormRef })
                    ? null
                    : new IntakeResult(IntakeOutcome.Conflict, 0, submission.StormRef, null);
            }
            else
            {
                firstInBatch[submission.StormRef] = i;
                var area = await areas.FindAsync(submission.AreaCode, cancellationToken)
                    ?? throw new InvalidOperationException($"Area {submission.AreaCode} vanished after validation.");
                created.Add((i, ToIncident(submission, area.Id, hashes[i])));
            }
        }

        if (created.Count > 0 && !await TrySaveAsync(db, created.Select(c => c.Incident), cancellationToken))
        {
            // Another request stored one of these references first: settle each one against what is there now.
            return await SubmitOneByOneAsync(submissions, hashes, cancellationToken);
        }

        foreach (var (index, incident) in created)
        {
            results[index] = new IntakeResult(IntakeOutcome.Created, incident.Id, incident.StormRef, null);
        }

        // Repeats of an item created earlier in this batch answer with that item's result.
        for (var i = 0; i < results.Length; i++)
        {
            results[i] ??= results[firstInBatch[submissions[i].StormRef]]! with { Outcome = IntakeOutcome.Duplicate };
        }

        PublishCreated(created.Select(c => submissions[c.Index].AreaCode));
        return results!;
    }

    private async Task<IReadOnlyList<IntakeResult>> SubmitOneByOneAsync(
        IReadOnlyList<IncidentSubmission> submissions, string[] hashes, CancellationToken cancellationToken)
    {
        var results = new List<IntakeResult>(submissions.Count);
        var createdAreas = new List<string>();
        for (var i = 0; i < submissions.Count; i++)
        {
            var submission = submissions[i];
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var existing = await ExistingAsync(db, [submission.StormRef], cancellationToken);
            if (existing.TryGetValue(submission.StormRef, out var stored))
            {
                results.Add(Compare(stored, submission));
                continue;
            }

            var area = await areas.FindAsync(submission.AreaCode, cancellationToken)
                ?? throw new InvalidOperationException($"Area {submission.AreaCode} vanished after validation.");
            var incident = ToIncident(submission, area.Id, hashes[i]);
            if (await TrySaveAsync(db, [incident], cancellationToken))
            {
                results.Add(new IntakeResult(IntakeOutcome.Created, incident.Id, incident.StormRef, null));
                createdAreas.Add(submission.AreaCode);
                continue;
            }

            await using var again = await dbFactory.CreateDbContextAsync(cancellationToken);
            var winner = (await ExistingAsync(again, [submission.StormRef], cancellationToken))[submission.StormRef];
            results.Add(Compare(winner, submission));
        }

        PublishCreated(createdAreas);
        return results;
    }

    /// <summary>
    /// Inserts the incidents and their audit entries in one transaction with prepared statements (the intake path is
    /// hot: SaveChanges spends most of its time building one command per row). False when a reference was taken.
    /// </summary>
    private async Task<bool> TrySaveAsync(AsbOpsDbContext db, IEnumerable<Incident> incidents, CancellationToken cancellationToken)
    {
        var rows = incidents.ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            using (var insert = new BulkInserter(db))
            {
                await insert.InsertAsync(rows, cancellationToken);
                var at = clock.GetUtcNow().UtcDateTime;
                await insert.InsertAsync(rows.Select(i => new AuditEntry
                {
                    At = at,
                    UserName = "control room API",
                    Action = AuditAction.Create,
                    EntityType = nameof(Incident),
                    EntityId = i.Id.ToString(CultureInfo.InvariantCulture),
                    Changes = JsonSerializer.Serialize(new { StormRef = i.StormRef, Area = i.AreaId, Category = i.Category.ToString(), i.ReceivedAt, i.Postcode }),
                }), cancellationToken, readKeys: false);
            }

            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (DbException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            await transaction.RollbackAsync(CancellationToken.None);
            return false;
        }
    }

    /// <summary>
    /// One query for the whole batch. The references go as one array parameter: EF's default of one parameter per
    /// value means up to 500 parameters bound by name, and a query plan per padded batch size.
    /// </summary>
    private static async Task<Dictionary<string, Stored>> ExistingAsync(AsbOpsDbContext db, IReadOnlyCollection<string> refs, CancellationToken cancellationToken)
    {
        var keys = refs.Select(Incident.KeyOf).Distinct(StringComparer.Ordinal).ToArray();
        return await (from incident in db.Incidents.AsNoTracking()
                      where EF.Parameter(keys).Contains(incident.StormRefKey)
                      join @case in db.Cases on incident.CaseId equals @case.Id into cases
                      from @case in cases.DefaultIfEmpty()
                      select new Stored(incident.Id, incident.StormRef, incident.RequestHash, @case == null ? null : @case.Reference))
            .ToDictionaryAsync(s => s.StormRef, StringComparer.OrdinalIgnoreCase, cancellationToken);
    }

    /// <summary>
    /// A repeat is the same body under the same reference in any casing: it is hashed with the reference as first
    /// stored, and answers with the stored incident's result (its reference as stored).
    /// </summary>
    private static IntakeResult Compare(Stored stored, IncidentSubmission submission) =>
        string.Equals(stored.RequestHash, Hash(submission with { StormRef = stored.StormRef }), StringComparison.Ordinal)
            ? new IntakeResult(IntakeOutcome.Duplicate, stored.Id, stored.StormRef, stored.CaseRef)
            : new IntakeResult(IntakeOutcome.Conflict, stored.Id, submission.StormRef, stored.CaseRef);

    private void PublishCreated(IEnumerable<string> areaCodes)
    {
        var at = clock.GetUtcNow().UtcDateTime;
        foreach (var code in areaCodes.Distinct(StringComparer.Ordinal))
        {
            notifier.Publish(new OpsChange(OpsChangeKind.IncidentReceived, code, At: at));
        }
    }

    private Incident ToIncident(IncidentSubmission s, int areaId, string hash) => new()
    {
        StormRef = s.StormRef,
        Source = IncidentSource.ControlRoom,
        ReceivedAt = s.ReceivedAt,
        AreaId = areaId,
        Category = s.Category,
        Address = s.Address,
        Postcode = s.Postcode,
        Latitude = s.Latitude,
        Longitude = s.Longitude,
        Description = s.Description,
        Thrive = new ThriveAssessment
        {
            Threat = s.Thrive.Threat,
            Harm = s.Thrive.Harm,
            Risk = s.Thrive.Risk,
            Investigation = s.Thrive.Investigation,
            Vulnerability = s.Thrive.Vulnerability,
            Engagement = s.Thrive.Engagement,
            Grade = s.Thrive.Grade,
        },
        ReporterName = s.ReporterName,
        ReporterPhone = s.ReporterPhone,
        RequestHash = hash,
        CreatedAt = clock.GetUtcNow().UtcDateTime,
    };

    /// <summary>
    /// SHA-256 of the normalised submission's JSON: the same incident sent twice hashes the same. Serialised by generated
    /// code (<see cref="IncidentHashJson"/>) to the same bytes as the reflection serialiser's defaults.
    /// </summary>
    public static string Hash(IncidentSubmission submission) =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(submission, IncidentHashJson.Default.IncidentSubmission)));

    private sealed record Stored(long Id, string StormRef, string? RequestHash, string? CaseRef);
}
