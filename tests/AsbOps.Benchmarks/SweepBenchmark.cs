using System.Globalization;
using AsbOps.Web.Features.Compliance;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AsbOps.Benchmarks;

/// <summary>
/// The compliance sweep (counts, every finding written, snapshot committed) at scale 1 and 10, beside hand-written
/// SQL counting the same rules per area in the same run. Also the EF counting query alone against the same SQL.
/// </summary>
public static class SweepBenchmark
{
    public const string Name = "sweep";
    private const int Runs = 3;

    public static async Task RunAsync()
    {
        foreach (var scale in new[] { 1, 10 })
        {
            await using var host = JobsBenchHost.Open(scale);
            if (host is null)
            {
                continue;
            }

            var sweep = host.Services.GetRequiredService<ComplianceSweepService>();
            var options = host.Services.GetRequiredService<IOptions<ComplianceOptions>>().Value;
            await sweep.SweepAsync();
            await HandWrittenCountAsync(host, options);

            var sweeps = new List<Measured>();
            var counts = new List<Measured>();
            var sql = new List<Measured>();
            ComplianceSweepResult? last = null;
            int sqlMissing = 0, efMissing = 0;
            for (var i = 0; i < Runs; i++)
            {
                var (result, m) = await Measured.RunAsync(() => sweep.SweepAsync());
                last = result;
                sweeps.Add(m);
                await using var scope = host.Services.CreateAsyncScope();
                var queries = scope.ServiceProvider.GetRequiredService<IComplianceQueries>();
                var (ef, c) = await Measured.RunAsync(() => queries.CountAsync(null));
                efMissing = ef.Total.MissingAssessments;
                counts.Add(c);
                var (raw, s) = await Measured.RunAsync(() => HandWrittenCountAsync(host, options));
                sqlMissing = raw;
                sql.Add(s);
            }

            var best = sweeps.MinBy(m => m.Milliseconds)!;
            var bestCount = counts.MinBy(m => m.Milliseconds)!;
            var bestSql = sql.MinBy(m => m.Milliseconds)!;
            Console.WriteLine($"   {host.Label}: {last}; EF headline {efMissing}, SQL headline {sqlMissing}{(efMissing == sqlMissing ? "" : " (MISMATCH)")}");
            Report.Line($"sweep-{host.Tag}", best.Milliseconds, "ms", bestSql.Milliseconds, "ms hand-written SQL count");
            Report.Line($"sweep-count-only-{host.Tag}", bestCount.Milliseconds, "ms", bestSql.Milliseconds, "ms hand-written SQL count");
            Report.Line($"sweep-peak-working-set-{host.Tag}", sweeps.Max(m => m.PeakWorkingSetMb), "MB",
                sql.Max(m => m.PeakWorkingSetMb), "MB during SQL count");
            Report.Line($"sweep-allocated-{host.Tag}", best.AllocatedMb, "MB", bestSql.AllocatedMb, "MB SQL count");
        }
    }

    /// <summary>The same seven rules, open and high-risk counts per area, in one hand-written query of the host's provider.</summary>
    public static Task<int> HandWrittenCountAsync(JobsBenchHost host, ComplianceOptions options) =>
        host.IsPostgres ? HandWrittenPostgresCountAsync(host.ConnectionString, options) : HandWrittenCountAsync(host.DatabasePath, options);

    /// <summary>The same seven rules, open and high-risk counts per area, in one hand-written SQLite query.</summary>
    public static async Task<int> HandWrittenCountAsync(string databasePath, ComplianceOptions options)
    {
        var now = DateTime.UtcNow;
        var thresholds = options.ToThresholds();
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        string At(DateTime t) => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.');
        command.Parameters.AddWithValue("$now", At(now));
        command.Parameters.AddWithValue("$victim", At(thresholds.VictimAssessmentCutoff(now)));
        command.Parameters.AddWithValue("$plan", At(thresholds.ActionPlanCutoff(now)));
        command.Parameters.AddWithValue("$high", At(thresholds.ReviewBasisCutoff(now, Domain.Risk.RiskLevel.High)));
        command.Parameters.AddWithValue("$medium", At(thresholds.ReviewBasisCutoff(now, Domain.Risk.RiskLevel.Medium)));
        command.Parameters.AddWithValue("$low", At(thresholds.ReviewBasisCutoff(now, Domain.Risk.RiskLevel.Low)));
        var missing = 0;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            missing += reader.GetInt32(3);
        }

