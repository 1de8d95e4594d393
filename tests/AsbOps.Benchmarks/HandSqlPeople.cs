namespace AsbOps.Benchmarks;

/// <summary>
/// The role heatmap's statement of <see cref="CountersHandSql"/>, in SQL that SQLite and PostgreSQL both accept: one row
/// of twelve counts (victims, perpetrators and witnesses, each not assessed, low, medium, high), counted from the people
/// of the open cases, or summed from the counts stored on each open case.
/// </summary>
internal static class HandSqlPeople
{
    private static readonly string[] Levels = ["notassessed", "low", "medium", "high"];

    private static readonly (string Role, int Level, string Column)[] Counts =
    [
        .. new[] { ("Victim", "Victims"), ("Perpetrator", "Perpetrators"), ("Witness", "Witnesses") }
            .SelectMany(r => new[] { "NotAssessed", "Low", "Medium", "High" }.Select((level, i) => (r.Item1, i, r.Item2 + level))),
    ];

    /// <summary>The numbers' keys, in the order of the statement's columns.</summary>
    public static IEnumerable<string> Keys => Counts.Select(c => $"role.{c.Role.ToLowerInvariant()}.{Levels[c.Level]}");

    public static string FromPeople(string openCases) => $"""
        SELECT {string.Join(", ", Counts.Select(c => Integer($"""SUM(CASE WHEN p."Role" = '{c.Role}' AND p."RiskLevel" = {c.Level} THEN 1 ELSE 0 END)""")))}
        FROM "CaseParticipants" p WHERE p."CaseId" IN (SELECT c."Id" FROM ({openCases}) c)
        """;

    public static string FromStoredCounts(string openCases) => $"""
        SELECT {string.Join(", ", Counts.Select(c => Integer($"""SUM(c."{c.Column}")""")))} FROM ({openCases}) c
        """;

    private static string Integer(string sum) => $"CAST(COALESCE({sum}, 0) AS INTEGER)";
}
