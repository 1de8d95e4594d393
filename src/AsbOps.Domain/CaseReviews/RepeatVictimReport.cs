namespace AsbOps.Domain.CaseReviews;

/// <summary>One report on a case as the repeat-victim prompt sees it: when, and who made it.</summary>
public sealed record CaseReport(long IncidentId, string Reference, DateTime ReceivedAt, string? ReporterName, string? ReporterPhone);

/// <summary>A victim who reported again: their first report in the window and the latest one (which raises the prompt).</summary>
public sealed record RepeatReport(CaseReport First, CaseReport Latest);

/// <summary>
/// When a victim reports a second time within the case review window the lead officer is prompted to tell them about
/// the ASB Case Review. The same person is known by the same <see cref="Key"/>: their phone's digits when known, else
/// their name. The case page and the officer's work list both ask this rule, so they prompt for the same report.
/// </summary>
public static class RepeatVictimReport
{
    /// <summary>The same person is the same key: their phone's digits when known, else their name in lower case.</summary>
    public static string? Key(string? name, string? phone)
    {
        var digits = new string((phone ?? "").Where(char.IsDigit).ToArray());
        if (digits.Length >= 6)
        {
            return "tel:" + digits;
        }

        return string.IsNullOrWhiteSpace(name)
            ? null
            : "name:" + string.Join(' ', name.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The start of the window ending at <paramref name="now"/>.</summary>
    public static DateTime WindowStart(DateTime now, int windowMonths) => now.AddMonths(-windowMonths);

    /// <summary>
    /// The most recent report by someone who had already reported on the case within the window ending at
    /// <paramref name="now"/>; null when nobody reported twice.
    /// </summary>
    public static RepeatReport? Latest(IEnumerable<CaseReport> reports, DateTime now, int windowMonths)
    {
        var from = WindowStart(now, windowMonths);
        return reports
            .Where(r => r.ReceivedAt >= from && r.ReceivedAt <= now)
            .OrderBy(r => r.ReceivedAt).ThenBy(r => r.IncidentId)
            .Select(r => (Report: r, Key: Key(r.ReporterName, r.ReporterPhone)))
            .Where(x => x.Key is not null)
            .GroupBy(x => x.Key)
            .Where(g => g.Count() >= 2)
            .Select(g => new RepeatReport(g.First().Report, g.Last().Report))
            .OrderByDescending(x => x.Latest.ReceivedAt).ThenByDescending(x => x.Latest.IncidentId)
            .FirstOrDefault();
    }
}
