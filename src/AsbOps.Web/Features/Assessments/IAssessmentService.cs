using AsbOps.Web.Security;

namespace AsbOps.Web.Features.Assessments;

/// <summary>Opens and saves assessment forms; the one place an assessment is validated and stored.</summary>
public interface IAssessmentService
{
    /// <summary>The form for a person on the case (<paramref name="participantId"/>) or the case location (null); null when not found or not editable by the user.</summary>
    Task<AssessmentFormData?> LoadFormAsync(UserScope user, string caseReference, long? participantId, CancellationToken cancellationToken = default);

    Task<AssessmentSaveResult> SaveAsync(AssessmentCommand command, UserScope user, CancellationToken cancellationToken = default);
}
