using AsbOps.Domain.Compliance;
using AsbOps.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.Compliance;

/// <summary>
/// Reads <see cref="FindingMovement"/> from the lives of findings as they stood at a moment: the live page asks at
/// "now" against the newest weekly check; the weekly workbook asks at its snapshot against the check before it. One
/// projected query of the lives that matter (open at the moment, or put right after the last check), grouped in memory.
/// </summary>
internal static class FindingMovementReader
{
    public const string NoLeadOfficer = "No lead officer";

    /// <summary>
    /// The movement at <paramref name="asOf"/> since <paramref name="lastCheck"/>; with <paramref name="withItems"/>, every
    /// finding with its status (what the workbook lists).
    /// </summary>
    internal static async Task<FindingMovement> ReadAsync(
        AsbOpsDbContext db, int? areaId, DateTime asOf, DateTime? lastCheck, bool withItems, CancellationToken cancellationToken)
    {
        var since = lastCheck ?? DateTime.MinValue;
        var lives = await db.FindingLives.AsNoTracking()
            .Where(l => areaId == null || l.AreaId == areaId)
            .Where(l => l.FirstSeenAt <= asOf && (l.PutRightAt == null || l.PutRightAt > since))
            .Select(l => new { l.Id, l.CaseId, l.AreaId, l.Rule, l.ParticipantId, l.OwnerUserId, l.FirstSeenAt, l.PutRightAt })
            .ToListAsync(cancellationToken);
        var checks = await db.ComplianceSnapshots.AsNoTracking().Where(s => s.IsWeekly && s.TakenAt < asOf)
            .OrderByDescending(s => s.TakenAt).Take(260).Select(s => s.TakenAt).ToListAsync(cancellationToken);

        var rows = new List<(FindingStatus Status, int AreaId, string? Owner, ComplianceRule Rule, int Weeks, long CaseId, long ParticipantId, DateTime First, DateTime? PutRight)>();
        foreach (var l in lives)
        {
            var openNow = l.PutRightAt is null || l.PutRightAt > asOf;
            var onLastList = lastCheck is not null && l.FirstSeenAt <= since;
            FindingStatus? status = openNow ? (onLastList ? FindingStatus.Carried : FindingStatus.New)
                : onLastList && l.PutRightAt <= asOf ? FindingStatus.PutRight : null;
            if (status is { } s)
            {
                rows.Add((s, l.AreaId, l.OwnerUserId, l.Rule, checks.Count(t => t >= l.FirstSeenAt), l.CaseId, l.ParticipantId, l.FirstSeenAt, l.PutRightAt));
            }
        }

        var areas = await db.Areas.AsNoTracking().Where(a => areaId == null || a.Id == areaId).OrderBy(a => a.Code)
            .Select(a => new { a.Id, a.Code, a.Name }).ToListAsync(cancellationToken);
        var ownerIds = rows.Select(r => r.Owner).OfType<string>().Distinct().ToList();
        var owners = await db.Users.AsNoTracking().Where(u => ownerIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        string OwnerName(string? id) => id is not null && owners.TryGetValue(id, out var name) ? name : NoLeadOfficer;

        MovementCounts Count(string key, string name, IEnumerable<(FindingStatus Status, int AreaId, string? Owner, ComplianceRule Rule, int Weeks, long CaseId, long ParticipantId, DateTime First, DateTime? PutRight)> group)
        {
            var list = group.ToList();
            return new MovementCounts(key, name,
                list.Count(r => r.Status == FindingStatus.New),
                list.Count(r => r.Status == FindingStatus.Carried),
                list.Count(r => r.Status == FindingStatus.PutRight),
                list.Where(r => r.Status == FindingStatus.Carried).Select(r => r.Weeks).DefaultIfEmpty(0).Max());
        }

        var byArea = areas.Select(a => Count(a.Code, a.Name, rows.Where(r => r.AreaId == a.Id))).ToList();
        var byOfficer = rows.GroupBy(r => r.Owner)
            .Select(g => Count(g.Key ?? "", OwnerName(g.Key), g))
            .OrderByDescending(c => c.Open).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
        var byRule = ComplianceRuleText.All.ToDictionary(rule => rule, rule => Count(((int)rule).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ComplianceRuleText.Title(rule), rows.Where(r => r.Rule == rule)));

        IReadOnlyList<FindingMovementItem> items = [];
        if (withItems && rows.Count > 0)
        {
            var caseIds = rows.Select(r => r.CaseId).Distinct().ToList();
            var cases = new Dictionary<long, (string Reference, string Address)>();
            foreach (var chunk in caseIds.Chunk(2000))
            {
                foreach (var c in await db.Cases.AsNoTracking().Where(c => chunk.Contains(c.Id))
                             .Select(c => new { c.Id, c.Reference, c.Address }).ToListAsync(cancellationToken))
                {
                    cases[c.Id] = (c.Reference, c.Address);
                }
            }

            var participantIds = rows.Where(r => r.ParticipantId != FindingLife.WholeCase).Select(r => r.ParticipantId).Distinct().ToList();
            var people = new Dictionary<long, string>();
            foreach (var chunk in participantIds.Chunk(2000))
            {
                foreach (var p in await db.CaseParticipants.AsNoTracking().Where(p => chunk.Contains(p.Id))
                             .Select(p => new { p.Id, Name = p.Person!.FirstName + " " + p.Person.LastName }).ToListAsync(cancellationToken))
                {
                    people[p.Id] = p.Name;
                }
            }

            var codes = areas.ToDictionary(a => a.Id, a => a.Code);
            items = rows
                .Select(r => new FindingMovementItem(r.Status, r.Rule, r.CaseId, cases.GetValueOrDefault(r.CaseId).Reference ?? "?",
                    codes.GetValueOrDefault(r.AreaId, "?"), r.Owner is null ? null : OwnerName(r.Owner),
                    people.TryGetValue(r.ParticipantId, out var person) ? person
                        : "Case as a whole" + (cases.TryGetValue(r.CaseId, out var c) ? $" ({c.Address})" : ""),
                    r.First, r.PutRight, r.Status == FindingStatus.New ? 0 : r.Weeks))
                .OrderBy(i => i.Status).ThenBy(i => i.Rule).ThenBy(i => i.FirstSeenAt).ThenBy(i => i.CaseRef, StringComparer.Ordinal)
                .ToList();
        }

        return new FindingMovement(asOf, lastCheck, Count("ALL", "All areas", rows), byArea, byOfficer, byRule, items);
    }
}
