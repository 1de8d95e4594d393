using AsbOps.Domain.Retention;

namespace AsbOps.Web.Features.Retention;

/// <summary>Settings of case retention, section <c>Retention</c>.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Whole years after closing when a case's retention is reviewed (default six).</summary>
    public int ReviewAfterYears { get; set; } = RetentionPolicy.DefaultReviewAfterYears;
}
