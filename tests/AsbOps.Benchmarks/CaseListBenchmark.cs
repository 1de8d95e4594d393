using System.Data.Common;
using System.Diagnostics;
using AsbOps.Web.Data;
using AsbOps.Web.Features.Cases;
using AsbOps.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Benchmarks;

/// <summary>
/// The case list's first page of 50 rows at scale 10, force-wide, three ways a user opens it: newest first with no
/// filter, filtered (one area, open, high risk), and searched (a surname that many people share). Each is timed through
/// <see cref="ICaseListService"/> (count, page, the people named on the page) beside hand-written SQL returning the same
/// rows in the same run. Median and p95; goal ≤ 50 ms and ≤ 2× the hand-written SQL. With <c>--provider postgres</c> the
/// same on the PostgreSQL demo database (<see cref="JobsBenchHost.PostgresVariable"/>), the hand-written SQL in its dialect.
/// </summary>
public static class CaseListBenchmark
{
    public const string Name = "case-list";
    private const int Runs = 25;
    private const int PageSize = 50;

    /// <summary>The list counts matches up to one past its limit (and says "more than" then); so does the SQL.</summary>
    private const int CountUpTo = CaseListService.CountLimit + 1;

    private static readonly UserScope ForceWide = new("bench", "bench@bench.local", Roles.Compliance, null, null);

    public static async Task RunAsync()
    {
        await using var host = JobsBenchHost.Open(10);
        if (host is null)
        {
            return;
        }

        var contexts = host.Services.GetRequiredService<IReadContextPool>();
        var postgres = host.IsPostgres;
        await using var connection = host.OpenBaselineConnection();
        var (areaId, areaCode) = await FirstAsync(connection,
            postgres ? """SELECT "Id", "Code" FROM "Areas" ORDER BY "Code" LIMIT 1""" : "SELECT Id, Code FROM Areas ORDER BY Code LIMIT 1",
            r => (r.GetInt32(0), r.GetString(1)));
        var surname = await FirstAsync(connection,
            postgres
                ? """SELECT "LastName" FROM "People" GROUP BY "LastName" ORDER BY COUNT(*) DESC, "LastName" LIMIT 1"""
                : "SELECT LastName FROM People GROUP BY LastName ORDER BY COUNT(*) DESC, LastName LIMIT 1",
            r => r.GetString(0));

        // The search as the service sends it, over the stored search text (the reference and the people's search names):
        // on SQLite EF Core's Contains is instr(…) > 0; on PostgreSQL Npgsql sends LIKE with a pattern made in .NET ('%' +
        // the text with \, % and _ escaped + '%'), which the trigram index serves. Both are case-sensitive, over upper case.
        var scenarios = new (string Name, CaseListQuery Query, string Where, Action<DbCommand> Bind)[]
        {
            ("newest", new CaseListQuery { PageSize = PageSize }, "1 = 1", _ => { }),
            ("filtered", new CaseListQuery { PageSize = PageSize, Area = areaCode, Status = "open", Risk = "high" },
                postgres
                    ? """c."AreaId" = @area AND c."Status" = 'Open' AND c."RiskLevel" = 3"""
                    : "c.AreaId = $area AND c.Status = 'Open' AND c.RiskLevel = 3",
                c => Bind(c, postgres ? "@area" : "$area", areaId)),
            ("searched", new CaseListQuery { PageSize = PageSize, Q = surname },
                postgres ? """c."SearchText" LIKE @q""" : "instr(c.SearchText, $q) > 0",
                c => Bind(c, postgres ? "@q" : "$q", postgres ? ContainsPattern(surname.ToUpperInvariant()) : surname.ToUpperInvariant())),
        };

        var scope = host.Tag;
        foreach (var (name, query, where, bind) in scenarios)
        {
            var service = new List<double>();
            var sql = new List<double>();
            CaseListResult? result = null;
            List<string>? handRows = null;
            for (var i = -2; i < Runs; i++)
            {
                var start = Stopwatch.GetTimestamp();
                result = await new CaseListService(contexts).SearchAsync(ForceWide, query);

                var serviceMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                start = Stopwatch.GetTimestamp();
                handRows = postgres ? await HandWrittenPostgresAsync(connection, where, bind) : await HandWrittenAsync(connection, where, bind);
                var sqlMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (i >= 0)
                {
                    service.Add(serviceMs);
                    sql.Add(sqlMs);
                }
            }

            // The service and the hand-written SQL must list the same cases, or the comparison means nothing.
            var listed = result!.Rows.Select(r => r.Reference).ToList();
            if (!listed.SequenceEqual(handRows!.Skip(1)) || handRows![0] != result.TotalCount.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                throw new InvalidOperationException($"case-list {name} ({host.Label}): the service and the hand-written SQL differ");
            }

            service.Sort();
            sql.Sort();
            var matching = result.TotalIsLowerBound ? $"more than {result.TotalCount - 1:N0}" : $"{result.TotalCount:N0}";
            Console.WriteLine($"   {name} ({host.Label}): {matching} cases match, {listed.Count} on the first page");
            Report.Line($"case-list-{name}-{scope}-median", Report.Percentile(service, 50), "ms", Report.Percentile(sql, 50), "ms hand-written SQL");
            Report.Line($"case-list-{name}-{scope}-p95", Report.Percentile(service, 95), "ms", Report.Percentile(sql, 95), "ms hand-written SQL");
        }
    }