        return missing;
    }

    private const string Assessed =
        "EXISTS (SELECT 1 FROM Assessments a WHERE a.CaseId = c.Id AND a.CaseParticipantId = p.Id AND a.IsCurrent AND a.Status = 'Complete')";

    private static readonly string Sql = $"""
        WITH f AS (
          SELECT c.AreaId,
            c.RiskLevel = 3 AS high,
            (c.OpenedAt < $victim AND EXISTS (SELECT 1 FROM CaseParticipants p WHERE p.CaseId = c.Id AND p.Role = 'Victim' AND NOT {Assessed})) AS r1,
            (NOT EXISTS (SELECT 1 FROM CaseParticipants p WHERE p.CaseId = c.Id AND p.Role = 'Victim')
              AND NOT EXISTS (SELECT 1 FROM Assessments a WHERE a.CaseId = c.Id AND a.Kind = 'Location' AND a.IsCurrent AND a.Status = 'Complete')) AS r2,
            EXISTS (SELECT 1 FROM CaseParticipants p WHERE p.CaseId = c.Id AND p.Role = 'Perpetrator' AND NOT {Assessed}) AS r3,
            (SELECT COALESCE(SUM(a.UnknownCount), 0) FROM Assessments a WHERE a.CaseId = c.Id AND a.IsCurrent) AS unknown,
            EXISTS (SELECT 1 FROM Assessments a WHERE a.CaseId = c.Id AND a.IsCurrent AND a.SafeguardingConcern
              AND NOT EXISTS (SELECT 1 FROM Referrals r WHERE r.CaseId = c.Id AND r.IsSafeguarding
                AND (r.AssessmentId = a.Id OR (a.CaseParticipantId IS NOT NULL AND r.CaseParticipantId = a.CaseParticipantId)
                     OR (r.AssessmentId IS NULL AND r.CaseParticipantId IS NULL))
                AND TRIM(COALESCE(r.SafeguardingConcerns, '')) <> '' AND r.ConsentToShare IS NOT NULL
                AND TRIM(COALESCE(r.ImmediateActions, '')) <> '')) AS r5,
            (c.RiskLevel = 3 AND ((COALESCE(c.HighRiskSince, c.OpenedAt) < $plan AND NOT EXISTS (SELECT 1 FROM ActionPlans ap WHERE ap.CaseId = c.Id))
              OR NOT EXISTS (SELECT 1 FROM Markers m WHERE m.CaseId = c.Id AND m.EndedAt IS NULL))) AS r6,
            CASE WHEN c.NextReviewDue IS NOT NULL THEN c.NextReviewDue < $now
              ELSE (c.RiskLevel = 3 AND COALESCE(c.LastReviewedAt, c.OpenedAt) < $high)
                OR (c.RiskLevel = 2 AND COALESCE(c.LastReviewedAt, c.OpenedAt) < $medium)
                OR (c.RiskLevel < 2 AND COALESCE(c.LastReviewedAt, c.OpenedAt) < $low) END AS r7
          FROM Cases c WHERE c.Status <> 'Closed')
        SELECT AreaId, COUNT(*), SUM(high), SUM(r1 OR r2 OR r3), SUM(r1), SUM(r2), SUM(r3), SUM(unknown), SUM(r5), SUM(r6), SUM(r7)
        FROM f GROUP BY AreaId
        """;

    /// <summary>
    /// The same query on PostgreSQL: quoted identifiers, timestamps as <c>timestamp with time zone</c> parameters (UTC),
    /// enums stored as their names, booleans counted with <c>FILTER</c>.
    /// </summary>
    public static async Task<int> HandWrittenPostgresCountAsync(string connectionString, ComplianceOptions options)
    {
        var now = DateTime.UtcNow;
        var thresholds = options.ToThresholds();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = PostgresSql;
        void At(string name, DateTime t) =>
            command.Parameters.Add(new NpgsqlParameter<DateTime>(name, NpgsqlTypes.NpgsqlDbType.TimestampTz) { TypedValue = DateTime.SpecifyKind(t, DateTimeKind.Utc) });
        At("now", now);
        At("victim", thresholds.VictimAssessmentCutoff(now));
        At("plan", thresholds.ActionPlanCutoff(now));
        At("high", thresholds.ReviewBasisCutoff(now, Domain.Risk.RiskLevel.High));
        At("medium", thresholds.ReviewBasisCutoff(now, Domain.Risk.RiskLevel.Medium));
        At("low", thresholds.ReviewBasisCutoff(now, Domain.Risk.RiskLevel.Low));
        var missing = 0;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            missing += Convert.ToInt32(reader.GetValue(3), CultureInfo.InvariantCulture);
        }

        return missing;
    }

    private const string PostgresAssessed =
        """EXISTS (SELECT 1 FROM "Assessments" a WHERE a."CaseId" = c."Id" AND a."CaseParticipantId" = p."Id" AND a."IsCurrent" AND a."Status" = 'Complete')""";

    private static readonly string PostgresSql = $"""
        WITH f AS (
          SELECT c."AreaId",
            c."RiskLevel" = 3 AS high,
            (c."OpenedAt" < @victim AND EXISTS (SELECT 1 FROM "CaseParticipants" p WHERE p."CaseId" = c."Id" AND p."Role" = 'Victim' AND NOT {PostgresAssessed})) AS r1,
            (NOT EXISTS (SELECT 1 FROM "CaseParticipants" p WHERE p."CaseId" = c."Id" AND p."Role" = 'Victim')
              AND NOT EXISTS (SELECT 1 FROM "Assessments" a WHERE a."CaseId" = c."Id" AND a."Kind" = 'Location' AND a."IsCurrent" AND a."Status" = 'Complete')) AS r2,
            EXISTS (SELECT 1 FROM "CaseParticipants" p WHERE p."CaseId" = c."Id" AND p."Role" = 'Perpetrator' AND NOT {PostgresAssessed}) AS r3,
            (SELECT COALESCE(SUM(a."UnknownCount"), 0) FROM "Assessments" a WHERE a."CaseId" = c."Id" AND a."IsCurrent") AS unknown,
            EXISTS (SELECT 1 FROM "Assessments" a WHERE a."CaseId" = c."Id" AND a."IsCurrent" AND a."SafeguardingConcern"
              AND NOT EXISTS (SELECT 1 FROM "Referrals" r WHERE r."CaseId" = c."Id" AND r."IsSafeguarding"
                AND (r."AssessmentId" = a."Id" OR (a."CaseParticipantId" IS NOT NULL AND r."CaseParticipantId" = a."CaseParticipantId")
                     OR (r."AssessmentId" IS NULL AND r."CaseParticipantId" IS NULL))
                AND TRIM(COALESCE(r."SafeguardingConcerns", '')) <> '' AND r."ConsentToShare" IS NOT NULL
                AND TRIM(COALESCE(r."ImmediateActions", '')) <> '')) AS r5,
            (c."RiskLevel" = 3 AND ((COALESCE(c."HighRiskSince", c."OpenedAt") < @plan AND NOT EXISTS (SELECT 1 FROM "ActionPlans" ap WHERE ap."CaseId" = c."Id"))
              OR NOT EXISTS (SELECT 1 FROM "Markers" m WHERE m."CaseId" = c."Id" AND m."EndedAt" IS NULL))) AS r6,
            CASE WHEN c."NextReviewDue" IS NOT NULL THEN c."NextReviewDue" < @now
              ELSE (c."RiskLevel" = 3 AND COALESCE(c."LastReviewedAt", c."OpenedAt") < @high)
                OR (c."RiskLevel" = 2 AND COALESCE(c."LastReviewedAt", c."OpenedAt") < @medium)
                OR (c."RiskLevel" < 2 AND COALESCE(c."LastReviewedAt", c."OpenedAt") < @low) END AS r7
          FROM "Cases" c WHERE c."Status" <> 'Closed')
        SELECT "AreaId", COUNT(*), COUNT(*) FILTER (WHERE high), COUNT(*) FILTER (WHERE r1 OR r2 OR r3), COUNT(*) FILTER (WHERE r1),
          COUNT(*) FILTER (WHERE r2), COUNT(*) FILTER (WHERE r3), SUM(unknown), COUNT(*) FILTER (WHERE r5), COUNT(*) FILTER (WHERE r6),
          COUNT(*) FILTER (WHERE r7)
        FROM f GROUP BY "AreaId"
        """;
}
