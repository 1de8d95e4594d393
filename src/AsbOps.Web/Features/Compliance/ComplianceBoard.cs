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
/// the dashboard, ADR 0012), and at once after a change that names no case. The minute's reading is made in the
/// background while the page is in use: a reading up to <see cref="ServedWhileReadingUpTo"/> old is still served
/// (brought up to date case by case) while the next one is read, because reading a national force takes seconds and
/// every page would wait for it. A board nobody asked for that long reads the force before it answers.
/// "Since the last weekly check" is read from the findings' lives, which only a sweep changes, so it is kept until the
/// next sweep or for a minute.
/// </summary>
/// <remarks>
/// The board hears of changes through its own subscription, made when it is created at start-up: it is then the first
/// subscriber, so a case is marked out of date before any page hears of its change and asks again.
/// </remarks>
public sealed class ComplianceBoard : IHostedService, IDisposable
{
    /// <summary>How long the board's reading of the whole force is used before it is read afresh.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    /// <summary>The oldest reading served while a fresh one is read in the background; an older one is read at once.</summary>
    public static readonly TimeSpan ServedWhileReadingUpTo = MaxAge * 2;

    private readonly IDbContextFactory<AsbOpsDbContext> _dbFactory;
    private readonly TimeProvider _clock;
    private readonly IOptions<ComplianceOptions> _options;
    private readonly ILogger<ComplianceBoard> _logger;
    private readonly IDisposable _subscription;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _pendingGate = new();
    private readonly CancellationTokenSource _stopping = new();

    // Cases whose change has been heard and not yet read again, with the number of the change that marked them.
    private readonly Dictionary<string, long> _pending = new(StringComparer.Ordinal);
    private long _changes;
    private long _rebuildAsked;
    private long _sweptAt;

    // Cases changed since the background reading began (it may have read them before their change), or null.
    private Dictionary<string, long>? _heardWhileReading;

    private ComplianceBoardReading? _reading;
    private bool _readingAllInBackground;
    private Task? _readingInBackground;
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

    /// <summary>The reading of the whole force under way in the background, if any (for tests, which await it).</summary>
    internal Task ReadingInBackground => Volatile.Read(ref _readingInBackground) ?? Task.CompletedTask;

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

    private async Task<ComplianceBoardReading> CurrentAsync(AsbOpsDbContext db, CaseRulePredicates rules, DateTime now, CancellationToken cancellationToken)
    {
        long heard;
        KeyValuePair<string, long>[] pending;
        bool readNow, readInBackground;
        var current = _reading;
        lock (_pendingGate)
        {
            heard = _changes;
            pending = [.. _pending];
            var age = now - current?.ReadAt;
            readNow = current is null || age >= ServedWhileReadingUpTo || age < TimeSpan.Zero || Volatile.Read(ref _rebuildAsked) > current.Changes;
            readInBackground = !readNow && age >= MaxAge && !_readingAllInBackground;
            if (readInBackground)
            {
                _readingAllInBackground = true;
                _heardWhileReading = [];
            }
        }

        if (readNow || current is null)
        {
            _reading = await ReadAllAsync(db, rules, now, heard, cancellationToken);
            FullReadings++;
            Forget(pending.Where(p => p.Value <= heard));
            return _reading;
        }

        if (readInBackground)
        {
            Volatile.Write(ref _readingInBackground, Task.Run(() => ReadInBackgroundAsync(heard), CancellationToken.None));
        }

        if (pending.Length > 0)
        {
            var references = pending.Select(p => p.Key).ToList();
            var ids = await db.Cases.AsNoTracking().Where(c => references.Contains(c.Reference)).Select(c => c.Id).ToListAsync(cancellationToken);
            var flags = await ComplianceQueries.FlagsOfAsync(db, rules, ids, cancellationToken);
            var details = await ComplianceQueries.DetailsAsync(db, flags.Where(RuleTally.BreaksAny).Select(f => f.CaseId).ToList(), cancellationToken);
            current = current.With(ids, flags, details, heard);
            _reading = current;
            CasesReread += ids.Count;
            Forget(pending);
        }

        return current;
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

    /// <summary>
    /// Reads the whole force on its own context and, unless a newer reading was made meanwhile, puts it in place of the
    /// current one; the cases changed while it was read are then read again, as it may have read them before their change.
    /// </summary>
    private async Task ReadInBackgroundAsync(long heard)
    {
        try
        {
            var now = _clock.GetUtcNow().UtcDateTime;
            ComplianceBoardReading fresh;
            await using (var db = await _dbFactory.CreateDbContextAsync(_stopping.Token))
            {
                fresh = await ReadAllAsync(db, new CaseRulePredicates(db, _options.Value.ToThresholds(), now), now, heard, _stopping.Token);
            }

            await _gate.WaitAsync(_stopping.Token);
            try
            {
                if (_reading is null || fresh.ReadAt > _reading.ReadAt)
                {
                    _reading = fresh;
                    FullReadings++;
                }
            }
            finally
            {
                _gate.Release();
            }
        }
        catch (Exception) when (_stopping.IsCancellationRequested)
        {
            // The app is stopping (its gate may be gone already).
        }
        catch (Exception ex)
        {
            // The current reading stays; the next page to ask starts another.
            _logger.LogError(ex, "Reading the whole force for the live compliance page failed");
        }
        finally
        {
            lock (_pendingGate)
            {
                foreach (var (reference, change) in _heardWhileReading ?? [])
                {
                    _pending[reference] = Math.Max(change, _pending.GetValueOrDefault(reference));
                }

                _heardWhileReading = null;
                _readingAllInBackground = false;
            }
        }
    }

    private async Task<ComplianceBoardReading> ReadAllAsync(
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

        return new ComplianceBoardReading(now, heard, areas, flags, details);
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
                    if (_heardWhileReading is not null)
                    {
                        _heardWhileReading[reference] = number;
                    }

                    break;
                default:
                    _rebuildAsked = number;
                    break;
            }
        }

        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Ends a reading under way in the background. (A host may dispose the board before stopping it.)</summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping.Cancel();
        return ReadingInBackground.WaitAsync(cancellationToken);
    }

    public void Dispose()
    {
        // The token source is only cancelled, never disposed: StopAsync may come after Dispose.
        _stopping.Cancel();
        _subscription.Dispose();
        _gate.Dispose();
    }
}
