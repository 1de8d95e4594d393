using System.Diagnostics;
using System.Globalization;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Risk;
using AsbOps.Web.Data;
using AsbOps.Web.Data.Seeding;
using AsbOps.Web.Email;
using AsbOps.Web.Features;
using AsbOps.Web.Features.Assessments;
using AsbOps.Web.Jobs;
using AsbOps.Web.Live;
using AsbOps.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Benchmarks;

/// <summary>
/// Issue 3: saving a complete victim assessment (validation, scoring, audit, high-risk markers and alerts) through
/// <see cref="IAssessmentService.SaveAsync"/> on the scale-10 demo force, one save at a time; beside the same rows
/// (assessment, 8 answers, audit rows, participant and case risk level) written by hand-written prepared SQL in one
/// transaction per assessment on a copy of the same database. Bounded: a fixed count, and it stops by itself.
/// Data: a copy (VACUUM INTO) of ASBOPS_BENCH_DB10 when it is a compatible <c>--seed-demo 10</c> database, otherwise a
/// fresh scale-10 force generated in the temp folder (1.5–3.5 minutes).
/// </summary>
public static class AssessmentSaveBenchmark
{
    public const string Name = "assessment-save";
    private const int Scale = 10;
    private const int Count = 300;
    private const int Warmup = 20;

    public static async Task RunAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "asbops-bench-assess-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var appDb = Path.Combine(folder, "app.db");
        var rawDb = Path.Combine(folder, "raw.db");
        try
        {
            var saves = new List<double>(Count);
            var results = new List<(Target Target, AssessmentSaveResult Result)>(Count);
            await using (var app = BuildHost(appDb))
            {
                await PrepareDataAsync(app, appDb);
                Copy(appDb, rawDb);
                var admin = AdminScope(appDb);
                var targets = await PickTargetsAsync(app, Warmup + Count);
                Console.WriteLine($"assessment-save: {targets.Count} open cases with a victim picked; saving as {admin.UserName} ({admin.Role})");
                if (targets.Count < Warmup + Count)
                {
                    Console.WriteLine("assessment-save: not enough open cases with a victim; stopping.");
                    return;
                }

                var gcPause = TimeSpan.Zero;
                var gcCounts = new int[3];
                for (var i = 0; i < targets.Count; i++)
                {
                    if (i == Warmup)
                    {
                        gcPause = GC.GetTotalPauseDuration();
                        gcCounts = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
                    }

                    var target = targets[i];
                    var command = Command(target, i);
                    await using var scope = app.Services.CreateAsyncScope();
                    var service = scope.ServiceProvider.GetRequiredService<IAssessmentService>();
                    var started = Stopwatch.GetTimestamp();
                    var result = await service.SaveAsync(command, admin);
                    var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    if (i >= Warmup)
                    {
                        saves.Add(elapsed);
                        results.Add((target, result));
                    }
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"assessment-save: GC during the timed saves {(GC.GetTotalPauseDuration() - gcPause).TotalMilliseconds:0} ms paused; collections gen0 {GC.CollectionCount(0) - gcCounts[0]}, gen1 {GC.CollectionCount(1) - gcCounts[1]}, gen2 {GC.CollectionCount(2) - gcCounts[2]}; heap {GC.GetTotalMemory(false) / 1_048_576} MB"));
                await PrintCheckAsync(app, results);
            }

            SqliteConnection.ClearAllPools();
            var raw = RawSaves(rawDb, results);

