using AsbOps.Domain.Cases;
using AsbOps.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.People;

/// <summary>Turns an add-person command into the person to link: the existing one, or a new one checked for duplicates.</summary>
internal sealed class PersonPreparer(AsbOpsDbContext db, DateTime now)
{
    public sealed record Prepared(Person? Person, Dictionary<string, string> Errors);

    public async Task<Prepared> PrepareAsync(AddPersonCommand command, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Enum.IsDefined(command.Role))
        {
            errors[CasePeopleService.RoleKey] = "Choose a role: victim, perpetrator, witness, reporting person or other.";
        }

        if ((command.ExistingPersonId is null) == (command.NewPerson is null))
        {
            errors[CasePeopleService.PersonKey] = "Pick a person found, or enter a new person — not both.";
            return new Prepared(null, errors);
        }

        if (command.ExistingPersonId is { } id)
        {
            var existing = await db.People.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
            if (existing is null)
            {
                errors[CasePeopleService.PersonKey] = "That person no longer exists; search again.";
            }

            return new Prepared(existing, errors);
        }

        var (tidy, personErrors) = NewPersonValidator.Validate(command.NewPerson!, DateOnly.FromDateTime(now));
        foreach (var (key, message) in personErrors)
        {
            errors[key] = message;
        }

        if (errors.Count > 0)
        {
            return new Prepared(null, errors);
        }

        var searchName = Person.ToSearchName(tidy.FirstName!, tidy.LastName!);
        if (!command.ConfirmedNotDuplicate && tidy.DateOfBirth is { } dob
            && await db.People.AnyAsync(p => p.SearchName == searchName && p.DateOfBirth == dob, cancellationToken))
        {
            errors[CasePeopleService.DuplicateKey] =
                "Someone with this name and date of birth is already known: pick them from the matches, or confirm this is a different person.";
            return new Prepared(null, errors);
        }

        return new Prepared(new Person
        {
            FirstName = tidy.FirstName!,
            LastName = tidy.LastName!,
            SearchName = searchName,
            DateOfBirth = tidy.DateOfBirth,
            Address = tidy.Address,
            Postcode = tidy.Postcode,
            Phone = tidy.Phone,
        }, errors);
    }
}
