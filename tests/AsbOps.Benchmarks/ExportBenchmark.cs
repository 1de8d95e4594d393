using AsbOps.Web.Data;
using AsbOps.Web.Features.Cases;
using AsbOps.Web.Features.Exports;
using AsbOps.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SpreadCheetah;

namespace AsbOps.Benchmarks;

/// <summary>
/// The bulk case export of the whole scale-10 force capped at 100,000 rows a sheet, beside SpreadCheetah writing the
/// same number of rows of constant cells from memory (the writing alone) in the same run.
/// </summary>
public static class ExportBenchmark
{
    public const string Name = "export";

    public static async Task RunAsync()
    {
        await using var host = JobsBenchHost.Open(10);
        if (host is null)
        {
            return;
        }

        var export = new CaseExport(host.Services.GetRequiredService<IDbContextFactory<AsbOpsDbContext>>(),
            Options.Create(new ExportOptions { MaxRows = 100_000 }));
        var everyone = new UserScope("bench", "bench", Roles.Admin, null, null);
        await export.WriteAsync(everyone, new CaseListQuery(), Stream.Null);

        var counting = new CountingStream();
        var (result, measured) = await Measured.RunAsync(() => export.WriteAsync(everyone, new CaseListQuery(), counting));
        var rows = result.Cases + result.People + result.Assessments;
        var (_, baseline) = await Measured.RunAsync(async () =>
        {
            await ConstantRowsAsync(Stream.Null, rows, 16);
            return 0;
        });
        Console.WriteLine($"   scale 10: {result.Cases} cases, {result.People} people, {result.Assessments} assessments = {rows} rows, {counting.Length / 1048576.0:0.0} MB written");
        JobsReport.Line("export-rows", rows, "rows", 100_000, "rows target");
        JobsReport.Line("export-scale10", measured.Milliseconds, "ms", baseline.Milliseconds, "ms SpreadCheetah constant rows");
        JobsReport.Line("export-peak-working-set-scale10", measured.PeakWorkingSetMb, "MB", baseline.PeakWorkingSetMb, "MB SpreadCheetah constant rows");
        JobsReport.Line("export-allocated-scale10", measured.AllocatedMb, "MB", baseline.AllocatedMb, "MB SpreadCheetah constant rows");
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
