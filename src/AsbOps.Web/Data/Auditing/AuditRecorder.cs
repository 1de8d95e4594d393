using System.Globalization;
using System.Text.Json;
using AsbOps.Domain.Audit;
using AsbOps.Domain.Compliance;
using AsbOps.Domain.Email;
using AsbOps.Domain.Jobs;
using AsbOps.Domain.Risk;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace AsbOps.Web.Data.Auditing;

/// <summary>Who is making the changes a context saves; "system" when a job or the API does.</summary>
public sealed record AuditActor(string? UserId, string UserName)
{
    public static AuditActor System { get; } = new(null, "system");
}

/// <summary>
/// Turns what the change tracker is about to save into audit entries: create, update (with before → after of each
/// changed property) and delete, for every domain entity and user. Plumbing tables (outbox, leases, job runs,
/// snapshots) and secrets (password hashes, stamps) are left out.
/// </summary>
public static class AuditRecorder
{
    private static readonly HashSet<Type> NotAudited =
    [
        typeof(AuditEntry), typeof(OutboxMessage), typeof(JobLease), typeof(JobRun),
        typeof(ComplianceSnapshot), typeof(ComplianceSnapshotCount), typeof(ComplianceFinding), typeof(FindingLife),
    ];

    private static readonly HashSet<string> SecretProperties = new(StringComparer.Ordinal)
    {
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "Version",
    };

    public sealed record Pending(EntityEntry Entry, AuditAction Action, string? Changes);

    /// <summary>Reads the pending changes before the save (original values are gone after it).</summary>
    public static List<Pending> Capture(ChangeTracker tracker)
    {
        var pending = new List<Pending>();
        foreach (var entry in tracker.Entries())
        {
            if (!IsAudited(entry))
            {
                continue;
            }

            switch (entry.State)
            {
                case EntityState.Added:
                    pending.Add(new Pending(entry, AuditAction.Create, Describe(entry, p => (null, p.CurrentValue))));
                    break;
                case EntityState.Modified:
                    var changes = Describe(entry, p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue) ? (p.OriginalValue, p.CurrentValue) : null);
                    if (changes is not null)
                    {
                        pending.Add(new Pending(entry, AuditAction.Update, changes));
                    }

                    break;
                case EntityState.Deleted:
                    pending.Add(new Pending(entry, AuditAction.Delete, Describe(entry, p => (p.OriginalValue, null))));
                    break;
            }
        }

        return pending;
    }

    /// <summary>Makes the entries once the save has given new rows their keys.</summary>
    public static List<AuditEntry> ToEntries(IReadOnlyCollection<Pending> pending, AuditActor actor, DateTime at, ChangeTracker tracker)
    {
        var parents = new ParentCases(tracker);
        return pending.Select(p => new AuditEntry
        {
            At = at,
            UserId = actor.UserId,
            UserName = actor.UserName,
            Action = p.Action,
            EntityType = p.Entry.Metadata.ClrType.Name,
            EntityId = KeyOf(p.Entry),
            CaseId = CaseIdOf(p.Entry, parents),
            Changes = p.Changes,
        }).ToList();
    }

    private static bool IsAudited(EntityEntry entry) =>
        !NotAudited.Contains(entry.Metadata.ClrType) && !entry.Metadata.IsOwned()
        && (entry.Metadata.ClrType.Namespace?.StartsWith("AsbOps.Domain", StringComparison.Ordinal) == true
            || entry.Metadata.ClrType == typeof(AppUser) || entry.Metadata.ClrType == typeof(StoredApiClient));

    private static string? Describe(EntityEntry entry, Func<PropertyEntry, (object? From, object? To)?> pick)
    {
        var changes = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            if (SecretProperties.Contains(property.Metadata.Name) || property.Metadata.IsPrimaryKey())
            {
                continue;
            }

            if (pick(property) is { } change)
            {
                changes[property.Metadata.Name] = new { from = Plain(change.From), to = Plain(change.To) };
            }
        }

        foreach (var owned in entry.References.Where(r => r.TargetEntry?.Metadata.IsOwned() == true))
        {
            foreach (var property in owned.TargetEntry!.Properties.Where(p => !p.Metadata.IsPrimaryKey() && !p.Metadata.IsForeignKey()))
            {
                var change = entry.State == EntityState.Modified
                    ? (property.IsModified && !Equals(property.OriginalValue, property.CurrentValue) ? (property.OriginalValue, property.CurrentValue) : ((object?, object?)?)null)
                    : pick(property);
                if (change is { } c)
                {
                    changes[$"{owned.Metadata.Name}.{property.Metadata.Name}"] = new { from = Plain(c.Item1), to = Plain(c.Item2) };
                }
            }
        }

        return changes.Count == 0 ? null : JsonSerializer.Serialize(changes);
    }

    private static object? Plain(object? value) => value switch
    {
        null => null,
        Enum e => e.ToString(),
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        GuidanceDefinition => "(guidance definition)",
        byte[] bytes => $"({bytes.Length} bytes)",
        _ => value,
    };

    private static string KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture)));

    private static long? CaseIdOf(EntityEntry entry, ParentCases parents)
    {
        if (entry.Entity is Domain.Cases.AsbCase @case)
        {
            return @case.Id;
        }

        if (entry.Metadata.FindProperty("CaseId") is { } caseId && entry.Property(caseId.Name).CurrentValue is long id)
        {
            return id;
        }

        return entry.Entity switch
        {
            AssessmentAnswer answer => parents.OfAssessment(answer.AssessmentId),
            Domain.ActionPlans.ActionItem item => parents.OfActionPlan(item.ActionPlanId),
            _ => null,
        };
    }

    /// <summary>The case of an answer's assessment or an item's plan, from the tracked parents, looked up once per save.</summary>
    private sealed class ParentCases(ChangeTracker tracker)
    {
        private Dictionary<long, long>? _assessments;
        private Dictionary<long, long>? _plans;

        public long? OfAssessment(long id) =>
            (_assessments ??= tracker.Entries<Assessment>().ToDictionary(e => e.Entity.Id, e => e.Entity.CaseId)).TryGetValue(id, out var c) ? c : null;

        public long? OfActionPlan(long id) =>
            (_plans ??= tracker.Entries<Domain.ActionPlans.ActionPlan>().ToDictionary(e => e.Entity.Id, e => e.Entity.CaseId)).TryGetValue(id, out var c) ? c : null;
    }
}