    /// <summary>A LIKE pattern matching <paramref name="text"/> anywhere (escaped with PostgreSQL's default escape character, a backslash).</summary>
    private static string ContainsPattern(string text) =>
        "%" + text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal) + "%";

    private static void Bind(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>The total, then the page's references in order; the page's rows carry what the list shows.</summary>
    private static async Task<List<string>> HandWrittenAsync(DbConnection connection, string where, Action<DbCommand> bind)
    {
        var result = new List<string>();
        await using (var count = connection.CreateCommand())
        {
            count.CommandText = $"SELECT COUNT(*) FROM (SELECT 1 FROM Cases c WHERE {where} LIMIT {CountUpTo})";
            bind(count);
            result.Add(Convert.ToString(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        var ids = new List<long>();
        await using (var page = connection.CreateCommand())
        {
            page.CommandText = $"""
                SELECT c.Id, c.Reference, a.Code, c.Category, c.Status, c.RiskLevel, u.DisplayName, c.OpenedAt,
                       (SELECT COUNT(DISTINCT p.PersonId) FROM CaseParticipants p WHERE p.CaseId = c.Id), c.Postcode
                FROM Cases c
                JOIN Areas a ON a.Id = c.AreaId
                LEFT JOIN AspNetUsers u ON u.Id = c.LeadOfficerId
                WHERE c.Id IN (SELECT c.Id FROM Cases c WHERE {where} ORDER BY c.OpenedAt DESC, c.Id DESC LIMIT {PageSize})
                ORDER BY c.OpenedAt DESC, c.Id DESC
                """;
            bind(page);
            await using var reader = await page.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetInt64(0));
                result.Add(reader.GetString(1));
                _ = (reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetInt32(5),
                    reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetString(7), reader.GetInt32(8), reader.GetString(9));
            }
        }

        if (ids.Count > 0)
        {
            await using var people = connection.CreateCommand();
            people.CommandText = $"""
                SELECT p.CaseId, p.Id, p.Role, pe.FirstName, pe.LastName
                FROM CaseParticipants p JOIN People pe ON pe.Id = p.PersonId
                WHERE p.CaseId IN ({string.Join(",", ids)})
                """;
            await using var reader = await people.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                _ = (reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetString(4));
            }
        }

        return result;
    }

    /// <summary>As <see cref="HandWrittenAsync"/> in PostgreSQL's dialect: the total, then the page's references in order.</summary>
    private static async Task<List<string>> HandWrittenPostgresAsync(DbConnection connection, string where, Action<DbCommand> bind)
    {
        var result = new List<string>();
        await using (var count = connection.CreateCommand())
        {
            count.CommandText = $"""SELECT COUNT(*) FROM (SELECT 1 FROM "Cases" c WHERE {where} LIMIT {CountUpTo}) AS m""";
            bind(count);
            result.Add(Convert.ToString(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        var ids = new List<long>();
        await using (var page = connection.CreateCommand())
        {
            page.CommandText = $"""
                SELECT c."Id", c."Reference", a."Code", c."Category", c."Status", c."RiskLevel", u."DisplayName", c."OpenedAt",
                       (SELECT COUNT(DISTINCT p."PersonId") FROM "CaseParticipants" p WHERE p."CaseId" = c."Id"), c."Postcode"
                FROM "Cases" c
                JOIN "Areas" a ON a."Id" = c."AreaId"
                LEFT JOIN "AspNetUsers" u ON u."Id" = c."LeadOfficerId"
                WHERE c."Id" IN (SELECT c."Id" FROM "Cases" c WHERE {where} ORDER BY c."OpenedAt" DESC, c."Id" DESC LIMIT {PageSize})
                ORDER BY c."OpenedAt" DESC, c."Id" DESC
                """;
            bind(page);
            await using var reader = await page.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetInt64(0));
                result.Add(reader.GetString(1));
                _ = (reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetInt32(5),
                    reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetDateTime(7), reader.GetInt64(8), reader.GetString(9));
            }
        }

        if (ids.Count > 0)
        {
            await using var people = connection.CreateCommand();
            people.CommandText = $"""
                SELECT p."CaseId", p."Id", p."Role", pe."FirstName", pe."LastName"
                FROM "CaseParticipants" p JOIN "People" pe ON pe."Id" = p."PersonId"
                WHERE p."CaseId" IN ({string.Join(",", ids)})
                """;
            await using var reader = await people.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                _ = (reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetString(4));
            }
        }

        return result;
    }

    private static async Task<T> FirstAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> read)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return read(reader);
    }
}
