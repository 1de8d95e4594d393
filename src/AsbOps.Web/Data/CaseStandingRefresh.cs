using System.Linq.Expressions;
using AsbOps.Domain.ActionPlans;
using AsbOps.Domain.CaseRecord;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Incidents;
using AsbOps.Domain.Risk;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Query;

namespace AsbOps.Web.Data;

/// <summary>
/// Keeps the stored standing of cases (<see cref="CaseStanding"/>) and the screening time of incidents right: works
/// each out again in the database, with one UPDATE, for the cases or incidents a save touched. Called by the context's
/// save inside the save's transaction, and by the bulk writers that bypass the change tracker.
/// </summary>
public static class CaseStandingRefresh
{
    /// <summary>The standing of every case of <paramref name="cases"/>, worked out again from its rows.</summary>
    public static Task<int> RefreshCasesAsync(AsbOpsDbContext db, IQueryable<AsbCase> cases, CancellationToken cancellationToken = default) =>
        cases.ExecuteUpdateAsync(Setters(db), cancellationToken);

    public static int RefreshCases(AsbOpsDbContext db, IQueryable<AsbCase> cases) => cases.ExecuteUpdate(Setters(db));

    /// <summary><see cref="Incident.ScreenedAt"/> of every incident of <paramref name="incidents"/>, from its stored screening.</summary>
    public static Task<int> RefreshIncidentsAsync(AsbOpsDbContext db, IQueryable<Incident> incidents, CancellationToken cancellationToken = default) =>
        incidents.ExecuteUpdateAsync(ScreenedAtSetter(db), cancellationToken);

    public static int RefreshIncidents(AsbOpsDbContext db, IQueryable<Incident> incidents) => incidents.ExecuteUpdate(ScreenedAtSetter(db));

    /// <summary>Unlinked incidents whose <see cref="Incident.ScreenedAt"/> differs from their stored screening.</summary>
    public static IQueryable<Incident> StaleIncidents(AsbOpsDbContext db)
    {
        var screenings = db.Screenings;
        return db.Incidents.Where(i => i.CaseId == null
            && (i.ScreenedAt == null) == screenings.Any(x => x.IncidentId == i.Id));
    }

    /// <summary>Incidents, linked or not, whose <see cref="Incident.ScreenedAt"/> differs from their stored screening.</summary>
    public static IQueryable<Incident> StaleScreenedAt(AsbOpsDbContext db)
    {
        var screenings = db.Screenings;
        return db.Incidents.Where(i => i.ScreenedAt != screenings.Where(x => x.IncidentId == i.Id).Select(x => (DateTime?)x.ScreenedAt).FirstOrDefault());
    }

    private static Action<UpdateSettersBuilder<Incident>> ScreenedAtSetter(AsbOpsDbContext db)
    {
        var screenings = db.Screenings;
        return s => s.SetProperty(i => i.ScreenedAt, i => screenings.Where(x => x.IncidentId == i.Id).Select(x => (DateTime?)x.ScreenedAt).FirstOrDefault());
    }

    /// <summary>
    /// Puts right the stored standing and search text of open cases, and the screening time of unlinked incidents, that differ from
    /// their rows; returns how many. Every save through the context keeps them, so only a write that bypassed it (a
    /// fix made by hand in the database) leaves one wrong: the app runs this at start-up and with the weekly check.
    /// </summary>
    public static async Task<int> RepairAsync(AsbOpsDbContext db, CancellationToken cancellationToken = default)
    {
        var cases = await RefreshCasesAsync(db, Stale(db, db.Cases.Where(CaseStanding.IsOpen)), cancellationToken);
        var incidents = await RefreshIncidentsAsync(db, StaleIncidents(db), cancellationToken);
        var searchTexts = await CaseSearchTextRefresh.RefreshStaleAsync(db, openOnly: true, cancellationToken);
        return cases + incidents + searchTexts;
    }

