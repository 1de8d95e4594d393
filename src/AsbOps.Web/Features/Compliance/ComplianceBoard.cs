using AsbOps.Domain.Compliance;
using AsbOps.Web.Data;
using AsbOps.Web.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Features.Compliance;

/// <summary>
/// What the live compliance page shows, kept for the whole force and brought up to date case by case (ADR 0022).
/// Every open case is held as its rule flags, and each breaking case also as what its findings say. A committed change
/// names its case (<see cref="OpsChange.CaseRef"/>): only that case is read again, and the page's counts and oldest
/// findings are then worked out in memory. Everything is read afresh once a minute (rules run out with the clock, as on
/// the dashboard, ADR 0012), and at once after a change that names no case. "Since the last weekly check" is read from
/// the findings' lives, which only a sweep changes, so it is kept until the next sweep or for a minute.
/// </summary>
/// <remarks>
/// The board hears of changes through its own subscription, made when it is created at start-up: it is then the first
/// subscriber, so a case is marked out of date before any page hears of its change and asks again.
/// </remarks>
public sealed class ComplianceBoard : IHostedService, IDisposable
{
    /// <summary>How long the board's reading of the whole force is used before it is read afresh.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private readonly IDbContextFactory<AsbOpsDbContext> _dbFactory;
    private readonly TimeProvider _clock;
    private readonly IOptions<ComplianceOptions> _options;
    private readonly ILogger<ComplianceBoard> _logger;
    private readonly IDisposable _subscription;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _pendingGate = new();

    // Cases whose change has been heard and not yet read again, with the number of the change that marked them.
    private readonly Dictionary<string, long> _pending = new(StringComparer.Ordinal);
    private long _changes;
    private long _rebuildAsked;
    private long _sweptAt;

    private Reading? _reading;
    private readonly Dictionary<int, (long Swept, DateTime ReadAt, FindingMovement Movement)> _movements = [];

    public ComplianceBoard(
        IDbContextFactory<AsbOpsDbContext> dbFactory,
        TimeProvider clock,
        IOptions<ComplianceOptions> options,
        OpsNotifier notifier,
        ILogger<ComplianceBoard> logger)
    {
        _dbFactory = dbFactory;
        _clock = clock;
        _options = options;
        _logger = logger;
        _subscription = notifier.Subscribe(Hear);
    }

    /// <summary>How many times the whole force has been read (for tests: a change to one case must not add one).</summary>
    public int FullReadings { get; private set; }

    /// <summary>How many single cases have been read again after their change.</summary>
    public int CasesReread { get; private set; }

