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
