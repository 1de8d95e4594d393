namespace AsbOps.Domain.Retention;

/// <summary>When a closed case's retention review falls due: a number of whole years after it closed (default six).</summary>
public static class RetentionPolicy
{
    public const int DefaultReviewAfterYears = 6;

    public static DateTime ReviewDue(DateTime closedAt, int reviewAfterYears) =>
        reviewAfterYears < 1 ? throw new ArgumentOutOfRangeException(nameof(reviewAfterYears), reviewAfterYears, "At least one year.") : closedAt.AddYears(reviewAfterYears);
}
