using AsbOps.Web.Data;
using AsbOps.Web.Data.Auditing;
using AsbOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.People;

/// <summary>
/// Changes to a person record itself: the flags set by hand, and merging two records of the same person. A merge moves
/// the duplicate's case roles and markers (and with the roles their assessments, referrals and victim contacts) to the
/// surviving record, fills in what the survivor lacks (date of birth, address, phone), then empties the duplicate and
/// points it at the survivor, so its id still resolves. Only a sergeant merges, and only records on cases of their
/// area; the change tracker audits every row moved, under their name.
/// </summary>
public sealed class PersonRecordService(IDbContextFactory<AsbOpsDbContext> dbFactory, TimeProvider clock) : IPersonRecordService
{
    public const string DuplicateKey = "duplicate";

    public async Task<CommandResult> SetFlagsAsync(UserScope user, long personId, PersonFlags flags, int version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(flags);
        if (!CaseEditors.CanEdit(user))
        {
            return CommandResult.Refused("Only officers, sergeants, inspectors and administrators set a person's flags.");
        }

        await using var db = await OpenAsync(user, cancellationToken);
        if (!await IsVisibleAsync(db, user, personId, cancellationToken))
        {
            return CommandResult.NotFound();
        }

        var person = await db.People.SingleAsync(p => p.Id == personId, cancellationToken);
        if (person.Version != version)
        {
            return CommandResult.Conflict();
        }

        person.Vulnerable = flags.Vulnerable;
        person.RepeatVictim = flags.RepeatVictim;
        person.SafeguardingConcern = flags.SafeguardingConcern;
        return await SaveAsync(db, personId, cancellationToken);
    }

    public async Task<CommandResult> MergeAsync(UserScope user, long survivorId, int survivorVersion, long duplicateId, CancellationToken cancellationToken = default)
    {
        if (user.Role != Roles.Sergeant)
        {
            return CommandResult.Refused("Only a sergeant merges two records of the same person.");
        }

        if (survivorId == duplicateId)
        {
            return CommandResult.Invalid(new Dictionary<string, string> { [DuplicateKey] = "That is this record: give the number of the other record of the same person." });
        }

        await using var db = await OpenAsync(user, cancellationToken);
        if (!await IsVisibleAsync(db, user, survivorId, cancellationToken))
        {
            return CommandResult.NotFound();
        }

        if (!await IsVisibleAsync(db, user, duplicateId, cancellationToken))
        {
            return CommandResult.Invalid(new Dictionary<string, string> { [DuplicateKey] = $"No person {duplicateId} on a case of your area." });
        }

        var survivor = await db.People.SingleAsync(p => p.Id == survivorId, cancellationToken);
        var duplicate = await db.People.SingleAsync(p => p.Id == duplicateId, cancellationToken);
        if (survivor.Version != survivorVersion)
        {
            return CommandResult.Conflict();
        }

        if (survivor.MergedIntoId is not null || duplicate.MergedIntoId is not null)
        {
            return CommandResult.Refused("One of these records has already been merged into another; open the surviving record instead.");
        }

        var roles = await db.CaseParticipants.Where(p => p.PersonId == duplicateId).ToListAsync(cancellationToken);
        var clashes = await db.CaseParticipants.AsNoTracking()
            .Where(p => p.PersonId == survivorId && roles.Select(r => r.CaseId).Contains(p.CaseId))
            .Select(p => new { p.CaseId, p.Role, p.Case!.Reference })
            .ToListAsync(cancellationToken);
        var clash = clashes.FirstOrDefault(c => roles.Any(r => r.CaseId == c.CaseId && r.Role == c.Role));
        if (clash is not null)
        {
            return CommandResult.Refused($"Both records are on {clash.Reference} as {Components.Shared.CaseDisplay.Words(clash.Role).ToLowerInvariant()}: remove one of them from that case first.");
        }

        foreach (var role in roles)
        {
            role.PersonId = survivorId;
        }

        foreach (var marker in await db.Markers.Where(m => m.PersonId == duplicateId).ToListAsync(cancellationToken))
        {
            marker.PersonId = survivorId;
        }

        survivor.DateOfBirth ??= duplicate.DateOfBirth;
        survivor.Address ??= duplicate.Address;
        survivor.Postcode ??= duplicate.Postcode;
        survivor.Phone ??= duplicate.Phone;
        survivor.Vulnerable |= duplicate.Vulnerable;
        survivor.RepeatVictim |= duplicate.RepeatVictim;
        survivor.SafeguardingConcern |= duplicate.SafeguardingConcern;

        // The duplicate keeps no personal data of its own: everything it held now lives on the survivor.
        duplicate.FirstName = "";
        duplicate.LastName = "";
        duplicate.SearchName = "";
        duplicate.DateOfBirth = null;
        duplicate.Address = null;
        duplicate.Postcode = null;
        duplicate.Phone = null;
        duplicate.MergedIntoId = survivorId;
        duplicate.MergedAt = clock.GetUtcNow().UtcDateTime;
        foreach (var earlier in await db.People.Where(p => p.MergedIntoId == duplicateId).ToListAsync(cancellationToken))
        {
            earlier.MergedIntoId = survivorId;
        }

        // Touch the survivor so a second merge or flag change from a stale page is caught by its version.
        db.Entry(survivor).Property(p => p.Version).IsModified = true;
        return await SaveAsync(db, survivorId, cancellationToken);
    }

    /// <summary>A person is the reader's when they are on a case the reader may see.</summary>
    internal static Task<bool> IsVisibleAsync(AsbOpsDbContext db, UserScope user, long personId, CancellationToken cancellationToken)
    {
        var visible = db.Cases.VisibleTo(db, user);
        return db.CaseParticipants.AnyAsync(p => p.PersonId == personId && visible.Any(c => c.Id == p.CaseId), cancellationToken);
    }

    private async Task<AsbOpsDbContext> OpenAsync(UserScope user, CancellationToken cancellationToken)
    {
        var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditActor = new AuditActor(string.IsNullOrEmpty(user.UserId) ? null : user.UserId, user.UserName);
        db.Clock = clock;
        return db;
    }

    private static async Task<CommandResult> SaveAsync(AsbOpsDbContext db, long personId, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.Saved(personId);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Conflict();
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return CommandResult.Conflict();
        }
    }
}
