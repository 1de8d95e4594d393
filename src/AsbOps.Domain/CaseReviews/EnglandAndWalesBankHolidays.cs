namespace AsbOps.Domain.CaseReviews;

/// <summary>
/// England and Wales bank holidays as published by GOV.UK, substitute days included (a holiday on a weekend moves
/// to the next weekday). Later years are added here, or by a deployment through <c>CaseReview:ExtraHolidays</c>.
/// </summary>
public static class EnglandAndWalesBankHolidays
{
    public static IReadOnlyList<DateOnly> All { get; } =
    [
        new(2025, 1, 1), new(2025, 4, 18), new(2025, 4, 21), new(2025, 5, 5),
        new(2025, 5, 26), new(2025, 8, 25), new(2025, 12, 25), new(2025, 12, 26),

        new(2026, 1, 1), new(2026, 4, 3), new(2026, 4, 6), new(2026, 5, 4),
        new(2026, 5, 25), new(2026, 8, 31), new(2026, 12, 25), new(2026, 12, 28),

        new(2027, 1, 1), new(2027, 3, 26), new(2027, 3, 29), new(2027, 5, 3),
        new(2027, 5, 31), new(2027, 8, 30), new(2027, 12, 27), new(2027, 12, 28),

        new(2028, 1, 3), new(2028, 4, 14), new(2028, 4, 17), new(2028, 5, 1),
        new(2028, 5, 29), new(2028, 8, 28), new(2028, 12, 25), new(2028, 12, 26),
    ];
}
