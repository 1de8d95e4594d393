using AsbOps.Domain.Referrals;

namespace AsbOps.Domain.CaseRecord;

/// <summary>
/// A dated, authored note on a case. Notes are append-only: nothing changes one once written. A correction is a new
/// note that names the note it corrects (<see cref="CorrectsNoteId"/>); the original stays, and reads as corrected.
/// </summary>
public sealed class CaseNote
{
    public const int MaxText = 4000;

    public long Id { get; set; }

    public long CaseId { get; set; }

    public DateTime WrittenAt { get; set; }

    public string? AuthorUserId { get; set; }

    public required string AuthorName { get; set; }

    public required string Text { get; set; }

    /// <summary>The one partner agency whose users may read the note; null keeps it to the force.</summary>
    public Agency? SharedWith { get; set; }

    /// <summary>The note this one corrects, on the same case; each note is corrected at most once.</summary>
    public long? CorrectsNoteId { get; set; }
}
