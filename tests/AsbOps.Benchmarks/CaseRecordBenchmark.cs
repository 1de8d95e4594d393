using System.Data.Common;
using System.Diagnostics;
using AsbOps.Domain.CaseRecord;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Incidents;
using AsbOps.Web.Data;
using AsbOps.Web.Data.Auditing;
using AsbOps.Web.Features.CaseRecord.Contacts;
using AsbOps.Web.Features.CaseRecord.Files;
using AsbOps.Web.Features.CaseRecord.Notes;
using AsbOps.Web.Features.Cases;
using AsbOps.Web.Features.People.SubjectAccess;
using AsbOps.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AsbOps.Benchmarks;

/// <summary>
/// Issue 16's two speed goals at scale 10. (1) A case with 200 notes, 100 victim contacts and 50 files: the data the
/// case page loads for its first render (the case details, the notes, the contacts and the files sections, through
/// their services), beside hand-written SQL reading the same rows. (2) The subject access workbook of the busiest person
/// (the one on the most cases): gathered and written with ClosedXML, beside hand-written SQL reading the same records.
/// With <c>--provider postgres</c> the same on the PostgreSQL demo database (<see cref="JobsBenchHost.PostgresVariable"/>),
/// the hand-written SQL in its dialect. That database is used in place: the busy case's own notes, contacts and files
/// are put back afterwards (the benchmark's rows deleted); the audit entries of the views and exports stay, as a
/// user's would.
/// </summary>
public static class CaseRecordBenchmark
{
    public const string Name = "case-record";
    private const int Runs = 15;

    private static readonly UserScope ForceWide = new("bench", "bench@bench.local", Roles.Admin, null, null);

    public static async Task RunAsync()
    {
        await using var host = JobsBenchHost.Open(10);
        if (host is null)
        {
            return;
        }

        var sp = host.Services;
        var dbFactory = sp.GetRequiredService<IDbContextFactory<AsbOpsDbContext>>();
        var clock = TimeProvider.System;
        var audit = sp.GetRequiredService<AuditTrail>();
        var details = new CaseDetailsService(dbFactory, audit, clock, new RepeatThresholds());
        var notes = new CaseNoteService(dbFactory, clock);
        var contacts = ActivatorUtilities.CreateInstance<VictimContactService>(sp, clock);
        var files = new CaseFileService(dbFactory, clock, audit, Options.Create(new FilesOptions()), sp.GetRequiredService<IHostEnvironment>());
        var postgres = host.IsPostgres;
        var (caseId, reference, own) = await FillBusyCaseAsync(dbFactory);
        try
        {
            await MeasureAsync(host, dbFactory, details, notes, contacts, files, audit, caseId, reference);
        }
        finally
        {
            if (postgres)
            {
                await RestoreAsync(dbFactory, caseId, own);
            }
        }
    }

