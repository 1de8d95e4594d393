using AsbOps.Domain.Risk;
using AsbOps.Web.Data;
using AsbOps.Web.Features.Guidance.WhatIf;
using AsbOps.Web.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace AsbOps.Benchmarks;

/// <summary>
/// Issue 18 part 3: the guidance what-if replay (<see cref="GuidanceWhatIfService.ReplayAsync"/>, answers streamed in
/// assessment order) over a year of complete assessments of the scale-1 and scale-10 forces, force-wide and every role, with a draft
/// that raises "vulnerable = yes" by 3; time and peak working set. Beside it, in the same run, the same rescoring as a
/// plain loop over the rows read by hand-written SQL (timed with the read, the fair baseline) and over rows already
/// in memory (the read not timed: the floor of the scoring itself). The
/// counts of changed assessments are printed so that anyone can see they agree. With <c>--provider postgres</c> the
/// same once, on the PostgreSQL demo database (<see cref="JobsBenchHost.PostgresVariable"/>, whatever its scale), the
/// rows read by hand-written SQL in its dialect.
/// </summary>
public static class WhatIfBenchmark
{
    public const string Name = "what-if";
    private const int Runs = 3;

    public static async Task RunAsync()
    {
        foreach (var scale in new[] { 1, 10 })
        {
            await using var host = JobsBenchHost.Open(scale);
            if (host is not null)
            {
                await RunAsync(host, scale);
            }
        }
    }

    private static async Task RunAsync(JobsBenchHost host, int scale)
    {
        var factory = host.Services.GetRequiredService<IDbContextFactory<AsbOpsDbContext>>();
        GuidanceDefinition newest;
        DateTime last;
        await using (var db = await factory.CreateDbContextAsync())
        {
            newest = (await db.GuidanceVersions.AsNoTracking().OrderByDescending(v => v.Number).FirstAsync()).Definition;
            last = await db.Assessments.Where(a => a.CompletedAt != null).MaxAsync(a => a.CompletedAt!.Value);
        }

        var draft = Raise(newest);
        var to = DateOnly.FromDateTime(last);
        var filter = new WhatIfFilter(to.AddYears(-1).AddDays(1), to);
        var scope = new UserScope("bench", "bench@local", Roles.Analyst, null, null);
        var service = new GuidanceWhatIfService(factory);
        await service.ReplayAsync(scope, draft, filter); // warms EF Core's query cache and the page cache

        var replays = new List<Measured>();
        WhatIfResult? result = null;
        for (var i = 0; i < Runs; i++)
        {
            var (r, measured) = await Measured.RunAsync(() => service.ReplayAsync(scope, draft, filter));
            result = r;
            replays.Add(measured);
        }

        var rows = Preload(host, filter);
        var reads = new List<double>();
        for (var i = 0; i < Runs; i++)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            Loop(Preload(host, filter), draft);
            reads.Add(clock.Elapsed.TotalMilliseconds);
        }