    /// <summary>The cases of <paramref name="cases"/> whose stored standing differs from what their rows say.</summary>
    public static IQueryable<AsbCase> Stale(AsbOpsDbContext db, IQueryable<AsbCase> cases)
    {
        var c = Expression.Parameter(typeof(AsbCase), "c");
        Expression Differs<T>(Expression<Func<AsbCase, T>> stored, Expression<Func<AsbCase, T>> actual) =>
            Expression.NotEqual(QueryExpressions.Inline(stored, c), QueryExpressions.Inline(actual, c));

        var differs = new[]
        {
            Differs(x => x.HasUnassessedVictim, CaseStanding.UnassessedVictim),
            Differs(x => x.LacksVictimAndLocationAssessment, CaseStanding.NoVictimNoLocationAssessment),
            Differs(x => x.HasUnassessedPerpetrator, CaseStanding.UnassessedPerpetrator),
            Differs(x => x.UnknownAnswers, CaseStanding.UnknownAnswers),
            Differs(x => x.HasActionPlan, CaseStanding.HasActionPlan(db.ActionPlans)),
            Differs(x => x.FirstVictimContactDue, CaseStanding.FirstVictimContactDue(db.VictimContactPlans)),
        }.Concat(CaseStanding.PeopleCounts.Select(n => Differs(n.Stored, n.Actual))).Aggregate(Expression.OrElse);
        return cases.Where(Expression.Lambda<Func<AsbCase, bool>>(differs, c));
    }

    private static Action<UpdateSettersBuilder<AsbCase>> Setters(AsbOpsDbContext db)
    {
        var hasPlan = CaseStanding.HasActionPlan(db.ActionPlans);
        var contactDue = CaseStanding.FirstVictimContactDue(db.VictimContactPlans);
        return s =>
        {
            s.SetProperty(c => c.HasUnassessedVictim, CaseStanding.UnassessedVictim)
                .SetProperty(c => c.LacksVictimAndLocationAssessment, CaseStanding.NoVictimNoLocationAssessment)
                .SetProperty(c => c.HasUnassessedPerpetrator, CaseStanding.UnassessedPerpetrator)
                .SetProperty(c => c.UnknownAnswers, CaseStanding.UnknownAnswers)
                .SetProperty(c => c.HasActionPlan, hasPlan)
                .SetProperty(c => c.FirstVictimContactDue, contactDue);
            foreach (var count in CaseStanding.PeopleCounts)
            {
                s.SetProperty(count.Stored, count.Actual);
            }
        };
    }

    /// <summary>
    /// What a save touches, noted before it runs: the cases whose people, assessments, action plans or contact plans it
    /// adds, changes or removes (new cases too: a case with no one on it already lacks an assessment), and the
    /// incidents whose screening it adds or removes. Keys generated by the save are read from the added entries afterwards.
    /// </summary>
    public sealed class Touched
    {
        private readonly HashSet<long> _cases = [];
        private readonly HashSet<long> _incidents = [];
        private readonly HashSet<long> _renamedPeople = [];
        private bool _peopleChanged;
        private readonly List<EntityEntry> _addedCaseRows = [];
        private readonly List<EntityEntry> _addedCases = [];
        private readonly List<EntityEntry> _addedScreenings = [];

        public bool IsEmpty => _cases.Count == 0 && _incidents.Count == 0 && _addedCaseRows.Count == 0 && _addedCases.Count == 0
            && _addedScreenings.Count == 0 && _renamedPeople.Count == 0;

        public static Touched Collect(ChangeTracker tracker)
        {
            var touched = new Touched();
            foreach (var entry in tracker.Entries())
            {
                if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
                {
                    continue;
                }

                switch (entry.Entity)
                {
                    case CaseParticipant or Assessment or ActionPlan or VictimContactPlan:
                        Note(entry, nameof(CaseParticipant.CaseId), touched._cases, touched._addedCaseRows);
                        // The search text changes with who is on the case, not with a person's level or role.
                        touched._peopleChanged |= entry.Entity is CaseParticipant
                            && (entry.State != EntityState.Modified
                                || entry.Property(nameof(CaseParticipant.PersonId)).IsModified
                                || entry.Property(nameof(CaseParticipant.CaseId)).IsModified);
                        break;
                    case AsbCase when entry.State == EntityState.Added:
                        touched._addedCases.Add(entry);
                        touched._peopleChanged = true;
                        break;
                    case VictorEScreening:
                        Note(entry, nameof(VictorEScreening.IncidentId), touched._incidents, touched._addedScreenings);
                        break;

                    // A renamed (or merged, emptied) person changes the search text of every case they are on.
                    case Person person when entry.State == EntityState.Modified && entry.Property(nameof(Person.SearchName)).IsModified:
                        touched._renamedPeople.Add(person.Id);
                        touched._peopleChanged = true;
                        break;
                }
            }

            return touched;
        }

