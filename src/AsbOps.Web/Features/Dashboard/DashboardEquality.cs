namespace AsbOps.Web.Features.Dashboard;

/// <summary>
/// Whether a part of the dashboard shows the same as before, compared by what it shows (the records hold lists, which
/// records compare by reference). Each live change reloads every dashboard circuit of its scope; the parts that did not
/// move skip rendering (<c>ShouldRender</c>), so a change costs each circuit the diff of what moved, not of the page.
/// </summary>
public static class DashboardEquality
{
    public static bool Same(DashboardQueue? shown, DashboardQueue next) =>
        shown is not null
        && shown.Key == next.Key && shown.Title == next.Title && shown.Count == next.Count
        && shown.EmptyText == next.EmptyText && shown.Note == next.Note
        && shown.Items.SequenceEqual(next.Items);

    public static bool Same(RiskHeatmap? shown, RiskHeatmap next) =>
        shown is not null
        && shown.Title == next.Title
        && shown.Rows.Count == next.Rows.Count
        && shown.Rows.Zip(next.Rows).All(pair =>
            pair.First.Key == pair.Second.Key && pair.First.Label == pair.Second.Label && pair.First.Cells.SequenceEqual(pair.Second.Cells));

    public static bool SameTrend(IReadOnlyList<int?>? shown, IReadOnlyList<int?>? next) =>
        shown is null ? next is null : next is not null && shown.SequenceEqual(next);
}
