using AsbOps.Domain.Cases;
using AsbOps.Domain.Incidents;
using AsbOps.Domain.Risk;
using AsbOps.Web.Features.Assessments;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.Assessments;

/// <summary>An area with its sergeant and inspector, an officer, and an open case with one victim.</summary>
public sealed record AssessmentWorld(long CaseId, string CaseRef, long VictimId, long PersonId, UserScope Officer, UserScope Sergeant, UserScope OtherOfficer);

public static class AssessmentFixture
{
    private static int _sequence;

    public static async Task<AssessmentWorld> ArrangeAsync(AsbOpsAppFactory app, string areaCode)
    {
        var area = await app.AddAreaAsync(areaCode);
        var code = areaCode.ToLowerInvariant();
        var sergeant = await app.AddUserAsync($"sgt.{code}@test.local", Roles.Sergeant, area.Id, displayName: $"Sgt {areaCode}");
        var inspector = await app.AddUserAsync($"insp.{code}@test.local", Roles.Inspector, area.Id);
        var officer = await app.AddUserAsync($"pc.{code}@test.local", Roles.Officer, area.Id, displayName: $"PC {areaCode}");
        var other = await app.AddUserAsync($"pc2.{code}@test.local", Roles.Officer, area.Id, displayName: $"PC2 {areaCode}");
        await using var db = app.CreateDbContext();
        var stored = await db.Areas.SingleAsync(a => a.Id == area.Id);
        stored.SergeantUserId = sergeant.Id;
        stored.InspectorUserId = inspector.Id;
        var opened = DateTime.UtcNow.AddDays(-1);
        var b = new CaseBuilder(db, opened);
        var @case = b.Case(area.Id, $"ASB-2026-{900_000 + Interlocked.Increment(ref _sequence):D6}", openedAt: opened, nextReviewInDays: null,
            address: "9 Hill St", postcode: "LE11 2BB", summary: "Targeted abuse");
        var victim = b.Person(@case, PersonRole.Victim, firstName: "Vera", lastName: "Victim" + areaCode, address: "9 Hill St", postcode: "LE11 2BB",
            dateOfBirth: new DateOnly(1970, 5, 1));
        await db.SaveChangesAsync();
        return new AssessmentWorld(@case.Id, @case.Reference, victim.Id, victim.PersonId,
            new UserScope(officer.Id, officer.Email!, Roles.Officer, area.Id, null),
            new UserScope(sergeant.Id, sergeant.Email!, Roles.Sergeant, area.Id, null),
            new UserScope(other.Id, other.Email!, Roles.Officer, area.Id, null));
    }

    /// <summary>Every victim question answered low, with the given answers instead.</summary>
    public static List<AnswerCommand> VictimAnswers(params AnswerCommand[] overrides)
    {
        var answers = new List<AnswerCommand>
        {
            new("frequency", "first", null), new("impact", "minimal", null), new("vulnerable", "no", null),
            new("repeatVictim", "no", null), new("targeted", "no", null), new("hate", "no", null),
            new("support", "comprehensive", null), new("safeguarding", "no", null),
        };
        foreach (var o in overrides)
        {
            answers.RemoveAll(a => a.QuestionKey == o.QuestionKey);
            answers.Add(o);
        }

        return answers;
    }

    /// <summary>Vulnerable and targeted, explained: at least high by the rule.</summary>
    public static List<AnswerCommand> HighVictimAnswers() => VictimAnswers(
        new("vulnerable", "yes", "Lives alone, recent stroke"), new("targeted", "yes", "Door kicked nightly"));

    public static AssessmentCommand Victim(AssessmentWorld w, IReadOnlyList<AnswerCommand> answers, bool complete = true) => new()
    {
        CaseId = w.CaseId,
        CaseParticipantId = w.VictimId,
        Kind = AssessmentKind.Victim,
        Answers = answers,
        Complete = complete,
    };

    public static async Task<AssessmentSaveResult> SaveAsync(AsbOpsAppFactory app, AssessmentCommand command, UserScope user)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IAssessmentService>().SaveAsync(command, user);
    }
}