    /// <summary>The counts, the oldest <paramref name="cap"/> findings of every rule and the movement since the last weekly check.</summary>
    public async Task<ComplianceLive> GetAsync(int? areaId, int cap, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = _clock.GetUtcNow().UtcDateTime;
            await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
            var rules = new CaseRulePredicates(db, _options.Value.ToThresholds(), now);
            var reading = await CurrentAsync(db, rules, now, cancellationToken);
            var movement = await MovementAsync(db, areaId, now, cancellationToken);
            return reading.View(areaId, cap, rules, movement);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<Reading> CurrentAsync(AsbOpsDbContext db, CaseRulePredicates rules, DateTime now, CancellationToken cancellationToken)
    {
        long heard;
        KeyValuePair<string, long>[] pending;
        lock (_pendingGate)
        {
            heard = _changes;
            pending = [.. _pending];
        }

        if (_reading is null || now - _reading.ReadAt >= MaxAge || now < _reading.ReadAt || Volatile.Read(ref _rebuildAsked) > _reading.Changes)
        {
            _reading = await ReadAllAsync(db, rules, now, heard, cancellationToken);
            FullReadings++;
            Forget(pending.Where(p => p.Value <= heard));
            return _reading;
        }

        if (pending.Length > 0)
        {
            var references = pending.Select(p => p.Key).ToList();
            var ids = await db.Cases.AsNoTracking().Where(c => references.Contains(c.Reference)).Select(c => c.Id).ToListAsync(cancellationToken);
            var flags = await ComplianceQueries.FlagsOfAsync(db, rules, ids, cancellationToken);
            var details = await ComplianceQueries.DetailsAsync(db, flags.Where(RuleTally.BreaksAny).Select(f => f.CaseId).ToList(), cancellationToken);
            _reading = _reading.With(ids, flags, details, heard);
            CasesReread += ids.Count;
            Forget(pending);
        }

        return _reading;
    }

    private void Forget(IEnumerable<KeyValuePair<string, long>> done)
    {
        lock (_pendingGate)
        {
            foreach (var (reference, change) in done)
            {
                // A case changed again while it was being read stays marked.
                if (_pending.TryGetValue(reference, out var latest) && latest == change)
                {
                    _pending.Remove(reference);
                }
            }
        }
    }

    private async Task<Reading> ReadAllAsync(
        AsbOpsDbContext db, CaseRulePredicates rules, DateTime now, long heard, CancellationToken cancellationToken)
    {
        var areas = await AreaLookup.LoadAsync(db, null, cancellationToken);
        var flags = new Dictionary<long, CaseFlags>();
        var details = new Dictionary<long, CaseFindingDetail>();
        long after = 0;
        while (true)
        {
            var page = await ComplianceQueries.FlagsPageAsync(db, rules, after, ComplianceSweepService.PageSize, cancellationToken);
            foreach (var f in page)
            {
                flags[f.CaseId] = f;
            }

            var breaking = page.Where(RuleTally.BreaksAny).Select(f => f.CaseId).ToList();
            if (breaking.Count > 0)
            {
                foreach (var (id, detail) in await ComplianceQueries.DetailsAsync(db, breaking, cancellationToken))
                {
                    details[id] = detail;
                }
            }

            if (page.Count < ComplianceSweepService.PageSize)
            {
                break;
            }

            after = page[^1].CaseId;
        }

        return new Reading(now, heard, areas, flags, details);
    }

    private async Task<FindingMovement> MovementAsync(AsbOpsDbContext db, int? areaId, DateTime now, CancellationToken cancellationToken)
    {
        var key = areaId ?? 0;
        var swept = Volatile.Read(ref _sweptAt);
        if (_movements.TryGetValue(key, out var kept) && kept.Swept == swept && now - kept.ReadAt < MaxAge && now >= kept.ReadAt)
        {
            return kept.Movement;
        }

        var lastCheck = await db.ComplianceSnapshots.AsNoTracking().Where(s => s.IsWeekly && s.TakenAt <= now)
            .MaxAsync(s => (DateTime?)s.TakenAt, cancellationToken);
        var movement = await FindingMovementReader.ReadAsync(db, areaId, now, lastCheck, withItems: false, cancellationToken);
        _movements[key] = (swept, now, movement);
        return movement;
    }

    private Task Hear(OpsChange change)
    {
        lock (_pendingGate)
        {
            var number = ++_changes;
            switch (change.Kind)
            {
                case OpsChangeKind.ComplianceSwept:
                    _sweptAt = number;
                    break;
                case OpsChangeKind.IncidentReceived when change.CaseRef is null:
                    // An incident that is not yet on a case changes no case's rules.
                    break;
                case var _ when change.CaseRef is { } reference:
                    _pending[reference] = number;
                    break;
                default:
                    _rebuildAsked = number;
                    break;
            }
        }

        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        _subscription.Dispose();
        _gate.Dispose();
    }

    /// <summary>One reading of the force: every open case's flags, and what each breaking case's findings say.</summary>
    private sealed class Reading(
        DateTime readAt, long changes, AreaLookup areas, Dictionary<long, CaseFlags> flags, Dictionary<long, CaseFindingDetail> details)
    {
        public DateTime ReadAt { get; } = readAt;

        /// <summary>The number of the last change heard before this reading began.</summary>
        public long Changes { get; } = changes;

        /// <summary>This reading with the given cases read again (those no longer open are left out).</summary>
        public Reading With(IReadOnlyList<long> reread, List<CaseFlags> open, Dictionary<long, CaseFindingDetail> breaking, long heard)
        {
            var nextFlags = new Dictionary<long, CaseFlags>(flags);
            var nextDetails = new Dictionary<long, CaseFindingDetail>(details);
            foreach (var id in reread)
            {
                nextFlags.Remove(id);
                nextDetails.Remove(id);
            }

            foreach (var f in open)
            {
                nextFlags[f.CaseId] = f;
            }

            foreach (var (id, detail) in breaking)
            {
                nextDetails[id] = detail;
            }

            return new Reading(ReadAt, Math.Max(Changes, heard), areas, nextFlags, nextDetails);
        }

        public ComplianceLive View(int? areaId, int cap, CaseRulePredicates rules, FindingMovement movement)
        {
            var tallies = new Dictionary<int, RuleTally>();
            foreach (var f in flags.Values)
            {
                if (areaId is { } only && f.AreaId != only)
                {
                    continue;
                }

                if (!tallies.TryGetValue(f.AreaId, out var tally))
                {
                    tallies[f.AreaId] = tally = new RuleTally { AreaId = f.AreaId };
                }

                tally.Add(f);
            }

            var scope = areaId is { } id ? new AreaLookup([.. areas.All.Where(a => a.Id == id)]) : areas;
            var counts = ComplianceQueries.ToCounts(tallies, scope, areaId, rules.Now);
            var findings = ComplianceRuleText.All.ToDictionary(rule => rule, rule => (IReadOnlyList<ComplianceFindingRow>)flags.Values
                .Where(f => (areaId is null || f.AreaId == areaId) && RuleTally.Breaks(f, rule) && details.ContainsKey(f.CaseId))
                .Select(f => details[f.CaseId])
                .OrderBy(d => OrderedBy(rule, d)).ThenBy(d => d.Id)
                .Take(cap)
                .Select(d => CaseFindingDetails.ToFinding(rule, d, rules, scope))
                .ToList());
            return new ComplianceLive(counts, findings, movement);
        }

        /// <summary>The order the findings of a rule are listed in: the same keys as <see cref="ComplianceQueries.FindingsAsync"/>.</summary>
        private static DateTime OrderedBy(ComplianceRule rule, CaseFindingDetail d) => rule switch
        {
            ComplianceRule.HighRiskWithoutPlanOrMarker => d.HighRiskSince ?? d.OpenedAt,
            ComplianceRule.ReviewOverdue => d.NextReviewDue ?? d.OpenedAt,
            _ => d.OpenedAt,
        };
    }
}
