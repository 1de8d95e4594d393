using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using AsbOps.Web.Data;
using AsbOps.Web.Data.Auditing;
using AsbOps.Web.Security;
using AsbOps.Web.Security.ApiKeys;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.Admin.ApiClients;

/// <summary>A client an administrator created, as the page lists it (never its key).</summary>
public sealed record StoredClientRow(
    int Id, string Name, IReadOnlyList<string> Scopes, int RequestsPerMinute, DateTime CreatedAt, DateTime? RevokedAt, DateTime? LastUsedAt, int Version);

/// <summary>A client from configuration, read-only here.</summary>
public sealed record ConfiguredClientRow(string Name, IReadOnlyList<string> Scopes, int RequestsPerMinute);

public sealed class ApiClientInput
{
    public string Name { get; set; } = "";

    public HashSet<string> Scopes { get; set; } = new(StringComparer.Ordinal);

    public int RequestsPerMinute { get; set; } = DefaultRequestsPerMinute;

    public const int DefaultRequestsPerMinute = 600;
}

/// <summary>The answer to a create: the key, shown this once and never stored or shown again.</summary>
public sealed record CreatedApiClient(CommandResult Result, string? Key);

/// <summary>
/// Creates and revokes machine clients. The key is 32 random bytes, returned once; only its SHA-256 is stored. A revoked
/// client is refused on the next request everywhere (<see cref="StoredApiClientLookup"/> reads the database each time).
/// </summary>
public sealed partial class ApiClientAdministration(IDbContextFactory<AsbOpsDbContext> dbFactory, ApiKeyRegistry configured, TimeProvider clock)
{
    public const int NameMaxLength = 60;
    public const int MaxRequestsPerMinute = 100_000;

    /// <summary>Every key starts with this, so a leaked one is recognisable in logs and secret scanners.</summary>
    public const string KeyPrefix = "asbops_";

    public IReadOnlyList<ConfiguredClientRow> Configured() =>
        [.. configured.Clients.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .Select(c => new ConfiguredClientRow(c.Name, [.. c.Scopes.Order(StringComparer.Ordinal)], c.RequestsPerMinute))];

    public async Task<IReadOnlyList<StoredClientRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.ApiClients.AsNoTracking().OrderBy(c => c.RevokedAt != null).ThenBy(c => c.Name).ToListAsync(cancellationToken);
        return [.. rows.Select(c => new StoredClientRow(c.Id, c.Name, c.ScopeList, c.RequestsPerMinute, c.CreatedAt, c.RevokedAt, c.LastUsedAt, c.Version))];
    }

    public static IReadOnlyDictionary<string, string[]> Check(ApiClientInput input)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var name = input.Name?.Trim() ?? "";
        if (!NamePattern().IsMatch(name))
        {
            errors[nameof(ApiClientInput.Name)] = [$"Use 1 to {NameMaxLength} letters, digits, '-', '_' or '.', such as control-room."];
        }

        if (input.Scopes.Count == 0)
        {
            errors[nameof(ApiClientInput.Scopes)] = ["Choose at least one scope."];
        }
        else if (input.Scopes.FirstOrDefault(s => !ApiScopes.All.Contains(s)) is { } unknown)
        {
            errors[nameof(ApiClientInput.Scopes)] = [$"'{unknown}' is not a scope of the API."];
        }

        if (input.RequestsPerMinute is < 1 or > MaxRequestsPerMinute)
        {
            errors[nameof(ApiClientInput.RequestsPerMinute)] = [$"Between 1 and {MaxRequestsPerMinute:N0} requests a minute."];
        }

        return errors;
    }

    public async Task<CreatedApiClient> CreateAsync(UserScope admin, ApiClientInput input, CancellationToken cancellationToken = default)
    {
        var errors = Check(input).ToDictionary(e => e.Key, e => e.Value[0], StringComparer.Ordinal);
        var name = input.Name?.Trim() ?? "";
        await using var db = await OpenAsync(admin, cancellationToken);
        if (!errors.ContainsKey(nameof(ApiClientInput.Name))
            && (configured.Clients.Any(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))
                || await db.ApiClients.AnyAsync(c => c.Name == name, cancellationToken)))
        {
            errors[nameof(ApiClientInput.Name)] = "A client already has this name.";
        }

        if (errors.Count > 0)
        {
            return new(CommandResult.Invalid(errors), null);
        }

        var key = KeyPrefix + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var client = new StoredApiClient
        {
            Name = name,
            KeyHash = SHA256.HashData(Encoding.UTF8.GetBytes(key)),
            Scopes = string.Join(' ', input.Scopes.Order(StringComparer.Ordinal)),
            RequestsPerMinute = input.RequestsPerMinute,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ApiClients.Add(client);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return new(CommandResult.Invalid(new Dictionary<string, string> { [nameof(ApiClientInput.Name)] = "A client already has this name." }), null);
        }

        return new(CommandResult.Saved(client.Id), key);
    }

    /// <summary>Revokes a client: its key is refused from the next request on, on every instance. The row stays.</summary>
    public async Task<CommandResult> RevokeAsync(UserScope admin, int id, int version, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(admin, cancellationToken);
        var client = await db.ApiClients.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (client is null)
        {
            return new CommandResult(CommandOutcome.NotFound, CommandResult.NoErrors, "No such client.");
        }

        if (client.Version != version)
        {
            return CommandResult.Conflict();
        }

        if (client.RevokedAt is not null)
        {
            return CommandResult.Refused("This client is already revoked.");
        }

        client.RevokedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Conflict();
        }

        return CommandResult.Saved(client.Id);
    }

    private async Task<AsbOpsDbContext> OpenAsync(UserScope admin, CancellationToken cancellationToken)
    {
        var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditActor = new AuditActor(string.IsNullOrEmpty(admin.UserId) ? null : admin.UserId, admin.UserName);
        db.Clock = clock;
        return db;
    }

    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,60}$")]
    private static partial Regex NamePattern();
}
