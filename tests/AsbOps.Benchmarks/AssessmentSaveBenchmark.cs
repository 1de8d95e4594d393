using System.Diagnostics;
using System.Globalization;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Risk;
using AsbOps.Web.Data;
using AsbOps.Web.Data.Seeding;
using AsbOps.Web.Email;
using AsbOps.Web.Features.Assessments;
using AsbOps.Web.Features.Compliance;
using AsbOps.Web.Features.HighRisk;
using AsbOps.Web.Features.Intake;
using AsbOps.Web.Jobs;
using AsbOps.Web.Live;
using AsbOps.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AsbOps.Benchmarks;

/// <summary>
/// Issue 3: saving a complete victim assessment (validation, scoring, audit, high-risk markers and alerts) through
/// <see cref="IAssessmentService.SaveAsync"/> on the scale-10 demo force, one save at a time; beside the same rows
/// (every row each save inserted and updated, see <see cref="SavedRows"/>) written by hand-written prepared SQL in one
/// transaction per assessment on a copy of the same database. Bounded: a fixed count, and it stops by itself.
/// Data: a copy (VACUUM INTO) of ASBOPS_BENCH_DB10 when it is a compatible <c>--seed-demo 10</c> database, otherwise a
/// fresh scale-10 force generated in the temp folder (which takes minutes). With <c>--provider postgres</c>: the
/// PostgreSQL demo database named by ASBOPS_BENCH_POSTGRES_DB, in place (see <see cref="RunPostgresAsync"/>).
/// </summary>
public static class AssessmentSaveBenchmark
{
    public const string Name = "assessment-save";
    private const int Scale = 10;
    private const int Count = 300;
    private const int Warmup = 20;

