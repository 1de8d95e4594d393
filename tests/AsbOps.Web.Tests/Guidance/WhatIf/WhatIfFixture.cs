using AsbOps.Domain.Cases;
using AsbOps.Domain.Risk;
using AsbOps.Web.Data;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Tests.Guidance.WhatIf;

/// <summary>
/// Six complete victim assessments under version 1 in area WHATIF, completed on 18 February 2026, and one in another
/// area. The draft raises "vulnerable = yes" from 3 to 6. By hand (bands 0–5 low, 6–10 medium, 11+ high):
/// <list type="bullet">
/// <item>A1 (case 1): weekly 2 + significant 2 + vulnerable 3 = 7 medium; draft 10 medium — no change.</item>
/// <item>A2 (case 2): daily 3 + significant 2 + vulnerable 3 + support none 2 = 10 medium; draft 13 high — medium → high.</item>
/// <item>A3 (case 3): vulnerable 3 + support none 2 = 5 low; draft 8 medium — low → medium.</item>
/// <item>A4 (case 3, a second victim): all lowest, 0 low; draft 0 low — no change.</item>
/// <item>A5 (case 4): vulnerable 3 + targeted 2 = 5, high by the rule; draft 8, still high by the rule — no change.</item>
/// <item>A6 (case 5): daily 3 + severe 3 + vulnerable 3 + none 2 = 11 high, lowered to medium with a sergeant's approval;
/// draft 14 high, the approval stands — medium both ways.</item>
/// <item>A7 (other area): as A2 — left out by the area filter.</item>
/// </list>
/// </summary>
public class WhatIfFixture : AsbOpsAppFactory, IAsyncLifetime
{
    public static readonly DateTime Now = new(2026, 3, 10, 12, 0, 0, DateTimeKind.Utc);

    /// <summary>Every victim's name and address: a guidance reviewer must never see them.</summary>
    public const string FirstName = "Wilhelmina", LastName = "Quarterfield", Address = "17 Lark Rise";

    /// <summary>The override rationale (free text) of A6.</summary>
    public const string Rationale = "Family moved in with the victim";

    public int Area { get; private set; }

    public int OtherArea { get; private set; }

    public string Case2 { get; private set; } = "";

    public string Case3 { get; private set; } = "";

    public static GuidanceDefinition Draft()
    {
        var v1 = RiskGuidanceV1.Definition;
        var victim = v1.Matrix(AssessmentKind.Victim);
        var questions = victim.Questions.Select(q => q.Key != "vulnerable" ? q : q with
        {
            Options = [.. q.Options.Select(o => o.Value == QuestionDefinition.Yes ? o with { Score = 6 } : o)],
        }).ToList();
        return v1 with { Matrices = [.. v1.Matrices.Select(m => m.Kind == AssessmentKind.Victim ? victim with { Questions = questions } : m)] };
    }

    public async Task InitializeAsync()
    {
        Area = (await AddAreaAsync("WHATIF")).Id;
        OtherArea = (await AddAreaAsync("WHATIFX")).Id;
        await using var db = CreateDbContext();
        var version = await db.GuidanceVersions.Where(v => v.Number == 1).Select(v => v.Id).SingleAsync();
        var b = new CaseBuilder(db, version, Now);

        Assessment Victim(AsbCase c, RiskLevel level, params (string Key, string Value)[] answers)
        {
            var a = b.Assess(c, b.Person(c, PersonRole.Victim, firstName: FirstName, lastName: LastName, address: Address), level, createdDaysAgo: 20);
            var given = answers.ToDictionary(x => x.Key, x => x.Value);
            foreach (var (key, low) in new[]
            {
                ("frequency", "first"), ("impact", "minimal"), ("vulnerable", "no"), ("repeatVictim", "no"), ("targeted", "no"),
                ("hate", "no"), ("support", "comprehensive"), ("safeguarding", "no"),
            })
            {
                b.Answer(a, key, given.GetValueOrDefault(key, low));
            }

            return a;
        }

        var c1 = b.Case(Area);
        Victim(c1, RiskLevel.Medium, ("frequency", "weekly"), ("impact", "significant"), ("vulnerable", "yes"));
        var c2 = b.Case(Area);
        Victim(c2, RiskLevel.Medium, ("frequency", "daily"), ("impact", "significant"), ("vulnerable", "yes"), ("support", "none"));
        var c3 = b.Case(Area);
        Victim(c3, RiskLevel.Low, ("vulnerable", "yes"), ("support", "none"));
        Victim(c3, RiskLevel.Low);
        var c4 = b.Case(Area);
        Victim(c4, RiskLevel.High, ("vulnerable", "yes"), ("targeted", "yes"));
        var c5 = b.Case(Area);
        var a6 = Victim(c5, RiskLevel.Medium, ("frequency", "daily"), ("impact", "severe"), ("vulnerable", "yes"), ("support", "none"));
        a6.ComputedLevel = RiskLevel.High;
        a6.Score = 11;
        a6.JudgementLevel = RiskLevel.Medium;
        a6.JudgementRationale = Rationale;
        a6.JudgementApproval = OverrideApproval.Approved;
        var other = b.Case(OtherArea);
        Victim(other, RiskLevel.Medium, ("frequency", "daily"), ("impact", "significant"), ("vulnerable", "yes"), ("support", "none"));
        await db.SaveChangesAsync();
        Case2 = c2.Reference;
        Case3 = c3.Reference;
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}
