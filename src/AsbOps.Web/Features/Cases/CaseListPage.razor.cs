using AsbOps.Web.Data;
using AsbOps.Web.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AsbOps.Web.Features.Cases;

/// <summary>
/// The case list. The URL's query (<c>?area=&amp;status=&amp;risk=&amp;q=&amp;category=&amp;role=</c>) is the filter's
/// source of truth: links from the dashboard and emails land on the same view, and changing a filter rewrites the URL.
/// </summary>
public sealed partial class CaseListPage
{
    /// <summary>How long typing pauses before the search runs.</summary>
    public const int SearchDebounceMilliseconds = 400;

    private MudTable<CaseListRow>? _table;
    private CaseListQuery _filters = new();
    private IReadOnlyList<AreaInfo> _areas = [];
    private UserScope? _user;
    private string? _message;
    private int? _total;
    private bool _totalIsLowerBound;

    [Inject]
    private ICaseListService Cases { get; set; } = default!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "area")]
    public string? Area { get; set; }

    [SupplyParameterFromQuery(Name = "status")]
    public string? Status { get; set; }

    [SupplyParameterFromQuery(Name = "risk")]
    public string? Risk { get; set; }

    [SupplyParameterFromQuery(Name = "category")]
    public string? Category { get; set; }

    [SupplyParameterFromQuery(Name = "role")]
    public string? Role { get; set; }

    [SupplyParameterFromQuery(Name = "q")]
    public string? Q { get; set; }

    private bool ShowAreaFilter => _user is { RestrictedAreaId: null };

    private bool HasFilters => _filters != new CaseListQuery();

    private string CountText => _total switch
    {
        null => "",
        var n when _totalIsLowerBound => $"More than {n - 1:N0} cases",
        1 => "1 case",
        var n => $"{n:N0} cases",
    };

    /// <summary>The pager's "1-25 of …", honest when counting stopped early.</summary>
    private string PagerInfo => _totalIsLowerBound && _total is { } n
        ? $"{{first_item}}-{{last_item}} of more than {n - 1:N0}"
        : "{first_item}-{last_item} of {all_items}";

    /// <summary>When counting stopped early there is no known last page: its button is hidden (app.css).</summary>
    private string? PagerClass => _totalIsLowerBound ? "pager-open-ended" : null;

    protected override async Task OnInitializedAsync()
    {
        _user = await CurrentUser.GetScopeAsync();
        _areas = await Cases.GetAreasAsync(_user);
    }

    protected override async Task OnParametersSetAsync()
    {
        var fromUrl = Normalise(new CaseListQuery { Area = Area, Status = Status, Risk = Risk, Category = Category, Role = Role, Q = Q });
        if (fromUrl == _filters)
        {
            return;
        }

        // The URL changed from outside (a link, back/forward): show what it asks for.
        _filters = fromUrl;
        await ReloadAsync();
    }

    private Task OnSearchChangedAsync(string? text) => ApplyAsync(_filters with { Q = text });

    private async Task ApplyAsync(CaseListQuery filters)
    {
        _filters = Normalise(filters);
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["area"] = _filters.Area,
            ["status"] = _filters.Status,
            ["risk"] = _filters.Risk,
            ["category"] = _filters.Category,
            ["role"] = _filters.Role,
            ["q"] = _filters.Q,
        }), replace: true);
        await ReloadAsync();
    }

    /// <summary>Back to the first page with the new filters (moving the page loads it; otherwise reload).</summary>
    private async Task ReloadAsync()
    {
        if (_table is null)
        {
            return;
        }

        if (_table.CurrentPage != 0)
        {
            _table.NavigateTo(0);
            return;
        }

        await _table.ReloadServerData();
    }

    private async Task<TableData<CaseListRow>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        _user ??= await CurrentUser.GetScopeAsync();
        var result = await Cases.SearchAsync(_user, _filters with
        {
            Page = state.Page,
            PageSize = state.PageSize,
            SortBy = state.SortDirection == SortDirection.None ? null : state.SortLabel,
            Descending = state.SortDirection == SortDirection.Descending,
        }, cancellationToken);
        if (_message != result.Message || _total != result.TotalCount || _totalIsLowerBound != result.TotalIsLowerBound)
        {
            // The count and message sit outside the table, which re-renders only itself after loading.
            _message = result.Message;
            _total = result.TotalCount;
            _totalIsLowerBound = result.TotalIsLowerBound;
            _ = RenderAfterTheTableAsync();
        }

        return new TableData<CaseListRow> { Items = result.Rows, TotalItems = result.TotalCount };
    }

    /// <summary>
    /// Renders the page once the table has taken the rows just loaded. Rendering at once would show the pager's wording
    /// for the new count over the rows the table still holds ("0-0 of more than 10,000" while the first page loads).
    /// </summary>
    private async Task RenderAfterTheTableAsync()
    {
        await Task.Yield();
        await InvokeAsync(StateHasChanged);
    }

    private static string PeopleText(CaseListRow row)
    {
        var shown = string.Join(", ", row.PeopleShown);
        var others = row.PeopleCount - row.PeopleShown.Count;
        return others > 0 ? $"{shown} (+{others})" : shown;
    }

    private static CaseListQuery Normalise(CaseListQuery query) => new()
    {
        Area = Blank(query.Area),
        Status = Blank(query.Status),
        Risk = Blank(query.Risk),
        Category = Blank(query.Category),
        Role = Blank(query.Role),
        // The search keeps its spaces: the box is bound to it and must not lose what is being typed.
        Q = string.IsNullOrWhiteSpace(query.Q) ? null : query.Q,
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