    public static async Task RunAsync()
    {
        if (JobsBenchHost.UsesPostgres)
        {
            await RunPostgresAsync();
            return;
        }

        var folder = Path.Combine(Path.GetTempPath(), "asbops-bench-assess-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var appDb = Path.Combine(folder, "app.db");
        var rawDb = Path.Combine(folder, "raw.db");
        try
        {
            Saves? done;
            List<SavedRows>? written = null;
            await using (var app = BuildHost($"Data Source={appDb}", postgres: false))
            {
                await PrepareDataAsync(app, appDb);
                Copy(appDb, rawDb);
                UserScope admin;
                using (var connection = new SqliteConnection($"Data Source={appDb}"))
                {
                    connection.Open();
                    admin = AdminScope(connection);
                }

                done = await SaveAllAsync(app, admin, () => SavedRows.FirstIds(appDb));
                if (done is null)
                {
                    return;
                }

                written = SavedRows.Read(appDb, done.FirstIds, done.Results.Select(r => (r.Target.CaseId, r.Target.ParticipantId, r.Target.Newest)).ToList());
            }

            SqliteConnection.ClearAllPools();
            var raw = SavedRows.Replay(rawDb, written!);
            PrintResults("", done.Times, raw, written!);
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

    /// <summary>
    /// With <c>--provider postgres</c>: the saves go into the PostgreSQL demo database named by ASBOPS_BENCH_POSTGRES_DB in
    /// place (the saved assessments, their markers, alerts and outbox rows stay, as a user's would), and the baseline
    /// replays the same rows into the same database by hand-written prepared SQL, then deletes what it replayed.
    /// </summary>
    private static async Task RunPostgresAsync()
    {
        if (Environment.GetEnvironmentVariable(JobsBenchHost.PostgresVariable) is not { Length: > 0 } connectionString)
        {
            Console.WriteLine($"assessment-save: {JobsBenchHost.PostgresVariable} is not set; skipped (see README.md)");
            return;
        }

        await using var app = BuildHost(connectionString, postgres: true);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(seedDemo: false);
        }

        string label, tag;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AsbOpsDbContext>>().CreateDbContextAsync())
        {
            (label, tag) = JobsBenchHost.PostgresNames(await db.Cases.LongCountAsync());
        }

        Console.WriteLine($"assessment-save: {label}, saving in place");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var admin = AdminScope(connection);
        var done = await SaveAllAsync(app, admin, () => SavedRows.FirstIds(connection));
        if (done is null)
        {
            return;
        }

        var written = SavedRows.Read(connection, done.FirstIds, done.Results.Select(r => (r.Target.CaseId, r.Target.ParticipantId, r.Target.Newest)).ToList());
        var inserted = new List<(string Table, long Id)>();
        List<double> raw;
        try
        {
            raw = SavedRows.Replay(connection, written, inserted);
        }
        finally
        {
            Console.WriteLine($"assessment-save: removed the baseline's {SavedRows.Remove(connection, inserted)} replayed rows again");
        }

        PrintResults($"-{tag}", done.Times, raw, written);
    }

    private sealed record Saves(List<double> Times, List<(Target Target, AssessmentSaveResult Result)> Results, Dictionary<string, long> FirstIds);

    /// <summary>Picks the targets and saves one assessment on each, timing all but the warm-up; null when too few cases.</summary>
    private static async Task<Saves?> SaveAllAsync(WebApplication app, UserScope admin, Func<Dictionary<string, long>> firstIdsNow)
    {
        var saves = new List<double>(Count);
        var results = new List<(Target Target, AssessmentSaveResult Result)>(Count);
        var targets = await PickTargetsAsync(app, Warmup + Count);
        Console.WriteLine($"assessment-save: {targets.Count} open cases with a victim picked; saving as {admin.UserName} ({admin.Role})");
        if (targets.Count < Warmup + Count)
        {
            Console.WriteLine("assessment-save: not enough open cases with a victim; stopping.");
            return null;
        }

        var firstIds = new Dictionary<string, long>();
        var gcPause = TimeSpan.Zero;
        var gcCounts = new int[3];
        for (var i = 0; i < targets.Count; i++)
        {
            if (i == Warmup)
            {
                firstIds = firstIdsNow();
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
        return new Saves(saves, results, firstIds);
    }

    /// <summary>The result lines; <paramref name="tag"/> is empty on SQLite (names as before) and "-postgres-scaleN" on PostgreSQL.</summary>
    private static void PrintResults(string tag, List<double> saves, List<double> raw, List<SavedRows> written)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"assessment-save: the baseline replays the rows each save wrote: {written.Average(w => w.Statements):0.0} statements a save on average ({written.Sum(w => w.Inserts.Count + w.Answers.Count)} inserts, {written.Sum(w => w.Updates.Count)} updates in all)"));

        saves.Sort();
        raw.Sort();
        Report.Line($"assessment-save{tag}-p50", Report.Percentile(saves, 50), "ms", Report.Percentile(raw, 50), "ms raw SQL");
        Report.Line($"assessment-save{tag}-p95", Report.Percentile(saves, 95), "ms", Report.Percentile(raw, 95), "ms raw SQL");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"assessment-save{tag} goal: p95 <= 30 ms and <= 3x baseline p95 — {(Report.Percentile(saves, 95) <= 30 && Report.Percentile(saves, 95) <= 3 * Report.Percentile(raw, 95) ? "met" : "NOT met")} (max {saves[^1]:0.###} ms, raw max {raw[^1]:0.###} ms, n={saves.Count})"));
    }

    private sealed record Target(long CaseId, long ParticipantId, long? Newest);

    private static WebApplication BuildHost(string connectionString, bool postgres)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration["ConnectionStrings:AsbOps"] = connectionString;
        if (postgres)
        {
            builder.Configuration["Database:Provider"] = "Postgres";
        }

        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.Configuration["Demo:SeedOnStart"] = "false";
        builder.Configuration["Jobs:Enabled"] = "false";
        builder.Services.AddAsbOpsData(builder.Configuration, builder.Environment);
        builder.Services.AddAsbOpsSecurity(builder.Configuration, builder.Environment); // Identity: the initializer's roles, the demo staff
        builder.Services.AddIntakeFeature(builder.Configuration, []);
        builder.Services.AddAssessmentsFeature();
        builder.Services.AddHighRiskFeature();
        builder.Services.AddComplianceFeature();
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

            // An older demo database is fine: the initializer below migrates the copy, as the app's start-up would.
            if (applied.Count > migrations.Length || !applied.SequenceEqual(migrations.Take(applied.Count)))
            {
                return $"migrations [{string.Join(", ", applied)}] are not a start of this code's [{string.Join(", ", migrations)}]";
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
    private static UserScope AdminScope(System.Data.Common.DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT u."Id", u."UserName" FROM "AspNetUsers" u
            WHERE u."PrimaryRole" = 'admin'
               OR u."Id" IN (SELECT ur."UserId" FROM "AspNetUserRoles" ur JOIN "AspNetRoles" r ON r."Id" = ur."RoleId" WHERE r."Name" = 'admin')
            UNION ALL SELECT * FROM (SELECT u."Id", u."UserName" FROM "AspNetUsers" u WHERE u."PrimaryRole" = 'inspector' ORDER BY u."Id" LIMIT 1) AS i
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
}
