using AsbOps.Web.Security;

namespace AsbOps.Web.Features.People;

/// <summary>Finds people already known and puts people on a case.</summary>
public interface ICasePeopleService
{
    /// <summary>The case as the add-person page needs it, or null when not found, closed or not editable by the user.</summary>
    Task<CaseForPeople?> GetCaseAsync(UserScope user, string caseReference, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<PersonMatch>> SearchAsync(UserScope user, PersonSearch search, CancellationToken cancellationToken = default);

    Task<AddPersonResult> AddAsync(AddPersonCommand command, UserScope user, CancellationToken cancellationToken = default);
}

/// <summary>The case people are added to.</summary>
public sealed record CaseForPeople(long Id, string Reference, string Address, string Postcode);
