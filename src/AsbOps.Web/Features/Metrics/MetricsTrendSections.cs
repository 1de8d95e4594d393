namespace AsbOps.Web.Features.Metrics;

/// <summary>One column of a trend table: a value per period; <see cref="Percent"/> values are shares from 0 to 1.</summary>
public sealed record TrendColumn(string Name, IReadOnlyList<double?> Values, bool Percent = false);

/// <summary>
/// One trend as the page and the workbook both show it: a title, the group it belongs to (a tab on the page, a sheet
/// in the workbook), and its columns period by period.
/// </summary>
public sealed record TrendSection(string Group, string Key, string Title, IReadOnlyList<TrendColumn> Columns);

/// <summary>Turns <see cref="MetricsTrends"/> into the sections shown on screen and written to the workbook.</summary>
public static class MetricsTrendSections
{
    public const string Answers = "Answers";
    public const string Unknown = "Unknown share";
    public const string UnknownLife = "Unknowns open";
    public const string TimeToFirst = "Time to assessment";
    public const string Levels = "Levels by role";
    public const string Overrides = "Overrides";
    public const string HighRisk = "High-risk workload";
    public const string Rules = "Compliance rules";

    public static readonly IReadOnlyList<string> Groups = [Answers, Unknown, UnknownLife, TimeToFirst, Levels, Overrides, HighRisk, Rules];

    public static IReadOnlyList<TrendSection> Build(MetricsTrends t)
    {
        var sections = new List<TrendSection>();
        foreach (var question in t.Answers.GroupBy(a => (a.Matrix, a.QuestionKey)))
        {
            sections.Add(new(Answers, $"{question.Key.Matrix}:{question.Key.QuestionKey}",
                $"{question.Key.Matrix}: {question.Key.QuestionKey} — answers",
                [.. question.Select(o => Counts(o.OptionLabel, o.Counts))]));
        }

        sections.Add(new(Unknown, "unknown-share", "Share of \"unknown\" per question",
            [.. t.Unknowns.Select(u => new TrendColumn($"{u.Matrix}: {u.QuestionKey}", [.. t.Periods.Select((_, i) => u.Share(i))], Percent: true))]));
        sections.Add(new(Unknown, "unknown-count", "Answers and \"unknown\" answers per question",
            [.. t.Unknowns.SelectMany(u => new[]
            {
                Counts($"{u.Matrix}: {u.QuestionKey} answered", u.Answered),
                Counts($"{u.Matrix}: {u.QuestionKey} unknown", u.Unknown),
            })]));
        sections.Add(new(UnknownLife, "unknown-life", "How long unknowns stay open (days)",
        [
            Counts("Unknowns answered since", [.. t.UnknownLife.Select(p => p.Answered)]),
            new("Median days to the answer", [.. t.UnknownLife.Select(p => p.MedianDaysToAnswer)]),
            Counts("Unknowns still open", [.. t.UnknownLife.Select(p => p.StillOpen)]),
            new("Median days open so far", [.. t.UnknownLife.Select(p => p.MedianDaysOpen)]),
        ]));
        sections.Add(new(TimeToFirst, "time-to-first", "Hours from opening to the first complete assessment",
        [
            Counts("Cases opened", [.. t.TimeToFirst.Select(p => p.Opened)]),
            Counts("With a complete assessment", [.. t.TimeToFirst.Select(p => p.Assessed)]),
            new("Median hours", [.. t.TimeToFirst.Select(p => p.MedianHours)]),
            new("90th percentile hours", [.. t.TimeToFirst.Select(p => p.P90Hours)]),
        ]));
        foreach (var role in t.Levels)
        {
            sections.Add(new(Levels, role.Role, $"{role.Role}: complete assessments by level",
                [Counts("Low", role.Low), Counts("Medium", role.Medium), Counts("High", role.High)]));
        }

        sections.Add(new(Overrides, "overrides", "Professional-judgement overrides and the sergeant's decisions",
        [
            Counts("Raised", [.. t.Overrides.Select(o => o.Raised)]),
            Counts("Lowered", [.. t.Overrides.Select(o => o.Lowered)]),
            Counts("Lowered: approved", [.. t.Overrides.Select(o => o.Approved)]),
            Counts("Lowered: rejected", [.. t.Overrides.Select(o => o.Rejected)]),
            Counts("Lowered: awaiting a sergeant", [.. t.Overrides.Select(o => o.Pending)]),
            Counts("Lowered: no decision needed", [.. t.Overrides.Select(o => o.NotRequired)]),
        ]));
        sections.Add(new(HighRisk, "high-risk", "Cases entering high risk and time in high",
        [
            Counts("Cases entering high", [.. t.HighRisk.Select(h => h.Entering)]),
            Counts("Still high", [.. t.HighRisk.Select(h => h.StillHigh)]),
            new("Median days high", [.. t.HighRisk.Select(h => h.MedianDaysHigh)]),
        ]));
        sections.Add(new(Rules, "rules", "Cases found breaking each compliance rule",
            [.. t.Rules.Select(r => Counts(r.Title, r.Cases))]));
        return sections;
    }

    /// <summary>How a value reads in a table cell: whole numbers as such, others to one decimal, shares as percent.</summary>
    public static string Format(double? value, bool percent) => value switch
    {
        null => "–",
        { } v when percent => (v * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%",
        { } v when v == Math.Floor(v) => v.ToString("0", System.Globalization.CultureInfo.InvariantCulture),
        { } v => v.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
    };

    private static TrendColumn Counts(string name, IReadOnlyList<int> counts) => new(name, [.. counts.Select(c => (double?)c)]);
}
