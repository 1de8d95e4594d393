using AsbOps.Domain.CaseRecord;
using AsbOps.Web.Data;
using AsbOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.CaseRecord.Notes;

/// <summary>
/// Case notes: append-only, so the only command adds one (a correction is a new note naming the one it corrects).
/// Partners read only notes shared with their agency, on cases shared with it. Each save is audited by the context.
/// </summary>
public sealed class CaseNoteService(IDbContextFactory<AsbOpsDbContext> dbFactory, TimeProvider clock) : ICaseNoteService
{
    /// <summary>The notes of a visible case, newest first; <paramref name="search"/> keeps those whose text contains it (any case).</summary>
    public async Task<CaseNotesModel?> ReadAsync(UserScope user, long caseId, string? search = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await CaseRecordAccess.FindAsync(db, user, caseId, cancellationToken) is null)
        {
            return null;
        }

        var visible = Visible(db, user, caseId);
        var total = await visible.CountAsync(cancellationToken);
        var notes = visible;
        if (!string.IsNullOrWhiteSpace(search))
        {
            // Lower on both sides: SQLite's LIKE ignores case for ASCII only and PostgreSQL's not at all.
            var term = search.Trim().ToLowerInvariant();
            notes = notes.Where(n => n.Text.ToLower().Contains(term));
        }

        var all = db.CaseNotes;
        var rows = await notes
            .OrderByDescending(n => n.WrittenAt).ThenByDescending(n => n.Id)
            .Select(n => new CaseNoteView(n.Id, n.WrittenAt, n.AuthorName, n.Text, n.SharedWith, n.CorrectsNoteId,
                all.Where(x => x.CorrectsNoteId == n.Id).Select(x => (long?)x.Id).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        return new CaseNotesModel(rows, total, CaseRecordAccess.CanWrite(user));
    }

    public async Task<CommandResult> AddAsync(UserScope user, long caseId, CaseNoteInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await CaseRecordAccess.OpenAsync(dbFactory, user, clock, cancellationToken);
        var @case = await CaseRecordAccess.FindAsync(db, user, caseId, cancellationToken);
        if (@case is null || !CaseRecordAccess.CanWrite(user))
        {
            return CommandResult.NotFound();
        }

        var errors = CaseNoteValidation.Validate(input);
        if (input.CorrectsNoteId is { } correctsId && !errors.ContainsKey(CaseNoteValidation.Fields.Text))
        {
            var original = await db.CaseNotes.AsNoTracking().Where(n => n.Id == correctsId && n.CaseId == caseId)
                .Select(n => new { n.Id, Corrected = db.CaseNotes.Any(x => x.CorrectsNoteId == n.Id) })
                .FirstOrDefaultAsync(cancellationToken);
            if (original is null)
            {
                errors[CaseNoteValidation.Fields.CorrectsNoteId] = "The note to correct is not on this case.";
            }
            else if (original.Corrected)
            {
                errors[CaseNoteValidation.Fields.CorrectsNoteId] = "That note has already been corrected: correct the correction instead.";
            }
        }

        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        var note = new CaseNote
        {
            CaseId = caseId,
            WrittenAt = clock.GetUtcNow().UtcDateTime,
            AuthorUserId = string.IsNullOrEmpty(user.UserId) ? null : user.UserId,
            AuthorName = await CaseRecordAccess.DisplayNameAsync(db, user, cancellationToken),
            Text = input.Text!.Trim(),
            SharedWith = input.SharedWith,
            CorrectsNoteId = input.CorrectsNoteId,
        };
        db.CaseNotes.Add(note);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // Someone corrected the same note at the same moment: this correction was not saved.
            return CommandResult.Conflict();
        }

        return CommandResult.Saved(note.Id);
    }

    /// <summary>The notes of the case this reader may see: staff all, partners those shared with their agency.</summary>
    private static IQueryable<CaseNote> Visible(AsbOpsDbContext db, UserScope user, long caseId)
    {
        var notes = db.CaseNotes.AsNoTracking().Where(n => n.CaseId == caseId);
        if (user.IsPartner)
        {
            var agency = user.Agency;
            notes = agency is null ? notes.Where(_ => false) : notes.Where(n => n.SharedWith == agency);
        }

        return notes;
    }
}
