using AsbOps.Domain.CaseReviews;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Features.CaseReviews;

/// <summary>The bound <see cref="CaseReviewSettings"/> (section <c>CaseReview</c>) and the clock they make.</summary>
public sealed class CaseReviewOptions(IOptions<CaseReviewSettings> settings)
{
    private readonly Lazy<CaseReviewClock> _clock = new(() => new CaseReviewClock(settings.Value));

    public CaseReviewSettings Settings => settings.Value;

    public CaseReviewClock Clock => _clock.Value;
}
