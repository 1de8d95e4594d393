using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using AsbOps.Web.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace AsbOps.Benchmarks;

/// <summary>
/// The assessment-save baseline: the rows one timed save wrote, read back from the app's database, and replayed by
/// hand-written prepared SQL. Inserted: the assessment, its answers and every row that names the case (audit entries,
/// markers, alerts, outbox messages, referrals). Updated: the assessment it superseded, the subject's participant row
/// and the case row, with the values the app left in them.
/// On SQLite the rows are replayed on a copy taken before the saves. On PostgreSQL (<c>--provider postgres</c>) they are
/// replayed into the same database the app saved into, each save committed as on SQLite; the outbox rows' dedup keys
/// get a suffix (they are unique), and the replayed rows are deleted again afterwards (<see cref="Remove"/>), so the
/// database keeps one copy of each save: the app's.
/// </summary>
internal sealed class SavedRows
{
    /// <summary>Tables whose new rows a save adds; rows other than the assessment's answers are found by their CaseId.</summary>
    private static readonly string[] CaseTables = ["Assessments", "AuditEntries", "Markers", "Alerts", "Outbox", "Referrals"];

    /// <summary>Added to the replayed outbox rows' unique dedup key on PostgreSQL.</summary>
    private const string BaselineDedupSuffix = "~baseline";

    public required long CaseId { get; init; }

    public required List<(string Table, Dictionary<string, object> Values)> Inserts { get; init; }

    public required List<Dictionary<string, object>> Answers { get; init; }

    public required List<(string Table, long Id, Dictionary<string, object> Values)> Updates { get; init; }

    /// <summary>PostgreSQL's type of each column read ("Table.Column"), shared by all saves read together; empty on SQLite.</summary>
    public required Dictionary<string, string> Types { get; init; }

    public int Statements => Inserts.Count + Answers.Count + Updates.Count;

    /// <summary>The first id each table will give a row written after this point.</summary>
    public static Dictionary<string, long> FirstIds(string database)
    {
        using var connection = Open(database);
        return FirstIds(connection);
    }

    /// <inheritdoc cref="FirstIds(string)"/>
    public static Dictionary<string, long> FirstIds(DbConnection connection) =>
        CaseTables.Append("AssessmentAnswers").ToDictionary(t => t, t => Scalar(connection, $"SELECT COALESCE(MAX(\"Id\"), 0) + 1 FROM \"{t}\""));

    public static List<SavedRows> Read(string database, Dictionary<string, long> firstIds, List<(long CaseId, long ParticipantId, long? Superseded)> saves)
    {
        using var connection = Open(database);
        return Read(connection, firstIds, saves);
    }

    /// <inheritdoc cref="Read(string, Dictionary{string, long}, List{ValueTuple{long, long, long?}})"/>
    public static List<SavedRows> Read(DbConnection connection, Dictionary<string, long> firstIds, List<(long CaseId, long ParticipantId, long? Superseded)> saves)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var result = new List<SavedRows>(saves.Count);
        foreach (var (caseId, participantId, superseded) in saves)
        {
            var inserts = new List<(string, Dictionary<string, object>)>();
            foreach (var table in CaseTables)
            {
                inserts.AddRange(Rows(connection, table, $"SELECT * FROM \"{table}\" WHERE \"CaseId\" = {caseId} AND \"Id\" >= {firstIds[table]} ORDER BY \"Id\"", types)
                    .Select(r => (table, r)));
            }

            var assessment = inserts.Single(i => i.Item1 == "Assessments").Item2;
            var answers = Rows(connection, "AssessmentAnswers", $"SELECT * FROM \"AssessmentAnswers\" WHERE \"AssessmentId\" = {assessment["Id"]} ORDER BY \"Id\"", types);
            var updates = new List<(string, long, Dictionary<string, object>)>
            {
                ("CaseParticipants", participantId, Rows(connection, "CaseParticipants", $"SELECT \"RiskLevel\", \"Version\" FROM \"CaseParticipants\" WHERE \"Id\" = {participantId}", types).Single()),
                ("Cases", caseId, Rows(connection, "Cases", $"SELECT \"RiskLevel\", \"HighRiskSince\", \"NextReviewDue\", \"Version\" FROM \"Cases\" WHERE \"Id\" = {caseId}", types).Single()),
            };
            if (superseded is { } old)
            {
                updates.Insert(0, ("Assessments", old, Rows(connection, "Assessments", $"SELECT \"IsCurrent\", \"Version\" FROM \"Assessments\" WHERE \"Id\" = {old}", types).Single()));
            }

            result.Add(new SavedRows { CaseId = caseId, Inserts = inserts, Answers = answers, Updates = updates, Types = types });
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

        return Replay(connection, saves, inserted: null);
    }

