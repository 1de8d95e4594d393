using System.Diagnostics;
using System.Globalization;
using AsbOps.Web.Data;
using Microsoft.Data.Sqlite;

namespace AsbOps.Benchmarks;

/// <summary>
/// The assessment-save baseline: the rows one timed save wrote, read back from the app's database, and replayed by
/// hand-written prepared SQL on a copy taken before the saves. Inserted: the assessment, its answers and every row
/// that names the case (audit entries, markers, alerts, outbox messages, referrals). Updated: the assessment it
/// superseded, the subject's participant row and the case row, with the values the app left in them.
/// </summary>
internal sealed class SavedRows
{
    /// <summary>Tables whose new rows a save adds; rows other than the assessment's answers are found by their CaseId.</summary>
    private static readonly string[] CaseTables = ["Assessments", "AuditEntries", "Markers", "Alerts", "Outbox", "Referrals"];

    public required long CaseId { get; init; }

    public required List<(string Table, Dictionary<string, object> Values)> Inserts { get; init; }

    public required List<Dictionary<string, object>> Answers { get; init; }

    public required List<(string Table, long Id, Dictionary<string, object> Values)> Updates { get; init; }

    public int Statements => Inserts.Count + Answers.Count + Updates.Count;

    /// <summary>The first id each table will give a row written after this point.</summary>
    public static Dictionary<string, long> FirstIds(string database)
    {
        using var connection = Open(database);
        return CaseTables.Append("AssessmentAnswers").ToDictionary(t => t, t => Scalar(connection, $"SELECT COALESCE(MAX(Id), 0) + 1 FROM {t}"));
    }

    public static List<SavedRows> Read(string database, Dictionary<string, long> firstIds, List<(long CaseId, long ParticipantId, long? Superseded)> saves)
    {
        using var connection = Open(database);
        var result = new List<SavedRows>(saves.Count);
        foreach (var (caseId, participantId, superseded) in saves)
        {
            var inserts = new List<(string, Dictionary<string, object>)>();
            foreach (var table in CaseTables)
            {
                inserts.AddRange(Rows(connection, $"SELECT * FROM {table} WHERE CaseId = {caseId} AND Id >= {firstIds[table]} ORDER BY Id").Select(r => (table, r)));
            }

            var assessment = inserts.Single(i => i.Item1 == "Assessments").Item2;
            var answers = Rows(connection, $"SELECT * FROM AssessmentAnswers WHERE AssessmentId = {assessment["Id"]} ORDER BY Id");
            var updates = new List<(string, long, Dictionary<string, object>)>
            {
                ("CaseParticipants", participantId, Rows(connection, $"SELECT RiskLevel, Version FROM CaseParticipants WHERE Id = {participantId}").Single()),
                ("Cases", caseId, Rows(connection, $"SELECT RiskLevel, HighRiskSince, NextReviewDue, Version FROM Cases WHERE Id = {caseId}").Single()),
            };
            if (superseded is { } old)
            {
                updates.Insert(0, ("Assessments", old, Rows(connection, $"SELECT IsCurrent, Version FROM Assessments WHERE Id = {old}").Single()));
            }

            result.Add(new SavedRows { CaseId = caseId, Inserts = inserts, Answers = answers, Updates = updates });
        }

        return result;
    }

    /// <summary>Each save's rows in one transaction of prepared statements (one per table and column set); each transaction's time in ms.</summary>
    public static List<double> Replay(string database, List<SavedRows> saves)
    {
        using var connection = Open(database);
        using (var setup = connection.CreateCommand())
        {
            // The app's own per-connection pragmas (synchronous=NORMAL under WAL), so the baseline's commits cost the same.
            setup.CommandText = "PRAGMA journal_mode=WAL;" + SqlitePragmas.Pragmas;
            setup.ExecuteNonQuery();
        }

        var statements = new Dictionary<string, SqliteCommand>();
        try
        {
            var times = new List<double>(saves.Count);
            foreach (var save in saves)
            {
                var started = Stopwatch.GetTimestamp();
                using var transaction = connection.BeginTransaction();
                long assessmentId = 0;
                foreach (var (table, values) in save.Inserts)
                {
                    var id = Run(connection, transaction, statements, Insert(table, values.Keys), values, skip: "Id");
                    if (table == "Assessments")
                    {
                        assessmentId = id;
                    }
                }

                foreach (var answer in save.Answers)
                {
                    answer["AssessmentId"] = assessmentId;
                    Run(connection, transaction, statements, Insert("AssessmentAnswers", answer.Keys), answer, skip: "Id");
                }

                foreach (var (table, id, values) in save.Updates)
                {
                    values["Id"] = id;
                    Run(connection, transaction, statements, Update(table, values.Keys), values, skip: null);
                }

                transaction.Commit();
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            return times;
        }
        finally
        {
            foreach (var statement in statements.Values)
            {
                statement.Dispose();
            }
        }
    }

    private static string Insert(string table, IEnumerable<string> columns)
    {
        var names = columns.Where(c => c != "Id").ToList();
        return $"INSERT INTO \"{table}\" ({string.Join(", ", names.Select(n => $"\"{n}\""))}) VALUES ({string.Join(", ", names.Select(n => "$" + n))}) RETURNING Id";
    }

    private static string Update(string table, IEnumerable<string> columns) =>
        $"UPDATE \"{table}\" SET {string.Join(", ", columns.Where(c => c != "Id").Select(c => $"\"{c}\" = ${c}"))} WHERE \"Id\" = $Id";

    private static long Run(SqliteConnection connection, SqliteTransaction transaction, Dictionary<string, SqliteCommand> statements, string sql, Dictionary<string, object> values, string? skip)
    {
        if (!statements.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in values.Keys.Where(k => k != skip))
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = "$" + name });
            }

            command.Prepare();
            statements[sql] = command;
        }

        command.Transaction = transaction;
        foreach (SqliteParameter parameter in command.Parameters)
        {
            parameter.Value = values[parameter.ParameterName[1..]];
        }

        var result = command.ExecuteScalar();
        return result is null or DBNull ? 0 : Convert.ToInt64(result, CultureInfo.InvariantCulture);
    }

    private static List<Dictionary<string, object>> Rows(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<Dictionary<string, object>>();
        while (reader.Read())
        {
            var row = new Dictionary<string, object>(reader.FieldCount, StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static SqliteConnection Open(string database)
    {
        var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        return connection;
    }
}
