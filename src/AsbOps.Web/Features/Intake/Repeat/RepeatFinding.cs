namespace AsbOps.Web.Features.Intake.Repeat;

/// <summary>An earlier incident that makes this one a repeat, and why it matched (address, reporter, person on a case).</summary>
public sealed record RepeatIncident(long Id, string StormRef, DateTime ReceivedAt, string Excerpt, IReadOnlyList<string> Reasons);

/// <summary>
/// What the repeat check found for one incident: counts include the incident itself, so 3 means two earlier ones
/// within the window. <see cref="SuggestRepeatVictim"/> is the hint for the victim assessment's "repeat victim" question.
/// </summary>
public sealed record RepeatFinding(
    int AddressCount,
    int PersonCount,
    string? PersonName,
    int WindowDays,
    bool SuggestRepeatVictim,
    IReadOnlyList<RepeatIncident> Incidents)
{
    public static RepeatFinding None(int windowDays) => new(1, 0, null, windowDays, false, []);

    /// <summary>"Repeat: 3 incidents at this address in 6 months …", or null when nothing reaches the threshold.</summary>
    public string? Summary
    {
        get
        {
            if (!SuggestRepeatVictim)
            {
                return null;
            }

            var period = WindowDays == 183 ? "6 months" : $"{WindowDays} days";
            var parts = new List<string>();
            if (AddressCount > 1)
            {
                parts.Add($"{AddressCount} incidents at this address");
            }

            if (PersonCount > 1 && PersonName is not null)
            {
                parts.Add($"{PersonCount} incidents involving {PersonName}");
            }

            return $"Repeat: {string.Join(" and ", parts)} in {period} — consider answering 'repeat victim: yes'.";
        }
    }
}
