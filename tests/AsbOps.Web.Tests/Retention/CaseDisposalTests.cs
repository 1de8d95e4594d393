using System.Text.Json;
using AsbOps.Domain.Alerts;
using AsbOps.Domain.CaseRecord;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Email;
using AsbOps.Domain.Markers;
using AsbOps.Domain.Referrals;
using AsbOps.Domain.Retention;
using AsbOps.Domain.Risk;
using AsbOps.Web.Data;
using AsbOps.Web.Features.CaseRecord.Contacts;
using AsbOps.Web.Features.CaseRecord.Files;
using AsbOps.Web.Features.CaseRecord.Notes;
using AsbOps.Web.Features.Metrics;
using AsbOps.Web.Features.Retention;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.CaseRecord;
using AsbOps.Web.Tests.Data;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.Retention;

public sealed class CaseDisposalTests(FilesAppFactory app) : IClassFixture<FilesAppFactory>
{
    /// <summary>Every personal value the case holds, each unlikely to appear by chance anywhere else.</summary>
    private static readonly string[] PersonalValues =
    [
        "Quattlebaum", "Philippa", "Quinlan-Farrow", "Zebedee", "Quarry Close", "07700 900123", "LE12 9ZZ", "1961-03-04",
        "keys under the mat", "feels unsafe at night", "statement-quattlebaum", "Statement about the shouting", "Rehousing request",
        "fence kicked in", "Frail and alone", "screened by the wall", "Shouting through the letterbox", "Protect the household",
        "Warn the neighbour", "Still shouting", "Targeted for months",
    ];

    private static readonly DateTime Now = PlanWorld.Now;

