using AsbOps.Web.Data;
using AsbOps.Web.Features.CaseReviews;
using AsbOps.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.CaseReviews;

/// <summary>The case review prompt as a fake, for bUnit tests of the case page, which places the prompt section.</summary>
public static class CaseReviewFakes
{
    public static IServiceCollection AddCaseReviewFakes(this IServiceCollection services, FakeCaseReviewPrompts? prompts = null) =>
        services.AddSingleton<ICaseReviewPrompts>(prompts ?? new FakeCaseReviewPrompts());
}

/// <summary>A prompt model held in memory (none by default: the section then shows nothing).</summary>
public sealed class FakeCaseReviewPrompts : ICaseReviewPrompts
{
    public CasePromptModel? Model { get; set; }

    public Task<CasePromptModel?> ForCaseAsync(UserScope user, long caseId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Model);

    public Task<CommandResult> RecordAsync(UserScope user, long caseId, long incidentId, PromptInput input, CancellationToken cancellationToken = default) =>
        Task.FromResult(CommandResult.Saved(1));
}

/// <summary>The later edits held in memory: what the panel asked to save, answered with <see cref="Answer"/>.</summary>
public sealed class FakeCaseReviewLaterEdits : ICaseReviewLaterEdits
{
    public CommandResult Answer { get; set; } = CommandResult.Saved(1);

    public List<(long Id, int Version, long? IncidentId, DateTime? On)> BehaviourDates { get; } = [];

    public List<(long Id, int Version, string? CaseRef)> Links { get; } = [];

    public Task<CommandResult> SetBehaviourDateAsync(UserScope user, long id, int version, BehaviourDateInput input, CancellationToken cancellationToken = default)
    {
        BehaviourDates.Add((id, version, input.IncidentId, input.On));
        return Task.FromResult(Answer);
    }

    public Task<CommandResult> LinkCaseAsync(UserScope user, long id, int version, CaseLinkInput input, CancellationToken cancellationToken = default)
    {
        Links.Add((id, version, input.CaseRef));
        return Task.FromResult(Answer);
    }
}