    private static async Task MeasureAsync(JobsBenchHost host, IDbContextFactory<AsbOpsDbContext> dbFactory, CaseDetailsService details,
        CaseNoteService notes, VictimContactService contacts, CaseFileService files, AuditTrail audit, long caseId, string reference)
    {
        var clock = TimeProvider.System;
        var postgres = host.IsPostgres;
        var tag = host.Tag;
        await using var connection = host.OpenBaselineConnection();
        var service = new List<double>();
        var sql = new List<double>();
        for (var i = -2; i < Runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var page = await details.GetAsync(ForceWide, reference);
            var n = await notes.ReadAsync(ForceWide, caseId);
            var c = await contacts.ReadAsync(ForceWide, caseId);
            var f = await files.ReadAsync(ForceWide, caseId);
            var serviceMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (page is null || n!.Notes.Count != 200 || f!.Files.Count != 50 || c is null || c.Victims.Sum(v => v.Contacts.Count) != 100)
            {
                throw new InvalidOperationException("case-record: the busy case did not load as filled");
            }

            start = Stopwatch.GetTimestamp();
            await ReadAllAsync(connection, postgres ? PostgresCaseQueries(caseId) : CaseQueries(caseId));
            var sqlMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (i >= 0)
            {
                service.Add(serviceMs);
                sql.Add(sqlMs);
            }
        }

        service.Sort();
        sql.Sort();
        Report.Line($"case-page-200-notes-100-contacts-50-files-{tag}-median", Report.Percentile(service, 50), "ms", Report.Percentile(sql, 50), "ms hand-written SQL");
        Report.Line($"case-page-200-notes-100-contacts-50-files-{tag}-p95", Report.Percentile(service, 95), "ms", Report.Percentile(sql, 95), "ms hand-written SQL");

        var personId = await FirstAsync(connection, postgres
                ? """SELECT "PersonId" FROM "CaseParticipants" GROUP BY "PersonId" ORDER BY COUNT(*) DESC, "PersonId" LIMIT 1"""
                : "SELECT PersonId FROM CaseParticipants GROUP BY PersonId ORDER BY COUNT(*) DESC, PersonId LIMIT 1", r => r.GetInt64(0));
        var export = new SubjectAccessExport(new SubjectAccessQueries(dbFactory, clock), audit);
        var exportMs = new List<double>();
        var handMs = new List<double>();
        var size = 0;
        for (var i = -1; i < 5; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var produced = await export.ProduceAsync(ForceWide, personId) ?? throw new InvalidOperationException("case-record: no workbook for the busiest person");
            var took = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            size = produced.Content.Length;
            start = Stopwatch.GetTimestamp();
            await ReadAllAsync(connection, postgres ? PostgresSubjectQueries(personId) : SubjectQueries(personId));
            var hand = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (i >= 0)
            {
                exportMs.Add(took);
                handMs.Add(hand);
            }
        }

        exportMs.Sort();
        handMs.Sort();
        var cases = await FirstAsync(connection, postgres
                ? $"""SELECT COUNT(*) FROM "CaseParticipants" WHERE "PersonId" = {personId}"""
                : $"SELECT COUNT(*) FROM CaseParticipants WHERE PersonId = {personId}", r => r.GetInt64(0));
        Console.WriteLine($"   busiest person {personId}: {cases} case roles, workbook {size:N0} bytes");
        Report.Line($"subject-access-busiest-person-{tag}-median", Report.Percentile(exportMs, 50), "ms", Report.Percentile(handMs, 50), "ms hand-written SQL reading the same records");
    }

    /// <summary>A scale-10 case with a victim gets 200 notes, 100 contacts and 50 file rows (the contents are not read by the page).</summary>
    private static async Task<(long CaseId, string Reference, OwnRows Own)> FillBusyCaseAsync(IDbContextFactory<AsbOpsDbContext> dbFactory)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        db.AuditEnabled = false;
        var victim = await db.CaseParticipants.Where(p => p.Role == PersonRole.Victim && p.Case!.Status != CaseStatus.Closed)
            .OrderBy(p => p.CaseId).Select(p => new { p.Id, p.CaseId, p.Case!.Reference }).FirstAsync();

        // The demo force writes notes and contacts on every open case: the case starts empty, so the page holds
        // exactly the counts below (notes are append-only in the app; the SQLite copy is the benchmark's own, and on
        // PostgreSQL the case's own rows are kept here and put back by RestoreAsync).
        var own = new OwnRows(
            await db.CaseNotes.AsNoTracking().Where(n => n.CaseId == victim.CaseId).ToListAsync(),
            await db.VictimContacts.AsNoTracking().Where(c => c.CaseId == victim.CaseId).ToListAsync(),
            await db.CaseFiles.AsNoTracking().Where(f => f.CaseId == victim.CaseId).ToListAsync());
        await db.CaseNotes.Where(n => n.CaseId == victim.CaseId).ExecuteDeleteAsync();
        await db.VictimContacts.Where(c => c.CaseId == victim.CaseId).ExecuteDeleteAsync();
        await db.CaseFiles.Where(f => f.CaseId == victim.CaseId).ExecuteDeleteAsync();
        var now = DateTime.UtcNow;
        for (var i = 0; i < 200; i++)
        {
            db.CaseNotes.Add(new CaseNote { CaseId = victim.CaseId, WrittenAt = now.AddHours(-i), AuthorName = "PC Bench", Text = $"Note {i}: visited, spoke to the victim, patrols continue." });
        }

        for (var i = 0; i < 100; i++)
        {
            db.VictimContacts.Add(new VictimContact
            {
                CaseId = victim.CaseId,
                CaseParticipantId = victim.Id,
                ContactedAt = now.AddDays(-i),
                Method = ContactMethod.Phone,
                ByName = "PC Bench",
                Outcome = $"Contact {i}: reassured.",
                NextContactDue = now.AddDays(7 - i),
            });
        }

