using AsbOps.Domain.Referrals;

namespace AsbOps.Web.Features.CaseRecord.Notes;

/// <summary>A note as the reader sees it: who wrote it and when, whom it is shared with, and how corrections link it.</summary>
public sealed record CaseNoteView(
    long Id, DateTime WrittenAt, string AuthorName, string Text, Agency? SharedWith, long? CorrectsNoteId, long? CorrectedByNoteId)
{
    public bool IsCorrected => CorrectedByNoteId is not null;
}

/// <summary>The notes of a case for one reader, newest first, and whether the reader may add notes.</summary>
public sealed record CaseNotesModel(IReadOnlyList<CaseNoteView> Notes, int Total, bool CanWrite);

/// <summary>A new note (or a correction of <see cref="CorrectsNoteId"/>) as entered.</summary>
public sealed class CaseNoteInput
{
    public string? Text { get; set; }

    public Agency? SharedWith { get; set; }

    public long? CorrectsNoteId { get; set; }
}
