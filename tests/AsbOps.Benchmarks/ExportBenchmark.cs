using AsbOps.Web.Data;
using AsbOps.Web.Features.Cases;
using AsbOps.Web.Features.Cases.Export;
using AsbOps.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SpreadCheetah;

namespace AsbOps.Benchmarks;

/// <summary>
/// The bulk case export of the whole scale-10 force under the configured row cap (Exports:MaxRows, 100,000 cases),
/// and of 100,000 rows (a cap of 33,334 rows a sheet over the same force), each beside SpreadCheetah writing as many
/// rows of constant cells from memory (the writing alone) in the same run. Peak memory is also given as the growth of
/// the working set over the process's own before the run, the part an export adds to a running server.
/// With <c>--provider postgres</c> the same on the PostgreSQL demo database (<see cref="JobsBenchHost.PostgresVariable"/>),
/// beside the same baseline, each sheet's rows checked against hand-written SQL counting them.
/// </summary>
public static class ExportBenchmark
{
    public const string Name = "export";

    /// <summary>Three sheets of this many rows make the goal's 100,000 rows (100,002).</summary>
    private const int HundredThousandRowsCap = 33_334;

    public static async Task RunAsync()
    {
        await using var host = JobsBenchHost.Open(10);
        if (host is null)
        {
            return;
        }

        var everyone = new UserScope("bench", "bench", Roles.Admin, null, null);
        using var scope = host.Services.CreateScope();
        var configured = scope.ServiceProvider.GetRequiredService<CaseExport>();
        var capped = new CaseExport(host.Services.GetRequiredService<IDbContextFactory<AsbOpsDbContext>>(),
            Options.Create(new ExportOptions { MaxRows = HundredThousandRowsCap }));
        await configured.WriteAsync(everyone, new CaseListQuery(), Stream.Null);

        var cap = scope.ServiceProvider.GetRequiredService<IOptions<ExportOptions>>().Value.MaxRows;
        await MeasureAsync(host, host.Tag, $"{host.Label}, configured cap {cap}", configured, cap, everyone);
        await MeasureAsync(host, $"100k-rows-{host.Tag}", $"{host.Label}, cap {HundredThousandRowsCap} a sheet", capped, HundredThousandRowsCap, everyone);
    }

    private static async Task MeasureAsync(JobsBenchHost host, string name, string label, CaseExport export, int cap, UserScope user)
    {
        var counting = new CountingStream();
        var before = WorkingSetMb();
        var (result, measured) = await Measured.RunAsync(() => export.WriteAsync(user, new CaseListQuery(), counting));
        var rows = result.Cases + result.People + result.Assessments;
        if (host.IsPostgres)
        {
            // The export and hand-written SQL must agree on each sheet's rows, or the figures mean nothing.
            var (cases, people, assessments) = await CountPostgresAsync(host, cap);
            if ((cases, people, assessments) != (result.Cases, result.People, result.Assessments))
            {
                throw new InvalidOperationException($"export {label}: the export wrote {result.Cases}/{result.People}/{result.Assessments} rows, " +
                    $"hand-written SQL counts {cases}/{people}/{assessments}");
            }
        }

        var baselineBefore = WorkingSetMb();
        var (_, baseline) = await Measured.RunAsync(async () =>
        {
            await ConstantRowsAsync(Stream.Null, rows, 16);
            return 0;
        });
        Console.WriteLine($"   {label}: {result.Cases} cases, {result.People} people, {result.Assessments} assessments = {rows} rows, " +
            $"{counting.Length / 1048576.0:0.0} MB written; working set before {before:0} MB");
        Report.Line($"export-rows-{name}", rows, "rows", 100_000, "rows target");
        Report.Line($"export-{name}", measured.Milliseconds, "ms", baseline.Milliseconds, "ms SpreadCheetah constant rows");
        Report.Line($"export-peak-working-set-{name}", measured.PeakWorkingSetMb, "MB", baseline.PeakWorkingSetMb, "MB SpreadCheetah constant rows");
        Report.Line($"export-peak-growth-{name}", measured.PeakWorkingSetMb - before, "MB",
            baseline.PeakWorkingSetMb - baselineBefore, "MB SpreadCheetah constant rows");
        Report.Line($"export-allocated-{name}", measured.AllocatedMb, "MB", baseline.AllocatedMb, "MB SpreadCheetah constant rows");
    }

    /// <summary>
    /// The rows of the three sheets by hand-written PostgreSQL SQL: the first <paramref name="cap"/> cases by id, their
    /// people and their assessments (with a guidance version), each sheet capped at <paramref name="cap"/> rows.
    /// </summary>
    private static async Task<(int Cases, int People, int Assessments)> CountPostgresAsync(JobsBenchHost host, int cap)
    {
        await using var connection = host.OpenBaselineConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = $$"""
            WITH c AS (SELECT "Id" FROM "Cases" ORDER BY "Id" LIMIT {{cap}})
            SELECT (SELECT COUNT(*) FROM c)::int,
              (SELECT COUNT(*) FROM (SELECT 1 FROM c JOIN "CaseParticipants" p ON p."CaseId" = c."Id"
                 JOIN "People" pe ON pe."Id" = p."PersonId" LIMIT {{cap}}) x)::int,
              (SELECT COUNT(*) FROM (SELECT 1 FROM c JOIN "Assessments" a ON a."CaseId" = c."Id"
                 JOIN "GuidanceVersions" g ON g."Id" = a."GuidanceVersionId" LIMIT {{cap}}) y)::int
            """;
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2));
    }

    private static double WorkingSetMb()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.WorkingSet64 / 1048576.0;
    }

    private static async Task ConstantRowsAsync(Stream output, int rows, int columns)
    {
        await using var sheet = await Spreadsheet.CreateNewAsync(output);
        await sheet.StartWorksheetAsync("Rows");
        var row = Enumerable.Range(0, columns).Select(i => i % 3 == 0 ? new DataCell(i) : new DataCell("ASB-2026-000001 text")).ToArray();
        for (var i = 0; i < rows; i++)
        {
            await sheet.AddRowAsync(row);
        }

        await sheet.FinishAsync();
    }

    /// <summary>A write-only sink that counts bytes, like a response body.</summary>
    private sealed class CountingStream : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        private long _length;
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
