namespace AsbOps.Domain.Compliance;

/// <summary>
/// One finding followed across sweeps: a case breaking a rule (for rules 1 and 3, about one person on it) from the sweep
/// that first found it until the sweep that no longer did. Sweeps keep it: new findings get a row, a finding that is
/// gone is put right, and the owner follows the case's lead officer. At most one open life per (case, rule, person).
/// </summary>
public sealed class FindingLife
{
    /// <summary><see cref="ParticipantId"/> of a finding about the case as a whole (or its location).</summary>
    public const long WholeCase = 0;

    public long Id { get; set; }

    public long CaseId { get; set; }

    public int AreaId { get; set; }

    public ComplianceRule Rule { get; set; }

    /// <summary>The case participant the finding is about (rules 1 and 3), or <see cref="WholeCase"/>.</summary>
    public long ParticipantId { get; set; }

    /// <summary>When the rule was first found broken (the sweep's time); the chase counts from here.</summary>
    public DateTime FirstSeenAt { get; set; }

    /// <summary>The last sweep that still found it.</summary>
    public DateTime LastSeenAt { get; set; }

    /// <summary>The first sweep that no longer found it; null while it is open.</summary>
    public DateTime? PutRightAt { get; set; }

    /// <summary>The lead officer who owns it: the case's lead officer as of the last sweep or reassignment.</summary>
    public string? OwnerUserId { get; set; }

    public bool IsOpen => PutRightAt is null;

    /// <summary>Whether the finding stood at <paramref name="at"/>.</summary>
    public static bool OpenAt(DateTime firstSeenAt, DateTime? putRightAt, DateTime at) => firstSeenAt <= at && (putRightAt is null || putRightAt > at);
}