    /// <summary>
    /// <see cref="Replay(string, List{SavedRows})"/> on an open connection; the ids of the rows it inserted are added
    /// to <paramref name="inserted"/> (table, id) when given.
    /// </summary>
    public static List<double> Replay(DbConnection connection, List<SavedRows> saves, List<(string Table, long Id)>? inserted)
    {
        var postgres = connection is NpgsqlConnection;
        var statements = new Dictionary<string, DbCommand>();
        try
        {
            var times = new List<double>(saves.Count);
            foreach (var save in saves)
            {
                if (postgres)
                {
                    foreach (var (table, values) in save.Inserts)
                    {
                        if (table == "Outbox" && values.TryGetValue("DedupKey", out var key) && key is string dedup && !dedup.EndsWith(BaselineDedupSuffix, StringComparison.Ordinal))
                        {
                            values["DedupKey"] = dedup[..Math.Min(dedup.Length, 200 - BaselineDedupSuffix.Length)] + BaselineDedupSuffix;
                        }
                    }
                }

                var started = Stopwatch.GetTimestamp();
                using var transaction = connection.BeginTransaction();
                long assessmentId = 0;
                foreach (var (table, values) in save.Inserts)
                {
                    var id = Run(connection, transaction, statements, table, Insert(table, values.Keys, postgres), values, save.Types, skip: "Id");
                    inserted?.Add((table, id));
                    if (table == "Assessments")
                    {
                        assessmentId = id;
                    }
                }

                foreach (var answer in save.Answers)
                {
                    answer["AssessmentId"] = assessmentId;
                    inserted?.Add(("AssessmentAnswers", Run(connection, transaction, statements, "AssessmentAnswers", Insert("AssessmentAnswers", answer.Keys, postgres), answer, save.Types, skip: "Id")));
                }

                foreach (var (table, id, values) in save.Updates)
                {
                    values["Id"] = id;
                    Run(connection, transaction, statements, table, Update(table, values.Keys, postgres), values, save.Types, skip: null);
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

    /// <summary>Deletes the rows a replay inserted (answers first: they name the replayed assessments), in one transaction.</summary>
    public static int Remove(DbConnection connection, List<(string Table, long Id)> inserted)
    {
        using var transaction = connection.BeginTransaction();
        var removed = 0;
        foreach (var table in CaseTables.Reverse().Prepend("AssessmentAnswers"))
        {
            var ids = inserted.Where(i => i.Table == table).Select(i => i.Id).ToArray();
            if (ids.Length == 0)
            {
                continue;
            }

            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"DELETE FROM \"{table}\" WHERE \"Id\" IN ({string.Join(", ", ids.Select(i => i.ToString(CultureInfo.InvariantCulture)))})";
            removed += command.ExecuteNonQuery();
        }

        transaction.Commit();
        return removed;
    }

    private static string Insert(string table, IEnumerable<string> columns, bool postgres)
    {
        var names = columns.Where(c => c != "Id").ToList();
        var prefix = postgres ? "@" : "$";
        return $"INSERT INTO \"{table}\" ({string.Join(", ", names.Select(n => $"\"{n}\""))}) VALUES ({string.Join(", ", names.Select(n => prefix + n))}) RETURNING \"Id\"";
    }

    private static string Update(string table, IEnumerable<string> columns, bool postgres)
    {
        var prefix = postgres ? "@" : "$";
        return $"UPDATE \"{table}\" SET {string.Join(", ", columns.Where(c => c != "Id").Select(c => $"\"{c}\" = {prefix}{c}"))} WHERE \"Id\" = {prefix}Id";
    }

    private static long Run(DbConnection connection, DbTransaction transaction, Dictionary<string, DbCommand> statements, string table, string sql,
        Dictionary<string, object> values, Dictionary<string, string> types, string? skip)
    {
        if (!statements.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in values.Keys.Where(k => k != skip))
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = (command is NpgsqlCommand ? "@" : "$") + name;
                if (parameter is NpgsqlParameter typed && types.TryGetValue($"{table}.{name}", out var type))
                {
                    // PostgreSQL prepares each statement with its parameters' types: those of the columns read.
                    typed.DataTypeName = type;
                }

                command.Parameters.Add(parameter);
            }

            if (command is SqliteCommand)
            {
                command.Prepare();
            }

            statements[sql] = command;
        }

        command.Transaction = transaction;
        foreach (DbParameter parameter in command.Parameters)
        {
            parameter.Value = values[parameter.ParameterName.TrimStart('$', '@')];
        }

        if (command is NpgsqlCommand { IsPrepared: false })
        {
            // Npgsql prepares with the parameters' values (or types) set: the first execution of each statement does.
            command.Prepare();
        }

        var result = command.ExecuteScalar();
        return result is null or DBNull ? 0 : Convert.ToInt64(result, CultureInfo.InvariantCulture);
    }

    private static List<Dictionary<string, object>> Rows(DbConnection connection, string table, string sql, Dictionary<string, string> types)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        if (connection is NpgsqlConnection)
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                types[$"{table}.{reader.GetName(i)}"] = reader.GetDataTypeName(i);
            }
        }

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

    private static long Scalar(DbConnection connection, string sql)
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
