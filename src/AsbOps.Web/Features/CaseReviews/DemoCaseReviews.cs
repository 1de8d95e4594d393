using System.Globalization;
using AsbOps.Domain.ActionPlans;
using AsbOps.Domain.CaseReviews;
using AsbOps.Domain.Cases;
using AsbOps.Web.Components.Shared;
using AsbOps.Web.Data;
using AsbOps.Web.Data.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Features.CaseReviews;

/// <summary>
/// After the demo force is loaded: a year of ASB Case Review applications about its repeat cases, in every state —
/// just received, acknowledged, decided either way (some overridden), reviews held with and without recommendations,
/// outcomes sent, appeals — with some steps left late, so that clocks run, fall overdue and the figures are real.
/// Deterministic for the demo seed; one save, audit off, like the rest of the demo force.
/// </summary>
public sealed class DemoCaseReviews(
    IDbContextFactory<AsbOpsDbContext> dbFactory, CaseReviewOptions options, IOptions<DemoOptions> demo, TimeProvider clock) : IDemoForceLoaded
{
    public const int PerScale = 80;

    private static readonly string[] Agencies = ["Police", "Council ASB team", "Housing association", "Environmental health", "Victim Support", "Youth offending service"];
    private static readonly string[] Recommendations =
    [
        "Joint visit to the perpetrator's household with the housing officer",
        "Install a noise monitor at the victim's address",
        "Offer mediation between the neighbours",
        "Refer the victim to Victim Support for ongoing help",
        "Consider a Community Protection Notice warning",
        "Add the address to the evening patrol plan for four weeks",
    ];

    public async Task DemoForceLoadedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = UkTime.Today(now);
        var calendar = options.Clock.Calendar;
        var rng = new Random(unchecked(demo.Value.Seed + 17));

        // A generator of its own, so the dates of the behaviour leave the rest of the year as it was.
        var behaviourRng = new Random(unchecked(demo.Value.Seed + 23));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditEnabled = false;
        var scale = Math.Max(1, demo.Value.Scale);
        var candidates = await db.Cases.AsNoTracking()
            .Where(c => c.LeadOfficerId != null && db.Incidents.Count(i => i.CaseId == c.Id) >= 2)
            .OrderBy(c => c.Id)
            .Select(c => new
            {
                c.Id,
                c.AreaId,
                c.Category,
                c.Postcode,
                c.LeadOfficerId,
                Lead = db.Users.Where(u => u.Id == c.LeadOfficerId).Select(u => u.DisplayName).FirstOrDefault(),
                Incidents = db.Incidents.Where(i => i.CaseId == c.Id).OrderByDescending(i => i.ReceivedAt).Select(i => new { i.Id, i.ReceivedAt, i.ReporterName, i.ReporterPhone }).Take(3).ToList(),
            })
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return;
        }

        var chosen = candidates.OrderBy(_ => rng.Next()).Take(PerScale * scale).ToList();
        var applications = new List<CaseReviewApplication>();
        foreach (var c in chosen)
        {
            var latest = c.Incidents[0];
            var received = latest.ReceivedAt.AddDays(rng.Next(1, 21)).AddHours(rng.Next(0, 8));
            if (received > now.AddHours(-1))
            {
                received = now.AddHours(-rng.Next(1, 72));
            }

            var thirdParty = rng.NextDouble() < 0.3;
            var victim = latest.ReporterName ?? "A resident";
            var a = new CaseReviewApplication
            {
                Reference = "",
                AreaId = c.AreaId,
                CaseId = c.Id,
                ApplicantKind = thirdParty ? CaseReviewApplicant.ThirdParty : CaseReviewApplicant.Victim,
                ApplicantName = thirdParty ? (rng.NextDouble() < 0.5 ? "Cllr Sam Patel" : "Jordan Reeves (advocate)") : victim,
                OnBehalfOf = thirdParty ? victim : null,
                ReceivedVia = (CaseReviewChannel)rng.Next(0, 6),
                ReceivedAt = received,
                ContactPhone = latest.ReporterPhone ?? "07700 900" + rng.Next(100, 999).ToString(CultureInfo.InvariantCulture),
                Category = c.Category,
                Postcode = c.Postcode,
                Account = "The behaviour has gone on for months and reporting it has not stopped it; I want the agencies to look at it together.",
                OwnerUserId = c.LeadOfficerId,
                CreatedAt = received,
                // Victims call a few days to a few weeks after the behaviour, so each report counts under the one-month rule.
                ReliedOn = c.Incidents.Select(i => new CaseReviewReliedReport
                {
                    IncidentId = i.Id,
                    BehaviourOn = DateOnly.FromDateTime(i.ReceivedAt).AddDays(-behaviourRng.Next(0, 28)),
                }).ToList(),
            };
            Progress(a, rng, calendar, today, c.LeadOfficerId!);
            a.RefreshClock(options.Clock);
            applications.Add(a);
            if (a.ReviewHeldOn is { } held && rng.NextDouble() < 0.75)
            {
                for (var n = rng.Next(1, 4); n > 0; n--)
                {
                    var item = await CaseActionPlans.AddActionAsync(db, c.Id, "Carry out the ASB Case Review's recommendations.", c.LeadOfficerId!, received,
                        new ActionItem
                        {
                            Type = ActionType.Visit,
                            Description = Recommendations[rng.Next(Recommendations.Length)],
                            OwnerUserId = c.LeadOfficerId,
                            OwnerName = c.Lead ?? "Lead officer",
                            DueDate = held.AddDays(rng.Next(14, 60)),
                            Status = held.AddDays(30) < today ? ActionStatus.Done : ActionStatus.Planned,
                            CompletedAt = held.AddDays(30) < today ? held.AddDays(25).ToDateTime(new TimeOnly(15, 0), DateTimeKind.Utc) : null,
                        }, cancellationToken);
                    a.Recommendations.Add(new CaseReviewRecommendation { ActionItem = item });
                }
            }
        }

        // References in the order the applications arrived, numbered within each year.
        foreach (var year in applications.OrderBy(x => x.ReceivedAt).GroupBy(x => x.ReceivedAt.Year))
        {
            var n = 0;
            foreach (var x in year)
            {
                x.Reference = string.Create(CultureInfo.InvariantCulture, $"CR-{year.Key:D4}-{++n:D4}");
            }
        }

        db.CaseReviewApplications.AddRange(applications);
        db.CaseReviewPrompts.AddRange(await AnsweredPromptsAsync(db, now, applications.Select(a => a.CaseId).OfType<long>().ToHashSet(), cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Most repeat-victim prompts of the year were answered when they came up (told, now and then dismissed with a
    /// reason); about one in six is still waiting, and the demo officer's newest always is, so their work list shows one.
    /// </summary>
    private async Task<List<CaseReviewPrompt>> AnsweredPromptsAsync(AsbOpsDbContext db, DateTime now, HashSet<long> withApplication,
        CancellationToken cancellationToken)
    {
        var rng = new Random(unchecked(demo.Value.Seed + 29));
        var months = options.Settings.Threshold.WindowMonths;
        var from = RepeatVictimReport.WindowStart(now, months);
        var demoOfficer = await db.Users.AsNoTracking().Where(u => u.Email == DemoLogins.Officer).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
        var reports = await db.Incidents.AsNoTracking()
            .Where(i => i.CaseId != null && i.ReceivedAt >= from && i.ReceivedAt <= now)
            .Join(db.Cases.Where(c => c.Status != CaseStatus.Closed && c.LeadOfficerId != null), i => i.CaseId, c => c.Id,
                (i, c) => new { CaseId = c.Id, c.LeadOfficerId, i.Id, i.StormRef, i.ReceivedAt, i.ReporterName, i.ReporterPhone })
            .ToListAsync(cancellationToken);
        var pending = reports.GroupBy(r => r.CaseId)
            .Select(g => (Case: g.Key, Lead: g.First().LeadOfficerId!, Repeat: RepeatVictimReport.Latest(
                g.Select(r => new CaseReport(r.Id, r.StormRef, r.ReceivedAt, r.ReporterName, r.ReporterPhone)), now, months)))
            .Where(x => x.Repeat is not null && !withApplication.Contains(x.Case))
            .OrderBy(x => x.Case)
            .ToList();
        var keepForDemoOfficer = pending.Where(x => x.Lead == demoOfficer).OrderByDescending(x => x.Repeat!.Latest.ReceivedAt)
            .Select(x => x.Case).FirstOrDefault();
        var prompts = new List<CaseReviewPrompt>();
        foreach (var (caseId, lead, repeat) in pending)
        {
            if (caseId == keepForDemoOfficer || rng.NextDouble() < 1.0 / 6)
            {
                continue;
            }

            var recordedAt = repeat!.Latest.ReceivedAt.AddHours(rng.Next(2, 72));
            var dismissed = rng.NextDouble() < 0.1;
            prompts.Add(new CaseReviewPrompt
            {
                CaseId = caseId,
                IncidentId = repeat.Latest.IncidentId,
                Outcome = dismissed ? CaseReviewPromptOutcome.Dismissed : CaseReviewPromptOutcome.Told,
                Reason = dismissed ? "Told at the visit before this report; the victim does not want a review now." : null,
                RecordedAt = recordedAt < now ? recordedAt : now,
                RecordedByUserId = lead,
            });
        }

        return prompts;
    }

    /// <summary>Moves an application on as far as its age allows, now and then leaving a step late.</summary>
    private static void Progress(CaseReviewApplication a, Random rng, WorkingDayCalendar calendar, DateOnly today, string officer)
    {
        var receivedOn = DateOnly.FromDateTime(a.ReceivedAt);
        bool Happens(DateOnly day) => day <= today && rng.NextDouble() > 0.03;

        var ack = calendar.AddWorkingDays(receivedOn, rng.Next(1, 7));
        if (!Happens(ack))
        {
            return;
        }

        a.AcknowledgedOn = ack;
        var decided = calendar.AddWorkingDays(receivedOn, rng.Next(6, 13));
        if (!Happens(decided))
        {
            return;
        }

        a.DecidedOn = decided;
        a.ThresholdMet = rng.NextDouble() < 0.62;
        if (rng.NextDouble() < 0.08)
        {
            a.ThresholdOverride = a.ThresholdMet;
            a.OverrideReason = "Reports made to the council and the housing association about the same matter count too.";
            a.OverriddenByUserId = officer;
            a.OverriddenAt = decided.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
        }

        a.DecisionReason = a.ThresholdMet == true
            ? "Three reports about the same matter in six months, each within a month of the behaviour."
            : "Fewer than three reports about the same matter in the six months before the application; we will keep working with you on the case.";
        if (a.ThresholdMet == false)
        {
            a.OutcomeLetter = $"Dear {a.ApplicantName},\n\nThe threshold for an ASB Case Review is not met. {a.DecisionReason}\n";
            a.OutcomeToldOn = decided;
            if (rng.NextDouble() < 0.15 && decided.AddDays(10) <= today)
            {
                a.AppealBy = a.ApplicantName;
                a.AppealReceivedOn = decided.AddDays(rng.Next(3, 10));
                if (a.AppealReceivedOn.Value.AddDays(14) <= today)
                {
                    a.AppealDecidedOn = a.AppealReceivedOn.Value.AddDays(14);
                    a.AppealOutcome = rng.NextDouble() < 0.3 ? "Upheld: the decision is reconsidered and a review held." : "Not upheld: the decision stands.";
                }
            }

            return;
        }

        var held = calendar.AddWorkingDays(decided, rng.Next(8, 24));
        if (!Happens(held))
        {
            return;
        }

        a.ReviewHeldOn = held;
        a.AgenciesPresent = string.Join("\n", Agencies.Take(rng.Next(2, Agencies.Length + 1)));
        a.ReviewSummary = "The agencies shared what each knows of the problem and agreed how they will act together.";
        var told = calendar.AddWorkingDays(held, rng.Next(2, 8));
        if (!Happens(told))
        {
            return;
        }

        a.OutcomeToldOn = told;
        a.OutcomeLetter = $"Dear {a.ApplicantName},\n\nThe ASB Case Review was held on {held:d MMMM yyyy}. {a.ReviewSummary}\n";
    }
}
