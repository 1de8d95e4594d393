using AsbOps.Domain.Cases;
using AsbOps.Domain.Compliance;
using AsbOps.Domain.Risk;
using AsbOps.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.Compliance;

/// <summary>A finding as one sweep sees it: the case, the rule and, for rules 1 and 3, the person.</summary>
internal readonly record struct FindingKey(long CaseId, ComplianceRule Rule, long ParticipantId)
{
    public static bool IsPerPerson(ComplianceRule rule) =>
        rule is ComplianceRule.VictimWithoutAssessment or ComplianceRule.PerpetratorWithoutAssessment;
}

/// <summary>
/// Keeps the lives of findings (<see cref="FindingLife"/>) in step with one sweep, inside its transaction: a finding
/// the sweep sees for the first time gets a new open life; an open life the sweep no longer sees is put right at the
/// sweep's time; every open life is marked seen and owned by its case's lead officer. A life kept for the case as a
/// whole under a per-person rule (history from before people were told apart) is taken over by one of the people the
/// sweep finds, so it keeps the day it was first seen instead of being put right and found again.
/// </summary>
internal static class FindingLifeKeeper
{
    public sealed record Outcome(int Opened, int PutRight, int Open);

    /// <summary>The victims and perpetrators without a completed current assessment, per case, for the per-person keys.</summary>
    public static async Task<ILookup<long, (long Id, PersonRole Role)>> UnassessedPeopleAsync(
        AsbOpsDbContext db, IReadOnlyCollection<long> caseIds, CancellationToken cancellationToken) =>
        (await db.CaseParticipants.AsNoTracking()
            .Where(p => caseIds.Contains(p.CaseId) && (p.Role == PersonRole.Victim || p.Role == PersonRole.Perpetrator)
                && !db.Assessments.Any(a => a.CaseParticipantId == p.Id && a.IsCurrent && a.Status == AssessmentStatus.Complete))
            .Select(p => new { p.CaseId, p.Id, p.Role })
            .ToListAsync(cancellationToken))
        .ToLookup(p => p.CaseId, p => (p.Id, p.Role));

    /// <summary>The keys of one case breaking one rule: one per person concerned for rules 1 and 3, else the case.</summary>
    public static IEnumerable<FindingKey> KeysOf(long caseId, ComplianceRule rule, ILookup<long, (long Id, PersonRole Role)> people)
    {
        if (FindingKey.IsPerPerson(rule))
        {
            var role = rule == ComplianceRule.VictimWithoutAssessment ? PersonRole.Victim : PersonRole.Perpetrator;
            var ids = people[caseId].Where(p => p.Role == role).Select(p => p.Id).ToList();
            if (ids.Count > 0)
            {
                return ids.Select(id => new FindingKey(caseId, rule, id));
            }
        }

        return [new FindingKey(caseId, rule, FindingLife.WholeCase)];
    }

    public static async Task<Outcome> KeepAsync(
        AsbOpsDbContext db, IReadOnlyDictionary<FindingKey, int> seen, DateTime now, CancellationToken cancellationToken)
    {
        var open = await db.FindingLives.AsNoTracking().Where(l => l.PutRightAt == null)
            .Select(l => new { l.Id, l.CaseId, l.Rule, l.ParticipantId, l.FirstSeenAt })
            .ToListAsync(cancellationToken);

        var unmatchedSeen = seen.Keys.ToHashSet();
        var unmatchedOpen = new List<(long Id, FindingKey Key, DateTime FirstSeenAt)>();
        foreach (var life in open)
        {
            var key = new FindingKey(life.CaseId, life.Rule, life.ParticipantId);
            if (!unmatchedSeen.Remove(key))
            {
                unmatchedOpen.Add((life.Id, key, life.FirstSeenAt));
            }
        }

        // A per-person finding kept for the case as a whole (or the other way round) is the same finding.
        var putRight = new List<long>();
        var waiting = unmatchedSeen.Where(k => FindingKey.IsPerPerson(k.Rule))
            .GroupBy(k => (k.CaseId, k.Rule)).ToDictionary(g => g.Key, g => new Queue<FindingKey>(g.OrderBy(k => k.ParticipantId)));
        var inherited = new List<(FindingKey Key, DateTime FirstSeenAt)>();
        foreach (var (id, key, firstSeenAt) in unmatchedOpen)
        {
            if (FindingKey.IsPerPerson(key.Rule) && waiting.TryGetValue((key.CaseId, key.Rule), out var queue) && queue.Count > 0
                && (key.ParticipantId == FindingLife.WholeCase || queue.Peek().ParticipantId == FindingLife.WholeCase))
            {
                var taken = queue.Dequeue();
                unmatchedSeen.Remove(taken);
                await db.FindingLives.Where(l => l.Id == id)
                    .ExecuteUpdateAsync(s => s.SetProperty(l => l.ParticipantId, taken.ParticipantId), cancellationToken);

                // The case broke the rule since then: every person the sweep finds on it shares that history.
                while (key.ParticipantId == FindingLife.WholeCase && queue.TryDequeue(out var alsoTaken))
                {
                    unmatchedSeen.Remove(alsoTaken);
                    inherited.Add((alsoTaken, firstSeenAt));
                }

                continue;
            }

            putRight.Add(id);
        }

        foreach (var chunk in putRight.Chunk(500))
        {
            await db.FindingLives.Where(l => chunk.Contains(l.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.PutRightAt, now), cancellationToken);
        }

        if (unmatchedSeen.Count + inherited.Count > 0)
        {
            using var insert = new BulkInserter(db);
            await insert.InsertAsync(unmatchedSeen.Select(k => (Key: k, FirstSeenAt: now)).Concat(inherited)
                .OrderBy(k => k.Key.CaseId).ThenBy(k => k.Key.Rule).Select(k => new FindingLife
                {
                    CaseId = k.Key.CaseId,
                    AreaId = seen[k.Key],
                    Rule = k.Key.Rule,
                    ParticipantId = k.Key.ParticipantId,
                    FirstSeenAt = k.FirstSeenAt,
                    LastSeenAt = now,
                }), cancellationToken, readKeys: false);
        }

        // Every open life was seen now, and is owned by its case's lead officer (reassignment moves it at once too).
        var stillOpen = await db.FindingLives.Where(l => l.PutRightAt == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(l => l.LastSeenAt, now)
                .SetProperty(l => l.AreaId, l => db.Cases.Where(c => c.Id == l.CaseId).Select(c => c.AreaId).First())
                .SetProperty(l => l.OwnerUserId, l => db.Cases.Where(c => c.Id == l.CaseId).Select(c => c.LeadOfficerId).First()),
                cancellationToken);
        return new Outcome(unmatchedSeen.Count, putRight.Count, stillOpen);
    }
}