            saves.Sort();
            raw.Sort();
            Report.Line("assessment-save-p50", Report.Percentile(saves, 50), "ms", Report.Percentile(raw, 50), "ms raw SQL");
            Report.Line("assessment-save-p95", Report.Percentile(saves, 95), "ms", Report.Percentile(raw, 95), "ms raw SQL");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"assessment-save goal: p95 <= 30 ms and <= 3x baseline p95 — {(Report.Percentile(saves, 95) <= 30 && Report.Percentile(saves, 95) <= 3 * Report.Percentile(raw, 95) ? "met" : "NOT met")} (max {saves[^1]:0.###} ms, raw max {raw[^1]:0.###} ms, n={saves.Count})"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }

    private sealed record Target(long CaseId, long ParticipantId, long? Newest);

    private static WebApplication BuildHost(string database)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration["ConnectionStrings:AsbOps"] = $"Data Source={database}";
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.Configuration["Demo:SeedOnStart"] = "false";
        builder.Configuration["Jobs:Enabled"] = "false";
        builder.Services.AddAsbOpsData(builder.Configuration, builder.Environment);
        builder.Services.AddAsbOpsSecurity(builder.Configuration); // Identity: the initializer's roles, the demo staff
        builder.Services.AddAsbOpsFeatures();
        builder.Services.AddAsbOpsLive(builder.Configuration);
        builder.Services.AddAsbOpsEmail(builder.Configuration);
        builder.Services.AddAsbOpsJobs(builder.Configuration);
        return builder.Build();
    }

    /// <summary>Copies a compatible ASBOPS_BENCH_DB10 into <paramref name="database"/>, or generates the scale-10 force there.</summary>
    private static async Task PrepareDataAsync(WebApplication app, string database)
    {
        var source = Environment.GetEnvironmentVariable($"ASBOPS_BENCH_DB{Scale}");
        string[] migrations;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AsbOpsDbContext>>().CreateDbContextAsync())
        {
            migrations = db.Database.GetMigrations().ToArray();
        }

        var copied = false;
        if (source is { Length: > 0 } && File.Exists(source))
        {
            var why = Incompatibility(source, migrations);
            if (why is null)
            {
                Copy(source, database);
                copied = true;
                Console.WriteLine($"assessment-save: copied the scale-{Scale} database {source}");
            }
            else
            {
                Console.WriteLine($"assessment-save: {source} is not usable ({why}); generating a fresh scale-{Scale} force");
            }
        }
        else
        {
            Console.WriteLine($"assessment-save: no database at ASBOPS_BENCH_DB{Scale} ({source ?? "unset"}); generating a fresh scale-{Scale} force");
        }

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(seedDemo: false);
        if (copied)
        {
            return;
        }

        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var progress = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(15), stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"assessment-save: generating… {clock.Elapsed.TotalSeconds:F0} s, {CountCases(database):N0} cases written"));
            }
        });
        var result = await scope.ServiceProvider.GetRequiredService<DemoForceGenerator>().GenerateAsync(Scale);
        await stop.CancelAsync();
        await progress;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"assessment-save: generated scale {Scale}: {result.Cases:N0} cases, {result.Incidents:N0} incidents, {result.People:N0} people in {clock.Elapsed.TotalSeconds:F1} s"));
    }

    private static string? Incompatibility(string source, string[] migrations)
    {
        try
        {
            using var connection = new SqliteConnection($"Data Source={source};Mode=ReadOnly");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId";
            var applied = new List<string>();
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    applied.Add(reader.GetString(0));
                }
            }

            if (!applied.SequenceEqual(migrations))
            {
                return $"migrations [{string.Join(", ", applied)}] differ from this code's [{string.Join(", ", migrations)}]";
            }

            command.CommandText = "SELECT COUNT(*) FROM Cases";
            var cases = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
            return cases < 10_000 ? $"only {cases} cases, not a scale-{Scale} force" : null;
        }
        catch (SqliteException e)
        {
            return e.Message;
        }
    }

    private static long CountCases(string database)
    {
        try
        {
            using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM Cases";
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            return -1;
        }
    }

    private static void Copy(string source, string destination)
    {
        using var connection = new SqliteConnection($"Data Source={source}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"VACUUM INTO '{destination.Replace("'", "''")}'";
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// An admin-like scope: force-wide and allowed to edit (see <see cref="CaseEditors"/>). The demo admin exists only
    /// when the force was generated in Development (demo logins); otherwise a real inspector of the force acts with the
    /// admin role.
    /// </summary>
    private static UserScope AdminScope(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT u.Id, u.UserName FROM AspNetUsers u
            WHERE u.PrimaryRole = 'admin'
               OR u.Id IN (SELECT ur.UserId FROM AspNetUserRoles ur JOIN AspNetRoles r ON r.Id = ur.RoleId WHERE r.Name = 'admin')
            UNION ALL SELECT * FROM (SELECT u.Id, u.UserName FROM AspNetUsers u WHERE u.PrimaryRole = 'inspector' ORDER BY u.Id LIMIT 1)
            LIMIT 1
            """;
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            throw new InvalidOperationException("The demo force has no admin user.");
        }

        var scope = new UserScope(reader.GetString(0), reader.GetString(1), Roles.Admin, null, null);
        return CaseEditors.CanEdit(scope) ? scope : throw new InvalidOperationException("Admins may not edit cases any more.");
    }

    /// <summary>One victim per open case, spread over the force, with the newest current assessment the save is based on.</summary>
    private static async Task<List<Target>> PickTargetsAsync(WebApplication app, int count)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AsbOpsDbContext>>().CreateDbContextAsync();
        var rows = await db.CaseParticipants.AsNoTracking()
            .Where(p => p.Role == PersonRole.Victim && p.Case!.Status != CaseStatus.Closed)
            .Where(p => p.Id == db.CaseParticipants.Where(q => q.CaseId == p.CaseId && q.Role == PersonRole.Victim).Min(q => q.Id))
            .OrderBy(p => p.CaseId % 97).ThenBy(p => p.CaseId)
            .Select(p => new
            {
                p.CaseId,
                p.Id,
                Newest = db.Assessments.Where(a => a.CaseId == p.CaseId && a.CaseParticipantId == p.Id && a.IsCurrent)
                    .OrderByDescending(a => a.Id).Select(a => (long?)a.Id).FirstOrDefault(),
            })
            .Take(count)
            .ToListAsync();
        return rows.Select(r => new Target(r.CaseId, r.Id, r.Newest)).ToList();
    }

    /// <summary>A complete victim assessment: low, high (vulnerable and targeted) or medium-ish (hate, repeat victim) in turn.</summary>
    private static AssessmentCommand Command(Target target, int i) => new()
    {
        CaseId = target.CaseId,
        CaseParticipantId = target.ParticipantId,
        Kind = AssessmentKind.Victim,
        BasedOnAssessmentId = target.Newest,
        Complete = true,
        Answers = (i % 3) switch
        {
            0 => Answers(),
            1 => Answers(new("vulnerable", "yes", "Lives alone, recent stroke"), new("targeted", "yes", "Door kicked nightly")),
            _ => Answers(new("hate", "yes", "Racist abuse shouted at the door"), new("repeatVictim", "yes", "Third report this month"),
                new("frequency", "first", null)),
        },
    };

    private static List<AnswerCommand> Answers(params AnswerCommand[] overrides)
    {
        var answers = new List<AnswerCommand>
        {
            new("frequency", "first", null), new("impact", "minimal", null), new("vulnerable", "no", null),
            new("repeatVictim", "no", null), new("targeted", "no", null), new("hate", "no", null),
            new("support", "comprehensive", null), new("safeguarding", "no", null),
        };
        foreach (var o in overrides)
        {
            answers.RemoveAll(a => a.QuestionKey == o.QuestionKey);
            answers.Add(o);
        }

        return answers;
    }

    private static async Task PrintCheckAsync(WebApplication app, List<(Target Target, AssessmentSaveResult Result)> results)
    {
        var outcomes = results.GroupBy(r => r.Result.Outcome).Select(g => $"{g.Key} {g.Count()}");
        var levels = results.Where(r => r.Result.Succeeded).GroupBy(r => r.Result.Level).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}");
        Console.WriteLine($"assessment-save check: {string.Join(", ", outcomes)}; levels {string.Join(", ", levels)}");
        var failed = results.FirstOrDefault(r => !r.Result.Succeeded);
        if (failed.Result is not null)
        {
            Console.WriteLine($"assessment-save first refusal: {failed.Result.Message} {string.Join("; ", failed.Result.Errors.Select(e => $"{e.Key}: {e.Value}"))}");
        }

        var cases = results.Select(r => r.Target.CaseId).ToList();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AsbOpsDbContext>>().CreateDbContextAsync();
        var markers = await db.Markers.CountAsync(m => cases.Contains(m.CaseId) && m.EndedAt == null);
        var alerts = await db.Alerts.CountAsync(a => a.CaseId != null && cases.Contains(a.CaseId.Value));
        Console.WriteLine($"assessment-save check: {markers} open markers and {alerts} alerts on the {cases.Count} timed cases");
    }

    /// <summary>
    /// The baseline: per assessment, one transaction of prepared commands writing the assessment, its 8 answers, one
    /// audit row per row written, and the participant's and case's risk level. Returns each transaction's time in ms.
    /// </summary>
    private static List<double> RawSaves(string database, List<(Target Target, AssessmentSaveResult Result)> saved)
    {
        using var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        using (var setup = connection.CreateCommand())
        {
            // The app's own per-connection pragmas (synchronous=NORMAL under WAL), so the baseline's commits cost the same.
            setup.CommandText = "PRAGMA journal_mode=WAL;" + SqlitePragmas.Pragmas;
            setup.ExecuteNonQuery();
        }

        using var assessment = Prepare(connection, """
            INSERT INTO Assessments (CaseId, CaseParticipantId, Kind, GuidanceVersionId, Status, CreatedAt, CreatedByUserId, CompletedAt,
              IsCurrent, Score, ComputedLevel, JudgementLevel, JudgementRationale, JudgementApproval, ApprovedByUserId, ApprovedAt,
              ApprovalNote, Level, UnknownCount, SafeguardingConcern, Version)
            VALUES ($case, $participant, 'Victim', (SELECT MAX(Id) FROM GuidanceVersions), 'Complete', $at, 'raw-bench', $at,
              1, $score, $level, NULL, NULL, 'None', NULL, NULL, NULL, $level, 0, 0, 1)
            RETURNING Id
            """, "$case", "$participant", "$at", "$score", "$level");
        using var answer = Prepare(connection, """
            INSERT INTO AssessmentAnswers (AssessmentId, QuestionKey, Value, Score, Explanation, AnsweredAt)
            VALUES ($assessment, $key, $value, $score, $explanation, $at) RETURNING Id
            """, "$assessment", "$key", "$value", "$score", "$explanation", "$at");
        using var audit = Prepare(connection, """
            INSERT INTO AuditEntries (At, UserId, UserName, Action, EntityType, EntityId, CaseId, Changes)
            VALUES ($at, 'raw-bench', 'raw-bench@bench.local', $action, $type, $id, $case, $changes)
            """, "$at", "$action", "$type", "$id", "$case", "$changes");
        using var participant = Prepare(connection, "UPDATE CaseParticipants SET RiskLevel = $level WHERE Id = $id", "$level", "$id");
        using var @case = Prepare(connection, "UPDATE Cases SET RiskLevel = $level WHERE Id = $id", "$level", "$id");

        var times = new List<double>(saved.Count);
        for (var i = 0; i < saved.Count; i++)
        {
            var (target, result) = saved[i];
            var level = (int)(result.Level ?? RiskLevel.Low);
            var answers = Command(target, i + Warmup).Answers;
            var started = Stopwatch.GetTimestamp();
            using var transaction = connection.BeginTransaction();
            foreach (var command in new[] { assessment, answer, audit, participant, @case })
            {
                command.Transaction = transaction;
            }

            var at = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
            Set(assessment, target.CaseId, target.ParticipantId, at, answers.Count(a => a.Value == "yes") * 2, level);
            var assessmentId = (long)assessment.ExecuteScalar()!;
            Audit(audit, at, "Create", "Assessment", assessmentId, target.CaseId, Change("Level", "null", level.ToString(CultureInfo.InvariantCulture)));
            foreach (var a in answers)
            {
                Set(answer, assessmentId, a.QuestionKey, a.Value ?? "", a.Value == "yes" ? 2 : 0, (object?)a.Explanation ?? DBNull.Value, at);
                var answerId = (long)answer.ExecuteScalar()!;
                Audit(audit, at, "Create", "AssessmentAnswer", answerId, target.CaseId, Change("Value", "null", "\"" + a.Value + "\""));
            }

            Set(participant, level, target.ParticipantId);
            participant.ExecuteNonQuery();
            Audit(audit, at, "Update", "CaseParticipant", target.ParticipantId, target.CaseId, Change("RiskLevel", "0", level.ToString(CultureInfo.InvariantCulture)));
            Set(@case, level, target.CaseId);
            @case.ExecuteNonQuery();
            Audit(audit, at, "Update", "AsbCase", target.CaseId, target.CaseId, Change("RiskLevel", "0", level.ToString(CultureInfo.InvariantCulture)));
            transaction.Commit();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return times;
    }

    private static string Change(string property, string from, string to) =>
        "{\"" + property + "\":{\"from\":" + from + ",\"to\":" + to + "}}";

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    private static void Set(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
    }

    private static void Audit(SqliteCommand audit, string at, string action, string type, long id, long caseId, string changes)
    {
        Set(audit, at, action, type, id.ToString(CultureInfo.InvariantCulture), caseId, changes);
        audit.ExecuteNonQuery();
    }
}
