using AsbOps.Domain.Incidents;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Data.Seeding;

/// <summary>What one run of the demo force generator produced.</summary>
public sealed record DemoForceResult(int Cases, int Incidents, int People);

/// <summary>
/// Builds the deterministic demo force: eight areas and their staff, a year of ASB incidents and cases ending
/// today, with assessments, plans, referrals, markers, reminders and twelve weeks of compliance history. The same
/// <see cref="DemoOptions.Seed"/> on the same UTC day gives the same force.
/// </summary>
public sealed class DemoForceGenerator(
    IDbContextFactory<AsbOpsDbContext> dbFactory,
    IPasswordHasher<AppUser> passwordHasher,
    ILookupNormalizer normalizer,
    IOptions<DemoOptions> options,
    IHostEnvironment environment,
    TimeProvider clock,
    IEnumerable<IDemoForceLoaded> afterLoad,
    IEnumerable<IDemoFindingSource> findingSources,
    ILogger<DemoForceGenerator> logger)
{
    // Cases per transaction: commits are few, and each batch's objects can be let go once written.
    private const int CasesPerBatch = 1000;
    private const int IncidentsPerBatch = 5000;

    // Incidents screened out (not case managed), per case-managed case.
    private const double UnmanagedPerCase = 0.9;

    /// <summary>Fills an empty database; refuses one that already has cases (use <see cref="ReplaceAsync"/>).</summary>
    public async Task<DemoForceResult> GenerateAsync(int scale, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        var seed = options.Value.Seed;
        var calendar = new DemoCalendar(clock.GetUtcNow().UtcDateTime);

        // Separate streams per part, so that a change to one part leaves the others as they were.
        var staffRng = new Random(seed);
        var caseRng = new Random(unchecked(seed + 1));
        var incidentRng = new Random(unchecked(seed + 2));
        var historyRng = new Random(unchecked(seed + 3));

        int guidanceVersionId;
        IReadOnlyList<DemoAreaStaff> staff;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Cases.AnyAsync(cancellationToken))
            {
                throw new InvalidOperationException("The database already has cases; use ReplaceAsync to reload the demo force.");
            }

            guidanceVersionId = await db.GuidanceVersions.Where(g => g.Number == 1).Select(g => g.Id).SingleOrDefaultAsync(cancellationToken);
            if (guidanceVersionId == 0)
            {
                throw new InvalidOperationException("Risk guidance version 1 is missing: run the database initializer first.");
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var staffBuilder = new DemoStaffBuilder(passwordHasher, normalizer, environment.IsDevelopment(), options.Value.Password);
            staff = await staffBuilder.BuildAsync(db, staffRng, scale, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var plans = DemoCasePlanner.Plan(caseRng, calendar, scale);
        var people = new DemoPeoplePool(calendar);
        var incidents = new DemoIncidentBuilder(calendar);
        var builder = new DemoCaseBuilder(calendar, staff, people, incidents,
            new DemoRiskBuilder(calendar, new DemoAssessmentBuilder(Domain.Risk.RiskGuidanceV1.Definition, guidanceVersionId)),
            new DemoFollowUpBuilder(calendar, new DemoReminderBuilder(calendar)));

        var phase = clock.GetTimestamp();
        var load = await BeginBulkLoadAsync(cancellationToken);
        var writer = new DemoBatchWriter(dbFactory) { DeferStanding = load is not null };
        if (load is not null)
        {
            phase = Phase($"dropping {load.Dropped} indexes and foreign keys for the load", phase);
        }

        var (building, writing) = (TimeSpan.Zero, TimeSpan.Zero);
        foreach (var chunk in plans.Chunk(CasesPerBatch))
        {
            var built = clock.GetTimestamp();
            var drafts = chunk.Select(plan => builder.Build(caseRng, plan)).ToList();
            building += clock.GetElapsedTime(built);
            var written = clock.GetTimestamp();
            await writer.WriteCasesAsync(drafts, cancellationToken);
            writing += clock.GetElapsedTime(written);
        }

        phase = Phase("cases", phase, FormattableString.Invariant($"building {building.TotalSeconds:F1} s, writing {writing.TotalSeconds:F1} s of which standing {writer.Refreshing.TotalSeconds:F1} s"));
        await WriteUnmanagedIncidentsAsync(writer, incidentRng, calendar, staff, incidents, (int)(plans.Count * UnmanagedPerCase), scale, cancellationToken);
        phase = Phase("incidents screened out or waiting", phase);
        if (load is not null)
        {
            await load.EndAsync(cancellationToken);
            phase = Phase("indexes and foreign keys made again", phase);
            await writer.RefreshAllStandingAsync(cancellationToken);
            phase = Phase("standing of every case and incident", phase);
        }
        var history = DemoSnapshotHistory.Build(historyRng, calendar, plans, staff, scale);
        var lives = await DemoFindingHistory.LoadCasesAsync(dbFactory, history.Count > 0 ? history[0].TakenAt : calendar.End, cancellationToken);
        var breakingNow = findingSources.FirstOrDefault() is { } source ? await source.BreakingNowAsync(cancellationToken) : null;
        DemoFindingHistory.Attach(history, lives, historyRng, breakingNow);
        await writer.WriteSnapshotsAsync(history, cancellationToken);
        phase = Phase("compliance history", phase);
        foreach (var loaded in afterLoad)
        {
            await loaded.DemoForceLoadedAsync(cancellationToken);
            phase = Phase(loaded.GetType().Name, phase);
        }

        var result = new DemoForceResult(plans.Count, incidents.Created, people.Created);
        logger.LogInformation("Demo force loaded: {Cases} cases, {Incidents} incidents, {People} people (seed {Seed}, scale {Scale})",
            result.Cases, result.Incidents, result.People, seed, scale);
        return result;
    }

    /// <summary>
    /// On PostgreSQL, the tables the cases fill lose their secondary indexes and foreign keys until the rows are in
    /// (<see cref="PostgresBulkLoad"/>); elsewhere nothing changes.
    /// </summary>
    private async Task<PostgresBulkLoad?> BeginBulkLoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var tables = DemoBatchWriter.Written.Select(t => db.Model.FindEntityType(t)!.GetTableName()!).ToList();
        return await PostgresBulkLoad.BeginAsync(dbFactory, tables, cancellationToken);
    }

    /// <summary>Logs how long a part of the load took (a scale-100 load runs for minutes), and starts the next.</summary>
    private long Phase(string name, long started, string? detail = null)
    {
        logger.LogInformation("Demo force: {Phase} in {Seconds:F1} s{Detail}", name, clock.GetElapsedTime(started).TotalSeconds,
            detail is null ? "" : $" ({detail})");
        return clock.GetTimestamp();
    }

    /// <summary>Empties everything the demo force owns, then generates it afresh.</summary>
    public async Task<DemoForceResult> ReplaceAsync(int scale, CancellationToken cancellationToken = default)
    {
        var started = clock.GetTimestamp();
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await DemoForceEraser.EraseAsync(db, cancellationToken);
        }

        Phase("erasing the old force", started);
        return await GenerateAsync(scale, cancellationToken);
    }

    /// <summary>Incidents screened out over the year, and the last day's still waiting for an officer.</summary>
    private static async Task WriteUnmanagedIncidentsAsync(DemoBatchWriter writer, Random rng, DemoCalendar calendar,
        IReadOnlyList<DemoAreaStaff> staff, DemoIncidentBuilder incidents, int screenedOut, int scale, CancellationToken cancellationToken)
    {
        var weights = staff.Select(s => s.Place.Weight).ToList();
        var awaiting = rng.Next(20, 61) * scale;
        var all = new List<Incident>(screenedOut + awaiting);
        for (var i = 0; i < screenedOut; i++)
        {
            all.Add(incidents.Unmanaged(rng, staff[rng.PickWeighted(weights)], calendar.ReportTime(rng, calendar.Start, calendar.End.AddHours(-2)), screened: true));
        }

        for (var i = 0; i < awaiting; i++)
        {
            all.Add(incidents.Unmanaged(rng, staff[rng.PickWeighted(weights)], calendar.ReportTime(rng, calendar.End.AddHours(-36), calendar.End), screened: false));
        }

        all.Sort((a, b) => a.ReceivedAt.CompareTo(b.ReceivedAt));
        foreach (var chunk in all.Chunk(IncidentsPerBatch))
        {
            await writer.WriteIncidentsAsync(chunk, cancellationToken);
        }
    }
}
