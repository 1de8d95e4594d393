using AsbOps.Domain.Cases;
using AsbOps.Domain.Places;
using AsbOps.Web.Components.Shared;
using AsbOps.Web.Data;
using AsbOps.Web.Data.Auditing;
using AsbOps.Web.Live;
using AsbOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.People;

/// <summary>
/// Finds people already known (by name and date of birth, or by address) so that nobody is entered twice, and puts
/// a person on a case in a role. The same person in the same role twice is refused, also when two users add them at
/// once (the unique index decides, and the second user is told).
/// </summary>
public sealed class CasePeopleService(IDbContextFactory<AsbOpsDbContext> dbFactory, OpsNotifier notifier, TimeProvider clock)
    : ICasePeopleService
{
    public const int MaxMatches = 25;
    public const string RoleKey = "role";
    public const string PersonKey = "person";
    public const string DuplicateKey = "duplicate";

    public async Task<CaseForPeople?> GetCaseAsync(UserScope user, string caseReference, CancellationToken cancellationToken = default)
    {
        if (!CaseEditors.CanEdit(user) || !CaseReference.TryParse(caseReference, out var parsed))
        {
            return null;
        }

        var canonical = parsed.ToString();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Cases.AsNoTracking().VisibleTo(db, user)
            .Where(c => c.Reference == canonical && c.Status != CaseStatus.Closed)
            .Select(c => new CaseForPeople(c.Id, c.Reference, c.Address, c.Postcode))
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<PersonMatch>> SearchAsync(UserScope user, PersonSearch search, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        if (!CaseEditors.CanEdit(user))
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var byName = string.IsNullOrWhiteSpace(search.LastName)
            ? []
            : await NameQuery(db, search).Select(p => p.Id).Take(MaxMatches).ToListAsync(cancellationToken);
        var addressQuery = AddressQuery(db, search);
        var byAddress = addressQuery is null ? [] : await addressQuery.Select(p => p.Id).Take(MaxMatches).ToListAsync(cancellationToken);
        var ids = byName.Union(byAddress).ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
        var visible = db.Cases.VisibleTo(db, user).Select(c => c.Id);
        var links = await db.CaseParticipants.AsNoTracking()
            .Where(p => ids.Contains(p.PersonId))
            .Select(p => new { p.PersonId, p.Case!.Reference, p.Role, Visible = visible.Contains(p.CaseId) })
            .ToListAsync(cancellationToken);
        // A postcode search finds a household; say "postcode" unless the address typed matches too.
        var byPostcode = !string.IsNullOrWhiteSpace(search.Postcode) && Postcode.Normalise(search.Postcode.Trim()) is not null;
        var typedAddress = search.Address?.Trim().ToUpperInvariant();
        bool PostcodeOnly(Person p) => byPostcode
            && (string.IsNullOrEmpty(typedAddress) || p.Address?.ToUpperInvariant().Contains(typedAddress, StringComparison.Ordinal) != true);
        return people
            .OrderBy(p => p.SearchName).ThenBy(p => p.Id)
            .Select(p => new PersonMatch(
                p.Id, p.FullName, p.DateOfBirth, p.Address, p.Postcode, byName.Contains(p.Id), byAddress.Contains(p.Id),
                links.Where(l => l.PersonId == p.Id && l.Visible).Select(l => new PersonCaseLink(l.Reference, l.Role)).ToList(),
                links.Count(l => l.PersonId == p.Id && !l.Visible),
                byAddress.Contains(p.Id) && PostcodeOnly(p)))
            .ToList();
    }

    /// <summary>Same last name (and first name when given), and the same date of birth or none recorded.</summary>
    private static IQueryable<Person> NameQuery(AsbOpsDbContext db, PersonSearch search)
    {
        var last = search.LastName!.Trim().ToUpperInvariant();
        var first = search.FirstName?.Trim().ToUpperInvariant() ?? "";
        var query = first.Length > 0
            ? db.People.Where(p => p.SearchName == Person.ToSearchName(first, last))
            : db.People.Where(p => p.SearchName.StartsWith(last + " "));
        return search.DateOfBirth is { } dob ? query.Where(p => p.DateOfBirth == dob || p.DateOfBirth == null) : query;
    }

    /// <summary>Everyone at the postcode (a household), or at an address containing the given text.</summary>
    private static IQueryable<Person>? AddressQuery(AsbOpsDbContext db, PersonSearch search)
    {
        if (!string.IsNullOrWhiteSpace(search.Postcode) && Postcode.Normalise(search.Postcode.Trim()) is { } postcode)
        {
            return db.People.Where(p => p.Postcode == postcode);
        }

        if (search.Address?.Trim() is { Length: >= 4 } address)
        {
            var upper = address.ToUpperInvariant();
            return db.People.Where(p => p.Address != null && p.Address.ToUpper().Contains(upper));
        }

        return null;
    }

    public async Task<AddPersonResult> AddAsync(AddPersonCommand command, UserScope user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditActor = new AuditActor(user.UserId, user.UserName);
        db.Clock = clock;
        var @case = CaseEditors.CanEdit(user)
            ? await db.Cases.AsNoTracking().VisibleTo(db, user)
                .Where(c => c.Id == command.CaseId && c.Status != CaseStatus.Closed)
                .Select(c => new { c.Id, c.Reference, AreaCode = db.Areas.Where(a => a.Id == c.AreaId).Select(a => a.Code).FirstOrDefault() })
                .FirstOrDefaultAsync(cancellationToken)
            : null;
        if (@case is null)
        {
            return new AddPersonResult(CommandOutcome.NotFound, AddPersonResult.NoErrors, "This case was not found, or you may not change it.");
        }

        var prepared = await new PersonPreparer(db, now).PrepareAsync(command, cancellationToken);
        if (prepared.Errors.Count > 0)
        {
            return new AddPersonResult(CommandOutcome.Invalid, prepared.Errors, "Check the marked fields.");
        }

        var person = prepared.Person!;
        if (person.Id != 0 && await db.CaseParticipants.AnyAsync(p => p.CaseId == @case.Id && p.PersonId == person.Id && p.Role == command.Role, cancellationToken))
        {
            return new AddPersonResult(CommandOutcome.Invalid,
                new Dictionary<string, string> { [RoleKey] = $"{person.FullName} is already on this case as {CaseDisplay.Words(command.Role).ToLowerInvariant()}." },
                "Check the marked fields.");
        }

        var participant = new CaseParticipant { CaseId = @case.Id, Person = person, Role = command.Role, AddedAt = now };
        db.CaseParticipants.Add(participant);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return new AddPersonResult(CommandOutcome.Conflict, AddPersonResult.NoErrors,
                $"Someone else added {person.FullName} to this case as {CaseDisplay.Words(command.Role).ToLowerInvariant()} a moment ago. The case already shows them; nothing was added twice.");
        }

        notifier.Publish(new OpsChange(OpsChangeKind.CaseChanged, @case.AreaCode, @case.Reference, now));
        return new AddPersonResult(CommandOutcome.Saved, AddPersonResult.NoErrors, $"{person.FullName} added as {CaseDisplay.Words(command.Role).ToLowerInvariant()}.",
            participant.Id, person.Id, person.FullName, person.Address, person.Postcode);
    }
}
