namespace AsbOps.Web.Features.People.SubjectAccess;

/// <summary>Everything held about one person, as the subject access workbook lists it. Values are plain text for the sheets.</summary>
public sealed record SubjectAccessData(
    long PersonId,
    IReadOnlyList<long> MergedRecordIds,
    SubjectPersonRow Person,
    IReadOnlyList<SubjectCaseRow> Cases,
    IReadOnlyList<SubjectAssessmentRow> Assessments,
    IReadOnlyList<SubjectAnswerRow> Answers,
    IReadOnlyList<SubjectNoteRow> Notes,
    IReadOnlyList<SubjectContactRow> Contacts,
    IReadOnlyList<SubjectReferralRow> Referrals,
    IReadOnlyList<SubjectMarkerRow> Markers,
    IReadOnlyList<SubjectFileRow> Files,
    IReadOnlyList<SubjectIncidentRow> Incidents,
    IReadOnlyList<ThirdPartyRow> ThirdParties,
    IReadOnlyList<SubjectViewRow> Views,
    DateTime ProducedAt,
    string ProducedBy);

public sealed record SubjectPersonRow(string FirstName, string LastName, DateOnly? DateOfBirth, string? Address, string? Postcode, string? Phone,
    bool Vulnerable, bool RepeatVictim, bool SafeguardingConcern);

public sealed record SubjectCaseRow(string CaseRef, string Area, string Category, string Status, string Role, string RiskLevel, DateTime AddedAt,
    DateTime OpenedAt, DateTime? ClosedAt, string Summary);

public sealed record SubjectAssessmentRow(long AssessmentId, string CaseRef, string Kind, int GuidanceVersion, string Status, DateTime CreatedAt,
    DateTime? CompletedAt, string Level, string ComputedLevel, string? JudgementLevel, string? JudgementRationale, bool SafeguardingConcern);

public sealed record SubjectAnswerRow(long AssessmentId, string CaseRef, string QuestionKey, string Value, string? Explanation);

public sealed record SubjectNoteRow(string CaseRef, DateTime WrittenAt, string Author, string SharedWith, long? Corrects, string Text, string RedactionReview);

public sealed record SubjectContactRow(string CaseRef, DateTime ContactedAt, string Method, string By, string Outcome, DateTime NextContactDue, string RedactionReview);

public sealed record SubjectReferralRow(string CaseRef, string Agency, bool Safeguarding, string Status, DateTime SentAt, string Reason, string? OutcomeNote,
    string RedactionReview);

public sealed record SubjectMarkerRow(string CaseRef, string RiskLevel, DateTime PlacedAt, DateTime? EndedAt, string? EndReason);

public sealed record SubjectFileRow(string CaseRef, string FileName, string ContentType, long SizeBytes, DateTime UploadedAt, string UploadedBy,
    string? Description, string SharedWith, DateTime? RetiredAt);

public sealed record SubjectIncidentRow(string CaseRef, string StormRef, DateTime ReceivedAt, string Address, string Description, string? ReporterName,
    string RedactionReview);

/// <summary>Another person on one of the subject's cases: their name appears on records released, so it is reviewed before release.</summary>
public sealed record ThirdPartyRow(string CaseRef, string Name, string Role);

public sealed record SubjectViewRow(DateTime At, string UserName, string Record, string? CaseRef);
