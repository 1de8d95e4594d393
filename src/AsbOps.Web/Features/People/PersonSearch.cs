using AsbOps.Domain.Cases;
using AsbOps.Web.Data;

namespace AsbOps.Web.Features.People;

/// <summary>What the officer knows about the person: name and date of birth, or address and postcode.</summary>
public sealed record PersonSearch(string? FirstName, string? LastName, DateOnly? DateOfBirth, string? Address, string? Postcode);

/// <summary>Another case the matched person is on, in a role.</summary>
public sealed record PersonCaseLink(string CaseReference, PersonRole Role);

/// <summary>A person already known who may be the one being added, with why they matched and their other cases.</summary>
public sealed record PersonMatch(
    long PersonId,
    string Name,
    DateOnly? DateOfBirth,
    string? Address,
    string? Postcode,
    bool MatchedByName,
    bool MatchedByAddress,
    IReadOnlyList<PersonCaseLink> Cases,
    int CasesNotShown,
    bool PostcodeOnly = false)
{
    /// <summary>What matched, in words: "name", "address", "postcode", "name and postcode"…</summary>
    public string MatchedOn => (MatchedByName, MatchedByAddress) switch
    {
        (true, true) => PostcodeOnly ? "name and postcode" : "name and address",
        (true, false) => "name",
        _ => PostcodeOnly ? "postcode" : "address",
    };
}

/// <summary>A new person's details; first and last name are required.</summary>
public sealed record NewPerson(string? FirstName, string? LastName, DateOnly? DateOfBirth, string? Address, string? Postcode, string? Phone);

/// <summary>
/// Put a person on a case in a role: an existing person (<see cref="ExistingPersonId"/>) or a new one. A new person
/// whose name and date of birth match someone already known is refused unless <see cref="ConfirmedNotDuplicate"/>.
/// </summary>
public sealed record AddPersonCommand(
    long CaseId,
    PersonRole Role,
    long? ExistingPersonId,
    NewPerson? NewPerson,
    bool ConfirmedNotDuplicate = false);

/// <summary>A person added to a case (or why not): the participant, the person and how they were stored.</summary>
public sealed record AddPersonResult(
    CommandOutcome Outcome,
    IReadOnlyDictionary<string, string> Errors,
    string? Message = null,
    long? ParticipantId = null,
    long? PersonId = null,
    string? Name = null,
    string? Address = null,
    string? Postcode = null) : CommandResult(Outcome, Errors, Message, ParticipantId);
