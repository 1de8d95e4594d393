using System.Data.Common;
using System.Globalization;
using AsbOps.Domain.Risk;
using AsbOps.Web.Features.Compliance;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace AsbOps.Benchmarks;

/// <summary>
/// The dashboard's numbers written by hand in SQLite (and in PostgreSQL's dialect for <c>--provider postgres</c>): the counters per area, every queue's count, both heatmaps and
/// the number of trend points, in four statements over one connection; from the raw rows, or from the stored standing.
/// The baselines of <see cref="CountersBenchmark"/>.
/// </summary>
public static class CountersHandSql
{
    private static readonly string[] Levels = ["notassessed", "low", "medium", "high"];

    /// <summary>
    /// The numbers, from the raw rows (people, assessments, plans, screenings) as the rules define them, or with
    /// <paramref name="fromStoredStanding"/> from the standing stored on each case and the screening time stored on
    /// each incident, as the service reads them.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, int>> CountAsync(
        string databasePath, ComplianceOptions options, int? areaId, DateTime now, bool fromStoredStanding = false)
    {
        var thresholds = options.ToThresholds();
        var week = now.AddDays(7);
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        string At(DateTime t) => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.');
        command.Parameters.AddWithValue("$area", areaId is { } id ? id : DBNull.Value);
        command.Parameters.AddWithValue("$now", At(now));
        command.Parameters.AddWithValue("$week", At(week));
        command.Parameters.AddWithValue("$victim", At(thresholds.VictimAssessmentCutoff(now)));
        foreach (var (name, at) in new[] { ("now", now), ("week", week) })
        {
            command.Parameters.AddWithValue($"${name}High", At(thresholds.ReviewBasisCutoff(at, RiskLevel.High)));
            command.Parameters.AddWithValue($"${name}Medium", At(thresholds.ReviewBasisCutoff(at, RiskLevel.Medium)));
            command.Parameters.AddWithValue($"${name}Low", At(thresholds.ReviewBasisCutoff(at, RiskLevel.Low)));
        }

        command.CommandText = fromStoredStanding ? StoredSql : Sql;
        return await ReadAsync(command);
    }

    /// <summary>
    /// As <see cref="CountAsync(string, ComplianceOptions, int?, DateTime, bool)"/> on the database a bench host runs
    /// on: the SQLite copy as above, or PostgreSQL with the same statements in its dialect.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, int>> CountAsync(
        JobsBenchHost host, ComplianceOptions options, int? areaId, DateTime now, bool fromStoredStanding = false)
    {
        if (!host.IsPostgres)
        {
            return await CountAsync(host.DatabasePath, options, areaId, now, fromStoredStanding);
        }

        var thresholds = options.ToThresholds();
        now = DateTime.SpecifyKind(now, DateTimeKind.Utc);
        var week = now.AddDays(7);
        await using var connection = new NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.Parameters.Add(new NpgsqlParameter("area", NpgsqlDbType.Integer) { Value = areaId is { } id ? id : DBNull.Value });
        void At(string name, DateTime value) =>
            command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.TimestampTz) { Value = DateTime.SpecifyKind(value, DateTimeKind.Utc) });
        At("now", now);
        At("week", week);
        At("victim", thresholds.VictimAssessmentCutoff(now));
        foreach (var (name, at) in new[] { ("now", now), ("week", week) })
        {
            At($"{name}High", thresholds.ReviewBasisCutoff(at, RiskLevel.High));
            At($"{name}Medium", thresholds.ReviewBasisCutoff(at, RiskLevel.Medium));
            At($"{name}Low", thresholds.ReviewBasisCutoff(at, RiskLevel.Low));
        }

        command.CommandText = fromStoredStanding ? PostgresStoredSql : PostgresSql;
        return await ReadAsync(command);
    }

    /// <summary>The four result sets of the statements, as the service's numbers (zeros left out).</summary>
    private static async Task<IReadOnlyDictionary<string, int>> ReadAsync(DbCommand command)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        void Add(string key, int value)
        {
            if (value != 0)
            {
                numbers[key] = numbers.GetValueOrDefault(key) + value;
            }
        }

        await using var reader = await command.ExecuteReaderAsync();
        string[] counters = ["openCases", "highRiskCases", "missingAssessments", "unknownAnswers", "overdueReviews"];
        while (await reader.ReadAsync())
        {
            var code = reader.GetString(0);
            for (var i = 0; i < counters.Length; i++)
            {
                Add($"{code}.{counters[i]}", reader.GetInt32(1 + i));
                Add(counters[i], reader.GetInt32(1 + i));
            }

            Add("queue.awaitingAssessment", reader.GetInt32(6));
            Add("queue.unknownAnswers", reader.GetInt32(4));
            Add("queue.highRiskWithoutPlan", reader.GetInt32(7));
            Add("queue.reviews", reader.GetInt32(8));
            for (var level = 0; level < Levels.Length; level++)
            {
                Add($"area.{code}.{Levels[level]}", reader.GetInt32(9 + level));
            }
        }

        await reader.NextResultAsync();
        while (await reader.ReadAsync())
        {
            Add($"{reader.GetString(0)}.awaitingScreening", reader.GetInt32(1));
            Add("awaitingScreening", reader.GetInt32(1));
            Add("queue.awaitingScreening", reader.GetInt32(1));
        }

        await reader.NextResultAsync();
        await reader.ReadAsync();
        foreach (var (key, i) in HandSqlPeople.Keys.Select((key, i) => (key, i)))
        {
            Add(key, reader.GetInt32(i));
        }

        await reader.NextResultAsync();
        await reader.ReadAsync();
        Add("queue.awaitingApproval", reader.GetInt32(0));
        Add("trendPoints", reader.GetInt32(1));
        return numbers;
    }

    private const string Assessed =
        "EXISTS (SELECT 1 FROM Assessments a WHERE a.CaseId = c.Id AND a.CaseParticipantId = p.Id AND a.IsCurrent AND a.Status = 'Complete')";

    private const string OpenCases = "SELECT * FROM Cases c WHERE c.Status <> 'Closed' AND ($area IS NULL OR c.AreaId = $area)";

    private static string ReviewDue(string at) => $"""
        CASE WHEN c.NextReviewDue IS NOT NULL THEN c.NextReviewDue < ${at}
          ELSE (c.RiskLevel = 3 AND COALESCE(c.LastReviewedAt, c.OpenedAt) < ${at}High)
            OR (c.RiskLevel = 2 AND COALESCE(c.LastReviewedAt, c.OpenedAt) < ${at}Medium)
            OR (c.RiskLevel < 2 AND COALESCE(c.LastReviewedAt, c.OpenedAt) < ${at}Low) END
        """;

    private static readonly string Sql = Statements(
        victimWaiting: $"EXISTS (SELECT 1 FROM CaseParticipants p WHERE p.CaseId = c.Id AND p.Role = 'Victim' AND NOT {Assessed})",
        noVictimNoLocation: """
            (NOT EXISTS (SELECT 1 FROM CaseParticipants p WHERE p.CaseId = c.Id AND p.Role = 'Victim')
              AND NOT EXISTS (SELECT 1 FROM Assessments a WHERE a.CaseId = c.Id AND a.Kind = 'Location' AND a.IsCurrent AND a.Status = 'Complete'))
            """,
        perpetratorWaiting: $"EXISTS (SELECT 1 FROM CaseParticipants p WHERE p.CaseId = c.Id AND p.Role = 'Perpetrator' AND NOT {Assessed})",
        unknown: "(SELECT COALESCE(SUM(a.UnknownCount), 0) FROM Assessments a WHERE a.CaseId = c.Id AND a.IsCurrent)",
        noPlan: "(c.RiskLevel = 3 AND NOT EXISTS (SELECT 1 FROM ActionPlans ap WHERE ap.CaseId = c.Id))",
        unscreened: "NOT EXISTS (SELECT 1 FROM Screenings s WHERE s.IncidentId = i.Id)",
        openCases: OpenCases,
        people: HandSqlPeople.FromPeople(OpenCases));

    private static readonly string StoredSql = Statements(
        victimWaiting: "c.HasUnassessedVictim",
        noVictimNoLocation: "c.LacksVictimAndLocationAssessment",
        perpetratorWaiting: "c.HasUnassessedPerpetrator",
        unknown: "c.UnknownAnswers",
        noPlan: "(c.RiskLevel = 3 AND NOT c.HasActionPlan)",
        unscreened: "i.ScreenedAt IS NULL",
        openCases: StoredOpenCases,
        people: HandSqlPeople.FromStoredCounts(StoredOpenCases));

    private const string StoredOpenCases = "SELECT * FROM Cases c WHERE c.Status IN ('Open', 'UnderReview') AND ($area IS NULL OR c.AreaId = $area)";

    private static string Statements(
        string victimWaiting, string noVictimNoLocation, string perpetratorWaiting, string unknown, string noPlan, string unscreened,
        string openCases, string people) => $"""
        WITH f AS (
          SELECT c.AreaId, c.RiskLevel,
            {victimWaiting} AS victimWaiting,
            {noVictimNoLocation} AS r2,
            {perpetratorWaiting} AS r3,
            c.OpenedAt < $victim AS pastGrace,
            c.OpenedAt < $now AS openedBeforeNow,
            {unknown} AS unknown,
            {noPlan} AS noPlan,
            {ReviewDue("now")} AS overdue,
            {ReviewDue("week")} AS dueWithinWeek
          FROM ({openCases}) c)
        SELECT ar.Code, COUNT(*), SUM(f.RiskLevel = 3), SUM((f.victimWaiting AND f.pastGrace) OR f.r2 OR f.r3), SUM(f.unknown),
          SUM(f.overdue), SUM((f.victimWaiting AND f.openedBeforeNow) OR f.r2 OR f.r3), SUM(f.noPlan), SUM(f.dueWithinWeek),
          SUM(f.RiskLevel = 0), SUM(f.RiskLevel = 1), SUM(f.RiskLevel = 2), SUM(f.RiskLevel = 3)
        FROM f JOIN Areas ar ON ar.Id = f.AreaId GROUP BY ar.Code;

        SELECT ar.Code, COUNT(*) FROM Incidents i JOIN Areas ar ON ar.Id = i.AreaId
        WHERE i.CaseId IS NULL AND {unscreened} AND ($area IS NULL OR i.AreaId = $area)
        GROUP BY ar.Code;

        {people};

        SELECT (SELECT COUNT(*) FROM Assessments a JOIN ({openCases}) c ON c.Id = a.CaseId WHERE a.IsCurrent AND a.JudgementApproval = 'Pending'),
          (SELECT COUNT(*) FROM (SELECT 1 FROM ComplianceSnapshots s WHERE s.IsWeekly ORDER BY s.TakenAt DESC LIMIT 12));
        """;

    // PostgreSQL: the same statements with quoted identifiers, COUNT(*) FILTER for SQLite's SUM over booleans, and
    // every count cast to integer (COUNT and SUM give bigint).
    private const string PostgresAssessed =
        """EXISTS (SELECT 1 FROM "Assessments" a WHERE a."CaseId" = c."Id" AND a."CaseParticipantId" = p."Id" AND a."IsCurrent" AND a."Status" = 'Complete')""";

    private const string PostgresOpenCases =
        """SELECT * FROM "Cases" c WHERE c."Status" <> 'Closed' AND (@area IS NULL OR c."AreaId" = @area)""";

    private static string PostgresReviewDue(string at) => $"""
        CASE WHEN c."NextReviewDue" IS NOT NULL THEN c."NextReviewDue" < @{at}
          ELSE (c."RiskLevel" = 3 AND COALESCE(c."LastReviewedAt", c."OpenedAt") < @{at}High)
            OR (c."RiskLevel" = 2 AND COALESCE(c."LastReviewedAt", c."OpenedAt") < @{at}Medium)
            OR (c."RiskLevel" < 2 AND COALESCE(c."LastReviewedAt", c."OpenedAt") < @{at}Low) END
        """;

    private static readonly string PostgresSql = PostgresStatements(
        victimWaiting: $"""EXISTS (SELECT 1 FROM "CaseParticipants" p WHERE p."CaseId" = c."Id" AND p."Role" = 'Victim' AND NOT {PostgresAssessed})""",
        noVictimNoLocation: """
            (NOT EXISTS (SELECT 1 FROM "CaseParticipants" p WHERE p."CaseId" = c."Id" AND p."Role" = 'Victim')
              AND NOT EXISTS (SELECT 1 FROM "Assessments" a WHERE a."CaseId" = c."Id" AND a."Kind" = 'Location' AND a."IsCurrent" AND a."Status" = 'Complete'))
            """,
        perpetratorWaiting: $"""EXISTS (SELECT 1 FROM "CaseParticipants" p WHERE p."CaseId" = c."Id" AND p."Role" = 'Perpetrator' AND NOT {PostgresAssessed})""",
        unknown: """(SELECT COALESCE(SUM(a."UnknownCount"), 0) FROM "Assessments" a WHERE a."CaseId" = c."Id" AND a."IsCurrent")""",
        noPlan: """(c."RiskLevel" = 3 AND NOT EXISTS (SELECT 1 FROM "ActionPlans" ap WHERE ap."CaseId" = c."Id"))""",
        unscreened: """NOT EXISTS (SELECT 1 FROM "Screenings" s WHERE s."IncidentId" = i."Id")""",
        openCases: PostgresOpenCases,
        people: HandSqlPeople.FromPeople(PostgresOpenCases));

    private static readonly string PostgresStoredSql = PostgresStatements(
        victimWaiting: """c."HasUnassessedVictim" """,
        noVictimNoLocation: """c."LacksVictimAndLocationAssessment" """,
        perpetratorWaiting: """c."HasUnassessedPerpetrator" """,
        unknown: """c."UnknownAnswers" """,
        noPlan: """(c."RiskLevel" = 3 AND NOT c."HasActionPlan")""",
        unscreened: """i."ScreenedAt" IS NULL""",
        openCases: PostgresStoredOpenCases,
        people: HandSqlPeople.FromStoredCounts(PostgresStoredOpenCases));

    private const string PostgresStoredOpenCases =
        """SELECT * FROM "Cases" c WHERE c."Status" IN ('Open', 'UnderReview') AND (@area IS NULL OR c."AreaId" = @area)""";

    private static string PostgresStatements(
        string victimWaiting, string noVictimNoLocation, string perpetratorWaiting, string unknown, string noPlan, string unscreened,
        string openCases, string people) => $"""
        WITH f AS (
          SELECT c."AreaId" AS area_id, c."RiskLevel" AS risk,
            {victimWaiting} AS victim_waiting,
            {noVictimNoLocation} AS r2,
            {perpetratorWaiting} AS r3,
            c."OpenedAt" < @victim AS past_grace,
            c."OpenedAt" < @now AS opened_before_now,
            {unknown} AS unknown_answers,
            {noPlan} AS no_plan,
            {PostgresReviewDue("now")} AS overdue,
            {PostgresReviewDue("week")} AS due_within_week
          FROM ({openCases}) c)
        SELECT ar."Code", COUNT(*)::int, (COUNT(*) FILTER (WHERE f.risk = 3))::int,
          (COUNT(*) FILTER (WHERE (f.victim_waiting AND f.past_grace) OR f.r2 OR f.r3))::int, COALESCE(SUM(f.unknown_answers), 0)::int,
          (COUNT(*) FILTER (WHERE f.overdue))::int, (COUNT(*) FILTER (WHERE (f.victim_waiting AND f.opened_before_now) OR f.r2 OR f.r3))::int,
          (COUNT(*) FILTER (WHERE f.no_plan))::int, (COUNT(*) FILTER (WHERE f.due_within_week))::int,
          (COUNT(*) FILTER (WHERE f.risk = 0))::int, (COUNT(*) FILTER (WHERE f.risk = 1))::int,
          (COUNT(*) FILTER (WHERE f.risk = 2))::int, (COUNT(*) FILTER (WHERE f.risk = 3))::int
        FROM f JOIN "Areas" ar ON ar."Id" = f.area_id GROUP BY ar."Code";

        SELECT ar."Code", COUNT(*)::int FROM "Incidents" i JOIN "Areas" ar ON ar."Id" = i."AreaId"
        WHERE i."CaseId" IS NULL AND {unscreened} AND (@area IS NULL OR i."AreaId" = @area)
        GROUP BY ar."Code";

        {people};

        SELECT (SELECT COUNT(*) FROM "Assessments" a JOIN ({openCases}) c ON c."Id" = a."CaseId" WHERE a."IsCurrent" AND a."JudgementApproval" = 'Pending')::int,
          (SELECT COUNT(*) FROM (SELECT 1 FROM "ComplianceSnapshots" s WHERE s."IsWeekly" ORDER BY s."TakenAt" DESC LIMIT 12) w)::int;
        """;
}