        public async Task RefreshAsync(AsbOpsDbContext db, CancellationToken cancellationToken)
        {
            var (cases, incidents) = Keys();
            if (_renamedPeople.Count > 0)
            {
                cases = [.. cases.Union(await CasesOf(db).ToListAsync(cancellationToken))];
            }
            if (cases.Count > 0)
            {
                if (db.Database.IsNpgsql())
                {
                    await db.Database.ExecuteSqlAsync(LockCases(cases), cancellationToken);
                }

                await RefreshCasesAsync(db, db.Cases.Where(c => cases.Contains(c.Id)), cancellationToken);
                if (_peopleChanged)
                {
                    await CaseSearchTextRefresh.RefreshAsync(db, cases, cancellationToken);
                }
            }

            if (incidents.Count > 0)
            {
                await RefreshIncidentsAsync(db, db.Incidents.Where(i => incidents.Contains(i.Id)), cancellationToken);
            }
        }

        public void Refresh(AsbOpsDbContext db)
        {
            var (cases, incidents) = Keys();
            if (_renamedPeople.Count > 0)
            {
                cases = [.. cases.Union(CasesOf(db).ToList())];
            }
            if (cases.Count > 0)
            {
                if (db.Database.IsNpgsql())
                {
                    db.Database.ExecuteSql(LockCases(cases));
                }

                RefreshCases(db, db.Cases.Where(c => cases.Contains(c.Id)));
                if (_peopleChanged)
                {
                    CaseSearchTextRefresh.Refresh(db, cases);
                }
            }

            if (incidents.Count > 0)
            {
                RefreshIncidents(db, db.Incidents.Where(i => incidents.Contains(i.Id)));
            }
        }

        /// <summary>
        /// PostgreSQL, read committed: two transactions changing one case's people at once would each work out the
        /// standing without the other's uncommitted rows, and the later commit would store a standing that misses
        /// the earlier one's. Locking the case rows first (in key order, so two savers cannot deadlock) makes the
        /// second wait for the first to commit; its UPDATE, a new statement, then reads both. SQLite needs none of
        /// this: it lets one writer in at a time, and that writer reads the latest commit.
        /// </summary>
        private static FormattableString LockCases(List<long> cases)
        {
            var keys = cases.ToArray();
            return $"SELECT 1 FROM \"Cases\" WHERE \"Id\" = ANY({keys}) ORDER BY \"Id\" FOR UPDATE";
        }

        private IQueryable<long> CasesOf(AsbOpsDbContext db)
        {
            var people = _renamedPeople.ToList();
            return db.CaseParticipants.Where(p => people.Contains(p.PersonId)).Select(p => p.CaseId).Distinct();
        }

        private static void Note(EntityEntry entry, string key, HashSet<long> keys, List<EntityEntry> added)
        {
            if (entry.State == EntityState.Added)
            {
                added.Add(entry);
                return;
            }

            var property = entry.Property(key);
            keys.Add((long)property.CurrentValue!);
            if (entry.State == EntityState.Modified && property.IsModified)
            {
                keys.Add((long)property.OriginalValue!);
            }
        }

        private (List<long> Cases, List<long> Incidents) Keys()
        {
            var cases = new HashSet<long>(_cases);
            cases.UnionWith(_addedCaseRows.Select(e => (long)e.Property(nameof(CaseParticipant.CaseId)).CurrentValue!));
            cases.UnionWith(_addedCases.Select(e => ((AsbCase)e.Entity).Id));
            var incidents = new HashSet<long>(_incidents);
            incidents.UnionWith(_addedScreenings.Select(e => (long)e.Property(nameof(VictorEScreening.IncidentId)).CurrentValue!));
            return ([.. cases], [.. incidents]);
        }
    }
}
