using AsbOps.Domain.Cases;
using AsbOps.Domain.Referrals;
using AsbOps.Domain.Risk;

namespace AsbOps.Web.Features.People;

/// <summary>One case the person is on, in which role, at what risk.</summary>
public sealed record PersonCaseRow(string CaseRef, CaseStatus Status, PersonRole Role, RiskLevel PersonRisk, RiskLevel CaseRisk, DateTime AddedAt);

/// <summary>A marker on the person.</summary>
public sealed record PersonMarkerRow(string CaseRef, RiskLevel RiskLevel, DateTime PlacedAt, DateTime? EndedAt, string? EndReason);

/// <summary>A referral about the person.</summary>
public sealed record PersonReferralRow(string CaseRef, Agency Agency, bool IsSafeguarding, ReferralStatus Status, DateTime SentAt);

/// <summary>The contact with the person as a victim on one case.</summary>
public sealed record PersonContactRow(string CaseRef, int Contacts, DateTime? LastContactAt, DateTime? NextContactDue);

/// <summary>One logged contact with the person as a victim.</summary>
public sealed record PersonContactEntry(string CaseRef, DateTime ContactedAt, AsbOps.Domain.CaseRecord.ContactMethod Method, string ByName, string Outcome);

/// <summary>
/// Everything the reader may see about one person, from the cases visible to them only: the cases and roles, markers,
/// referrals, victim contacts and the flags drawn from them.
/// </summary>
public sealed record PersonView(
    long Id, string Name, DateOnly? DateOfBirth, string? Address, string? Postcode,
    bool Vulnerable, bool RepeatVictim, bool SafeguardingConcern,
    IReadOnlyList<PersonCaseRow> Cases, IReadOnlyList<PersonMarkerRow> Markers, IReadOnlyList<PersonReferralRow> Referrals,
    IReadOnlyList<PersonContactRow> Contacts)
{
    /// <summary>The flags set by hand (the shown flags also include those drawn from assessments and cases).</summary>
    public PersonFlags SetFlags { get; init; } = new(false, false, false);

    /// <summary>The record's concurrency version, for flag changes and merges.</summary>
    public int Version { get; init; }

    /// <summary>The id asked for when it was a record since merged into this one.</summary>
    public long? MergedFromId { get; init; }

    /// <summary>The latest logged contacts with the person as a victim, newest first.</summary>
    public IReadOnlyList<PersonContactEntry> ContactLog { get; init; } = [];
}