        var loops = new List<double>();
        var changed = 0;
        for (var i = 0; i < Runs; i++)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            changed = Loop(rows, draft);
            loops.Add(clock.Elapsed.TotalMilliseconds);
        }

        var replay = replays.Select(m => m.Milliseconds).Order().ToList();
        var loop = loops.Order().ToList();
        var name = host.IsPostgres ? host.Tag : $"s{scale}";
        Console.WriteLine($"what-if {(host.IsPostgres ? host.Label : name)}: {result!.Assessments} assessments of {result.Cases} cases replayed ({filter.From:yyyy-MM-dd} to {filter.To:yyyy-MM-dd}); " +
            $"changed {result.ChangedAssessments} (plain loop {changed}); peak working set {replays.Max(m => m.PeakWorkingSetMb):0} MB, " +
            $"allocated {replays.Average(m => m.AllocatedMb):0} MB a replay; preloaded rows held {rows.Count} assessments");
        var read = reads.Order().ToList();
        Report.Line($"what-if-replay-{name}-median", replay[replay.Count / 2], "ms", read[read.Count / 2], "ms hand-written SQL read + loop");
        Report.Line($"what-if-replay-{name}-vs-scoring-only", replay[replay.Count / 2], "ms", loop[loop.Count / 2], "ms loop over preloaded rows");
    }

    /// <summary>The newest guidance with the victim's "vulnerable = yes" worth 3 more.</summary>
    private static GuidanceDefinition Raise(GuidanceDefinition g) => g with
    {
        Matrices = [.. g.Matrices.Select(m => m.Kind != AssessmentKind.Victim ? m : m with
        {
            Questions = [.. m.Questions.Select(q => q.Key != "vulnerable" ? q : q with
            {
                Options = [.. q.Options.Select(o => o.Value == QuestionDefinition.Yes ? o with { Score = o.Score + 3 } : o)],
            })],
        })],
    };

    private sealed record Row(AssessmentKind Kind, RiskLevel Level, RiskLevel? Judgement, OverrideApproval Approval, Dictionary<string, AnswerInput> Answers);

    private static List<Row> Preload(JobsBenchHost host, WhatIfFilter filter) =>
        host.IsPostgres ? PreloadPostgres(host.ConnectionString, filter) : Preload(host.DatabasePath, filter);

    private static List<Row> Preload(string path, WhatIfFilter filter)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT a."Id", a."Kind", a."Level", a."JudgementLevel", a."JudgementApproval", w."QuestionKey", w."Value"
            FROM "Assessments" a JOIN "AssessmentAnswers" w ON w."AssessmentId" = a."Id"
            WHERE a."Status" = $complete AND a."CompletedAt" >= $from AND a."CompletedAt" < $to
            """;
        // As the app stores them: enums by name except levels, times as "yyyy-MM-dd HH:mm:ss" text.
        command.Parameters.AddWithValue("$complete", nameof(AssessmentStatus.Complete));
        command.Parameters.AddWithValue("$from", filter.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + " 00:00:00");
        command.Parameters.AddWithValue("$to", filter.To.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + " 00:00:00");
        return Read(command);
    }

    /// <summary>As <see cref="Preload(string, WhatIfFilter)"/> in PostgreSQL's dialect: times are timestamptz (UTC).</summary>
    private static List<Row> PreloadPostgres(string connectionString, WhatIfFilter filter)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT a."Id", a."Kind", a."Level", a."JudgementLevel", a."JudgementApproval", w."QuestionKey", w."Value"
            FROM "Assessments" a JOIN "AssessmentAnswers" w ON w."AssessmentId" = a."Id"
            WHERE a."Status" = @complete AND a."CompletedAt" >= @from AND a."CompletedAt" < @to
            """;
        command.Parameters.Add(new NpgsqlParameter("complete", NpgsqlDbType.Text) { Value = nameof(AssessmentStatus.Complete) });
        command.Parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.TimestampTz) { Value = filter.From.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) });
        command.Parameters.Add(new NpgsqlParameter("to", NpgsqlDbType.TimestampTz) { Value = filter.To.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) });
        return Read(command);
    }

    private static List<Row> Read(System.Data.Common.DbCommand command)
    {
        var rows = new Dictionary<long, Row>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetInt64(0);
            if (!rows.TryGetValue(id, out var row))
            {
                rows[id] = row = new Row(Enum.Parse<AssessmentKind>(reader.GetString(1)), (RiskLevel)reader.GetInt32(2),
                    reader.IsDBNull(3) ? null : (RiskLevel)reader.GetInt32(3), Enum.Parse<OverrideApproval>(reader.GetString(4)), new(StringComparer.Ordinal));
            }

            row.Answers[reader.GetString(5)] = new AnswerInput(reader.GetString(6), null);
        }

        return [.. rows.Values];
    }

    private static int Loop(List<Row> rows, GuidanceDefinition draft)
    {
        var changed = 0;
        foreach (var row in rows)
        {
            var (_, level) = GuidanceWhatIfService.Rescore(draft, row.Kind, row.Answers, row.Judgement, row.Approval);
            changed += level != row.Level ? 1 : 0;
        }

        return changed;
    }
}