        for (var i = 0; i < 50; i++)
        {
            db.CaseFiles.Add(new CaseFile
            {
                CaseId = victim.CaseId,
                FileName = $"photo-{i}.jpg",
                ContentType = "image/jpeg",
                SizeBytes = 100_000 + i,
                Sha256 = new string('a', 64),
                StoredName = Guid.NewGuid().ToString("N"),
                UploadedAt = now.AddHours(-i),
                UploadedByName = "PC Bench",
                Description = $"Photo {i}",
            });
        }

        await db.SaveChangesAsync();
        return (victim.CaseId, victim.Reference, own);
    }

    /// <summary>The busy case's notes, contacts and files before the benchmark filled it.</summary>
    private sealed record OwnRows(List<CaseNote> Notes, List<VictimContact> Contacts, List<CaseFile> Files);

    /// <summary>Deletes the benchmark's rows from the busy case and puts its own back, with their ids.</summary>
    private static async Task RestoreAsync(IDbContextFactory<AsbOpsDbContext> dbFactory, long caseId, OwnRows own)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        db.AuditEnabled = false;
        await db.CaseNotes.Where(n => n.CaseId == caseId).ExecuteDeleteAsync();
        await db.VictimContacts.Where(c => c.CaseId == caseId).ExecuteDeleteAsync();
        await db.CaseFiles.Where(f => f.CaseId == caseId).ExecuteDeleteAsync();
        db.CaseNotes.AddRange(own.Notes);
        db.VictimContacts.AddRange(own.Contacts);
        db.CaseFiles.AddRange(own.Files);
        await db.SaveChangesAsync();
        Console.WriteLine($"   case {caseId}: its own {own.Notes.Count} notes, {own.Contacts.Count} contacts and {own.Files.Count} files put back");
    }

    private static string[] CaseQueries(long caseId) =>
        [
            $"SELECT * FROM Cases WHERE Id = {caseId}",
            $"SELECT p.*, pe.FirstName, pe.LastName, pe.DateOfBirth, pe.Address, pe.Postcode FROM CaseParticipants p JOIN People pe ON pe.Id = p.PersonId WHERE p.CaseId = {caseId}",
            $"SELECT * FROM Incidents WHERE CaseId = {caseId}",
            $"SELECT a.*, (SELECT COUNT(*) FROM AssessmentAnswers x WHERE x.AssessmentId = a.Id) FROM Assessments a WHERE a.CaseId = {caseId}",
            $"SELECT * FROM Referrals WHERE CaseId = {caseId}",
            $"SELECT * FROM Markers WHERE CaseId = {caseId}",
            $"SELECT * FROM CaseNotes WHERE CaseId = {caseId} ORDER BY WrittenAt DESC",
            $"SELECT * FROM VictimContacts WHERE CaseId = {caseId} ORDER BY ContactedAt DESC",
            $"SELECT * FROM VictimContactPlans WHERE CaseId = {caseId}",
            $"SELECT * FROM CaseFiles WHERE CaseId = {caseId} ORDER BY UploadedAt DESC",
        ];

    private static string[] PostgresCaseQueries(long caseId) =>
        [
            $$"""SELECT * FROM "Cases" WHERE "Id" = {{caseId}}""",
            $$"""SELECT p.*, pe."FirstName", pe."LastName", pe."DateOfBirth", pe."Address", pe."Postcode" FROM "CaseParticipants" p JOIN "People" pe ON pe."Id" = p."PersonId" WHERE p."CaseId" = {{caseId}}""",
            $$"""SELECT * FROM "Incidents" WHERE "CaseId" = {{caseId}}""",
            $$"""SELECT a.*, (SELECT COUNT(*) FROM "AssessmentAnswers" x WHERE x."AssessmentId" = a."Id") FROM "Assessments" a WHERE a."CaseId" = {{caseId}}""",
            $$"""SELECT * FROM "Referrals" WHERE "CaseId" = {{caseId}}""",
            $$"""SELECT * FROM "Markers" WHERE "CaseId" = {{caseId}}""",
            $$"""SELECT * FROM "CaseNotes" WHERE "CaseId" = {{caseId}} ORDER BY "WrittenAt" DESC""",
            $$"""SELECT * FROM "VictimContacts" WHERE "CaseId" = {{caseId}} ORDER BY "ContactedAt" DESC""",
            $$"""SELECT * FROM "VictimContactPlans" WHERE "CaseId" = {{caseId}}""",
            $$"""SELECT * FROM "CaseFiles" WHERE "CaseId" = {{caseId}} ORDER BY "UploadedAt" DESC""",
        ];

    private static string[] SubjectQueries(long personId)
    {
        var cases = $"(SELECT CaseId FROM CaseParticipants WHERE PersonId = {personId})";
        var roles = $"(SELECT Id FROM CaseParticipants WHERE PersonId = {personId})";
        return
        [
            $"SELECT * FROM People WHERE Id = {personId}",
            $"SELECT p.*, c.* FROM CaseParticipants p JOIN Cases c ON c.Id = p.CaseId WHERE p.PersonId = {personId}",
            $"SELECT p.Role, pe.FirstName, pe.LastName FROM CaseParticipants p JOIN People pe ON pe.Id = p.PersonId WHERE p.CaseId IN {cases} AND p.PersonId <> {personId}",
            $"SELECT * FROM Assessments WHERE CaseParticipantId IN {roles}",
            $"SELECT * FROM AssessmentAnswers WHERE AssessmentId IN (SELECT Id FROM Assessments WHERE CaseParticipantId IN {roles})",
            $"SELECT * FROM CaseNotes WHERE CaseId IN {cases}",
            $"SELECT * FROM VictimContacts WHERE CaseParticipantId IN {roles}",
            $"SELECT * FROM Referrals WHERE CaseParticipantId IN {roles}",
            $"SELECT * FROM Markers WHERE PersonId = {personId}",
            $"SELECT * FROM CaseFiles WHERE CaseId IN {cases}",
            $"SELECT * FROM Incidents WHERE CaseId IN {cases}",
            $"SELECT * FROM AuditEntries WHERE Action = 'View' AND ((EntityType = 'Person' AND EntityId = '{personId}') OR CaseId IN {cases})",
        ];
    }

    private static string[] PostgresSubjectQueries(long personId)
    {
        var cases = $$"""(SELECT "CaseId" FROM "CaseParticipants" WHERE "PersonId" = {{personId}})""";
        var roles = $$"""(SELECT "Id" FROM "CaseParticipants" WHERE "PersonId" = {{personId}})""";
        return
        [
            $$"""SELECT * FROM "People" WHERE "Id" = {{personId}}""",
            $$"""SELECT p.*, c.* FROM "CaseParticipants" p JOIN "Cases" c ON c."Id" = p."CaseId" WHERE p."PersonId" = {{personId}}""",
            $$"""SELECT p."Role", pe."FirstName", pe."LastName" FROM "CaseParticipants" p JOIN "People" pe ON pe."Id" = p."PersonId" WHERE p."CaseId" IN {{cases}} AND p."PersonId" <> {{personId}}""",
            $$"""SELECT * FROM "Assessments" WHERE "CaseParticipantId" IN {{roles}}""",
            $$"""SELECT * FROM "AssessmentAnswers" WHERE "AssessmentId" IN (SELECT "Id" FROM "Assessments" WHERE "CaseParticipantId" IN {{roles}})""",
            $$"""SELECT * FROM "CaseNotes" WHERE "CaseId" IN {{cases}}""",
            $$"""SELECT * FROM "VictimContacts" WHERE "CaseParticipantId" IN {{roles}}""",
            $$"""SELECT * FROM "Referrals" WHERE "CaseParticipantId" IN {{roles}}""",
            $$"""SELECT * FROM "Markers" WHERE "PersonId" = {{personId}}""",
            $$"""SELECT * FROM "CaseFiles" WHERE "CaseId" IN {{cases}}""",
            $$"""SELECT * FROM "Incidents" WHERE "CaseId" IN {{cases}}""",
            $$"""SELECT * FROM "AuditEntries" WHERE "Action" = 'View' AND (("EntityType" = 'Person' AND "EntityId" = '{{personId}}') OR "CaseId" IN {{cases}})""",
        ];
    }

    private static async Task ReadAllAsync(DbConnection connection, IEnumerable<string> queries)
    {
        foreach (var text in queries)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = text;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var c = 0; c < reader.FieldCount; c++)
                {
                    _ = reader.GetValue(c);
                }
            }
        }
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