    [Fact]
    public async Task DisposingACaseLeavesNoPersonalValueInAnyTableOrOnDiskAndTheMetricsOfItsPeriodAreUnchanged()
    {
        var world = await PlanWorld.CreateAsync(app, "RDA");
        var (storedFile, bystander) = await FillCaseAsync(world);
        var compliance = await ComplianceOfficerAsync();
        var metrics = app.Services.GetRequiredService<IMetricsQueries>();
        var filter = new MetricsFilter(AreaId: world.AreaId, From: DateOnly.FromDateTime(Now.AddDays(-30)), To: DateOnly.FromDateTime(Now));
        var before = Comparable(await metrics.LoadAsync(filter));
        Assert.Contains(Scan(), found => found.Value.Contains("Quattlebaum"));
        var findingsBefore = await CountAsync(db => db.ComplianceFindings.CountAsync(f => f.CaseId == world.CaseId));

        var retention = PlanWorld.Service<RetentionService>(app, PlanWorld.Clock());
        var due = await retention.DueAsync(compliance, Now);
        var row = Assert.Single(due, r => r.CaseId == world.CaseId);
        var result = await retention.DisposeAsync(compliance, world.CaseId, row.Version, new DisposeInput { Reason = "Six years passed; no further action" });

        Assert.True(result.Succeeded, result.Message);
        var left = Scan();
        Assert.True(left.Count == 0, "Personal values left after disposal:\n" + string.Join('\n', left.Select(l => $"{l.Key}: {string.Join(", ", l.Value)}")));
        Assert.False(File.Exists(storedFile));
        Assert.Equal(before, Comparable(await metrics.LoadAsync(filter)));
        Assert.Equal(findingsBefore, await CountAsync(db => db.ComplianceFindings.CountAsync(f => f.CaseId == world.CaseId)));

        await using var db = app.CreateDbContext();
        var disposed = await db.Cases.Include(c => c.Participants).SingleAsync(c => c.Id == world.CaseId);
        Assert.NotNull(disposed.DisposedAt);
        Assert.Equal(3, disposed.Participants.Count);
        await PeopleCountsAssert.MatchTheirPeopleAsync(db, world.CaseId);
        Assert.Equal(2, await db.Assessments.CountAsync(a => a.CaseId == world.CaseId));
        Assert.Equal("Ottoline", (await db.People.SingleAsync(p => p.Id == bystander)).FirstName);
        Assert.False(await db.CaseParticipants.AnyAsync(p => p.CaseId == world.CaseId && p.PersonId == bystander));
        var decision = await db.RetentionDecisions.SingleAsync(d => d.CaseId == world.CaseId);
        Assert.Equal((RetentionOutcome.Disposed, compliance.UserId, "Six years passed; no further action"), (decision.Outcome, decision.DecidedByUserId, decision.Reason));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == CaseDisposal.AuditEntityType && e.CaseId == world.CaseId
            && e.UserId == compliance.UserId && e.Changes!.Contains("Six years passed")));
        Assert.DoesNotContain(await retention.DueAsync(compliance, Now.AddYears(50)), r => r.CaseId == world.CaseId);
        Assert.Equal(CommandOutcome.Refused, (await retention.DisposeAsync(compliance, world.CaseId, disposed.Version, new DisposeInput { Reason = "again" })).Outcome);
    }

    [Fact]
    public async Task RetainingMovesTheReviewDateAndOnlyAComplianceOfficerDecides()
    {
        var world = await PlanWorld.CreateAsync(app, "RDB");
        await CloseAsync(world.CaseId, Now.AddYears(-7));
        var compliance = await ComplianceOfficerAsync();
        var retention = PlanWorld.Service<RetentionService>(app, PlanWorld.Clock());
        var row = Assert.Single(await retention.DueAsync(compliance, Now), r => r.CaseId == world.CaseId);
        Assert.Equal(Now.AddYears(-1), row.ReviewDue);

        var bySergeant = await retention.DisposeAsync(world.Sergeant, world.CaseId, row.Version, new DisposeInput { Reason = "tidy" });
        var byAdmin = await retention.RetainAsync(world.Admin, world.CaseId, row.Version, new RetainInput { Reason = "keep", NextReviewDue = Now.AddYears(1) });
        var noReason = await retention.RetainAsync(compliance, world.CaseId, row.Version, new RetainInput { NextReviewDue = Now.AddYears(1) });
        var past = await retention.RetainAsync(compliance, world.CaseId, row.Version, new RetainInput { Reason = "keep", NextReviewDue = Now.AddDays(-1) });
        var kept = await retention.RetainAsync(compliance, world.CaseId, row.Version, new RetainInput { Reason = "Civil injunction in force", NextReviewDue = Now.AddYears(2) });
        var stale = await retention.DisposeAsync(compliance, world.CaseId, row.Version, new DisposeInput { Reason = "tidy" });

        Assert.Equal((CommandOutcome.Refused, CommandOutcome.Refused), (bySergeant.Outcome, byAdmin.Outcome));
        Assert.NotNull(noReason.ErrorFor(RetentionService.ReasonKey));
        Assert.NotNull(past.ErrorFor(RetentionService.DateKey));
        Assert.True(kept.Succeeded, kept.Message);
        Assert.Equal(CommandOutcome.Conflict, stale.Outcome);
        Assert.DoesNotContain(await retention.DueAsync(compliance, Now), r => r.CaseId == world.CaseId);
        await using var db = app.CreateDbContext();
        var @case = await db.Cases.SingleAsync(c => c.Id == world.CaseId);
        Assert.Equal((Now.AddYears(2).Date, (DateTime?)null), (@case.RetentionReviewDue, @case.DisposedAt));
        Assert.Equal("Civil injunction in force", (await db.RetentionDecisions.SingleAsync(d => d.CaseId == world.CaseId)).Reason);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(RetentionDecision) && e.CaseId == world.CaseId && e.UserId == compliance.UserId));
    }

    private async Task<UserScope> ComplianceOfficerAsync()
    {
        var user = await app.AddUserAsync($"dpo.{Guid.NewGuid():N}@test.local", Roles.Compliance);
        return new UserScope(user.Id, user.Email!, Roles.Compliance, null, null);
    }

    private async Task<T> CountAsync<T>(Func<AsbOpsDbContext, Task<T>> read)
    {
        await using var db = app.CreateDbContext();
        return await read(db);
    }

    private async Task CloseAsync(long caseId, DateTime closedAt)
    {
        await using var db = app.CreateDbContext();
        var @case = await db.Cases.SingleAsync(c => c.Id == caseId);
        @case.Close(ClosureReason.Resolved, closedAt);
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Fills the world's case with every kind of record that holds personal data, through the services where they
    /// exist (so the audit trail holds the values too), then closes it seven years ago.
    /// </summary>
    private async Task<(string StoredFile, long Bystander)> FillCaseAsync(PlanWorld world)
    {
        long victimId, bystanderId;
        await using (var db = app.CreateDbContext())
        {
            var @case = await db.Cases.SingleAsync(c => c.Id == world.CaseId);
            @case.Address = "17 Quarry Close";
            @case.Postcode = "LE12 9ZZ";
            @case.Summary = "Targeted for months by the neighbour";
            var version = await db.GuidanceVersions.OrderByDescending(g => g.Number).FirstAsync();
            var b = new CaseBuilder(db, version.Id, Now);
            var victim = b.Person(world.CaseId, PersonRole.Victim, PlanWorld.OpenedAt, firstName: "Philippa", lastName: "Quattlebaum",
                address: "17 Quarry Close", postcode: "LE12 9ZZ", dateOfBirth: new DateOnly(1961, 3, 4));
            var perpetrator = b.Person(world.CaseId, PersonRole.Perpetrator, PlanWorld.OpenedAt, firstName: "Zebedee", lastName: "Quinlan-Farrow");
            var other = b.Case(world.AreaId, openedAt: Now.AddDays(-2));
            var bystander = b.Person(other, PersonRole.Witness, firstName: "Ottoline", lastName: "Brackenbury");
            await db.SaveChangesAsync();
            (await db.People.SingleAsync(p => p.Id == victim.PersonId)).Phone = "07700 900123";
            b.Involve(world.CaseId, bystander.PersonId, PersonRole.Witness, PlanWorld.OpenedAt);
            var assessment = b.Assess(world.CaseId, victim, RiskLevel.High, createdDaysAgo: 3, createdBy: world.Officer.UserId);
            b.Answer(assessment, "vulnerable", "yes");
            b.Assess(world.CaseId, perpetrator, RiskLevel.Medium, createdDaysAgo: 3, createdBy: world.Officer.UserId);
            await db.SaveChangesAsync();
            assessment.JudgementRationale = "Frail and alone";
            assessment.JudgementLevel = RiskLevel.High;
            assessment.ComputedLevel = RiskLevel.Medium;
            assessment.Answers[0].Explanation = "keys under the mat";
            db.Incidents.Add(new Domain.Incidents.Incident
            {
                StormRef = $"RDA-{Guid.NewGuid():N}"[..20],
                AreaId = world.AreaId,
                ReceivedAt = PlanWorld.OpenedAt,
                CreatedAt = PlanWorld.OpenedAt,
                Address = "17 Quarry Close",
                Postcode = "LE12 9ZZ",
                Description = "Shouting through the letterbox",
                CaseId = world.CaseId,
                ReporterName = "Philippa Quattlebaum",
                ReporterPhone = "07700 900123",
                Thrive = new Domain.Incidents.ThriveAssessment { Threat = "Zebedee threatens", Vulnerability = "Frail and alone" },
                Screening = new Domain.Incidents.VictorEScreening { ScreenedAt = PlanWorld.OpenedAt.AddHours(1), ScreenedByUserId = "test", Notes = "screened by the wall" },
            });
            db.Referrals.Add(new Referral
            {
                CaseId = world.CaseId,
                CaseParticipantId = victim.Id,
                Agency = Agency.Housing,
                Reason = "Rehousing request for Philippa",
                OutcomeNote = "fence kicked in",
                SentAt = Now.AddDays(-2),
                CreatedByUserId = world.Officer.UserId,
            });
            db.Markers.Add(new Marker
            {
                CaseId = world.CaseId,
                SubjectType = MarkerSubjectType.Person,
                PersonId = victim.PersonId,
                Subject = "Philippa Quattlebaum",
                Address = "17 Quarry Close",
                Postcode = "LE12 9ZZ",
                RiskLevel = RiskLevel.High,
                PlacedAt = Now.AddDays(-2),
            });
            var plan = b.ActionPlan(@case, createdBy: world.Officer.UserId, objective: "Protect the household");
            plan.Actions.Add(new Domain.ActionPlans.ActionItem { Type = Domain.ActionPlans.ActionType.WarningLetter, Description = "Warn the neighbour Zebedee", OwnerName = "PC Test", DueDate = DateOnly.FromDateTime(Now.AddDays(5)) });
            db.CaseReviews.Add(new CaseReview { CaseId = world.CaseId, ReviewedAt = Now.AddDays(-1), ReviewedByUserId = world.Sergeant.UserId, Note = "Still shouting" });
            db.Alerts.Add(new Alert { UserId = world.Officer.UserId, CaseId = world.CaseId, Kind = "HighRisk", Message = "Philippa Quattlebaum is high risk", CreatedAt = Now });
            db.Outbox.Add(new OutboxMessage
            {
                DedupKey = Guid.NewGuid().ToString("N"),
                To = "pc@test.local",
                Subject = "High risk: Quattlebaum",
                TextBody = "Philippa Quattlebaum",
                HtmlBody = "<p>Philippa Quattlebaum</p>",
                CaseId = world.CaseId,
                CreatedAt = Now,
                NextAttemptAt = Now,
                GiveUpAt = Now.AddDays(1),
            });
            await db.SaveChangesAsync();
            victimId = victim.Id;
            bystanderId = bystander.PersonId;
        }

        var clock = PlanWorld.Clock();
        var note = await PlanWorld.Service<CaseNoteService>(app, clock).AddAsync(world.Officer, world.CaseId, new CaseNoteInput { Text = "Philippa keeps keys under the mat" });
        var contact = await PlanWorld.Service<VictimContactService>(app, clock).LogAsync(world.Officer, world.CaseId, new VictimContactInput
        {
            ParticipantId = victimId,
            ContactedOn = Now.Date.AddDays(-1),
            Method = ContactMethod.Visit,
            Outcome = "Philippa feels unsafe at night",
            NextContactDueOn = Now.Date.AddDays(6),
        });
        await using var content = new MemoryStream(SampleFiles.Pdf());
        var files = PlanWorld.Service<CaseFileService>(app, clock);
        var upload = await files.UploadAsync(world.Officer, world.CaseId,
            new CaseFileInput { FileName = "statement-quattlebaum.pdf", Description = "Statement about the shouting" }, content, content.Length);
        Assert.True(note.Succeeded && contact.Succeeded && upload.Succeeded,
            string.Join("; ", note.Errors.Concat(contact.Errors).Concat(upload.Errors).Select(e => $"{e.Key}: {e.Value}")) + upload.Message);
        await CloseAsync(world.CaseId, Now.AddYears(-7));
        await using var check = app.CreateDbContext();
        var stored = await check.CaseFiles.Where(f => f.CaseId == world.CaseId).Select(f => f.StoredName).SingleAsync();
        var path = Path.Combine(app.FilesDirectory, stored);
        Assert.True(File.Exists(path));
        return (path, bystanderId);
    }

    /// <summary>The metrics as JSON, the latest overrides' free text aside (their count, levels and dates are compared).</summary>
    private static string Comparable(GuidanceMetrics metrics) => JsonSerializer.Serialize(metrics with
    {
        Overrides = metrics.Overrides with { Latest = metrics.Overrides.Latest.Select(o => o with { Rationale = null }).ToList() },
    });

    /// <summary>Every table and column of the SQLite file holding any personal value: "Table.Column" → the values found.</summary>
    private Dictionary<string, List<string>> Scan()
    {
        var found = new Dictionary<string, List<string>>();
        using var connection = new SqliteConnection($"Data Source={app.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            var columns = new List<string>();
            using (var info = connection.CreateCommand())
            {
                info.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
                using var reader = info.ExecuteReader();
                while (reader.Read())
                {
                    columns.Add(reader.GetString(0));
                }
            }

            foreach (var column in columns)
            {
                foreach (var value in PersonalValues)
                {
                    using var query = connection.CreateCommand();
                    query.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE CAST(\"{column}\" AS TEXT) LIKE '%' || $v || '%'";
                    query.Parameters.AddWithValue("$v", value);
                    if ((long)query.ExecuteScalar()! > 0)
                    {
                        (found.TryGetValue($"{table}.{column}", out var values) ? values : found[$"{table}.{column}"] = []).Add(value);
                    }
                }
            }
        }

        return found;
    }
}
