namespace AsbOps.Web.Features.Intake.Api;

public enum IntakeOutcome
{
    Created = 1,
    Duplicate = 2,
    Conflict = 3,
}

/// <summary>What happened to one submitted incident.</summary>
public sealed record IntakeResult(IntakeOutcome Outcome, long Id, string StormRef, string? CaseRef);

/// <summary>The entry point for control-room incidents: hands them to the single writer and waits for the answer.</summary>
public sealed class IncidentIntakeService(IncidentWriter writer)
{
    public async Task<IntakeResult> SubmitAsync(IncidentSubmission submission, CancellationToken cancellationToken = default) =>
        (await writer.WriteAsync([submission], cancellationToken))[0];

    public Task<IReadOnlyList<IntakeResult>> SubmitBatchAsync(IReadOnlyList<IncidentSubmission> submissions, CancellationToken cancellationToken = default) =>
        writer.WriteAsync(submissions, cancellationToken);
}
