using AsbOps.Domain.Risk;
using AsbOps.Web.Data;
using AsbOps.Web.Data.Auditing;
using AsbOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.Guidance;

/// <summary>Where a new version starts: the newest version's number and definition.</summary>
public sealed record GuidanceDraft(int BasedOnNumber, GuidanceDefinition Definition);

/// <summary>
/// A published number, or the errors that stopped it (nothing is stored on errors): every <see cref="GuidanceError"/>
/// with its path as the editor places it, and as a command result the first message of each path.
/// </summary>
public sealed record PublishResult(int? Number, IReadOnlyList<GuidanceError> GuidanceErrors)
    : CommandResult(Number is null ? CommandOutcome.Invalid : CommandOutcome.Saved, FirstMessageByPath(GuidanceErrors),
        Number is null ? "The guidance was not published: see the marked fields." : null, Number)
{
    public static PublishResult Refused(params GuidanceError[] errors) => new(null, errors);

    private static IReadOnlyDictionary<string, string> FirstMessageByPath(IReadOnlyList<GuidanceError> errors) =>
        errors.GroupBy(e => e.Path).ToDictionary(g => g.Key, g => g.First().Message);
}

/// <summary>
/// Publishes risk guidance version N+1 (the task-and-finish group's analysts or an administrator), recording who published it
/// and their required summary of changes. The definition is validated again here; a version
/// published by someone else since the draft was taken is a conflict, never silently replaced.
/// </summary>
public sealed class GuidancePublishingService(IDbContextFactory<AsbOpsDbContext> dbFactory, TimeProvider clock)
{
    public const int NotesMaxLength = 2000;

    public static bool MayPublish(UserScope scope) => scope.Role is Roles.Analyst or Roles.Admin;

    public async Task<GuidanceDraft?> DraftAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var newest = await db.GuidanceVersions.AsNoTracking().OrderByDescending(g => g.Number).FirstOrDefaultAsync(cancellationToken);
        return newest is null
            ? new GuidanceDraft(0, RiskGuidanceV1.Definition)
            : new GuidanceDraft(newest.Number, newest.Definition);
    }

    public async Task<PublishResult> PublishAsync(
        UserScope scope, int basedOnNumber, GuidanceDefinition? definition, string? notes, CancellationToken cancellationToken = default)
    {
        if (!MayPublish(scope))
        {
            throw new UnauthorizedAccessException("Only the task-and-finish group (analysts) or an administrator publish risk guidance.");
        }

        // The form checked this already; a circuit is not a trust boundary for what gets stored.
        var all = GuidanceValidator.Validate(definition).ToList();
        var trimmedNotes = notes?.Trim() ?? "";
        if (trimmedNotes.Length == 0)
        {
            all.Add(new GuidanceError("notes", "Say what changed in this version and why (the task-and-finish group's decision)."));
        }
        else if (trimmedNotes.Length > NotesMaxLength)
        {
            all.Add(new GuidanceError("notes", $"At most {NotesMaxLength} characters ({trimmedNotes.Length} given)."));
        }

        if (all.Count > 0)
        {
            return new PublishResult(null, all);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditActor = new AuditActor(scope.UserId, scope.UserName);
        db.Clock = clock;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var newest = await db.GuidanceVersions.MaxAsync(g => (int?)g.Number, cancellationToken) ?? 0;
        if (newest != basedOnNumber)
        {
            return Conflict(newest);
        }

        var version = new RiskGuidanceVersion
        {
            Number = newest + 1,
            PublishedAt = clock.GetUtcNow().UtcDateTime,
            PublishedByUserId = scope.UserId,
            Notes = trimmedNotes,
            Definition = definition!,
        };
        db.GuidanceVersions.Add(version);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return Conflict(newest + 1);
        }

        return new PublishResult(version.Number, []);
    }

    private static PublishResult Conflict(int newest) => PublishResult.Refused(new GuidanceError("version",
        $"Version {newest} was published by someone else while you were editing. Your changes are kept in the form: export them as JSON, reload, and apply them to version {newest}."));
}
