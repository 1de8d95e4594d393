namespace AsbOps.Web.Features.Cases;

/// <summary>
/// What the case list asks for, as the words of the URL (<c>?area=&amp;status=&amp;risk=&amp;q=&amp;category=&amp;role=</c>)
/// plus the table's paging and sorting. Values are validated by <see cref="CaseListFilter.Parse"/>.
/// </summary>
public sealed record CaseListQuery
{
    public const int MaxPageSize = 100;

    public string? Area { get; init; }
    public string? Status { get; init; }
    public string? Risk { get; init; }
    public string? Category { get; init; }
    public string? Role { get; init; }
    public string? Q { get; init; }

    /// <summary>Zero-based page index.</summary>
    public int Page { get; init; }

    public int PageSize { get; init; } = 25;

    /// <summary>One of <see cref="CaseListSort"/>'s names; the newest first when empty.</summary>
    public string? SortBy { get; init; }

    public bool Descending { get; init; }
}
