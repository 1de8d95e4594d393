using AsbOps.Domain.Risk;
using AsbOps.Web.Data;
using AsbOps.Web.Features.Assessments;
using AsbOps.Web.Security;

namespace AsbOps.Web.Tests.Assessments;

/// <summary>Serves a fixed form and answers saves from a queue, recording every command it is sent.</summary>
public sealed class FakeAssessmentService : IAssessmentService
{
    public AssessmentFormData? Form { get; set; } = Sample();

    public Queue<AssessmentSaveResult> Results { get; } = new();

    public List<AssessmentCommand> Commands { get; } = [];

    public static AssessmentFormData Sample() => new()
    {
        CaseId = 42,
        CaseReference = "ASB-2026-004213",
        CaseParticipantId = 7,
        Kind = AssessmentKind.Victim,
        Subject = "Vera Victim",
        GuidanceVersionNumber = 1,
        Guidance = RiskGuidanceV1.Definition,
    };

    public Task<AssessmentFormData?> LoadFormAsync(UserScope user, string caseReference, long? participantId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Form);

    public Task<AssessmentSaveResult> SaveAsync(AssessmentCommand command, UserScope user, CancellationToken cancellationToken = default)
    {
        Commands.Add(command);
        return Task.FromResult(Results.Count > 0
            ? Results.Dequeue()
            : new AssessmentSaveResult(CommandOutcome.Saved, new Dictionary<string, string>(), null, 99, 1, AssessmentStatus.Draft, RiskLevel.Low));
    }
}
