using AsbOps.Domain.Incidents;
using AsbOps.Web.Data;
using AsbOps.Web.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AsbOps.Web.Features.Intake;

public sealed partial class IncidentsPage(IncidentQueries incidents, CurrentUser currentUser)
{
    private MudTable<IncidentRow>? _table;
    private UserScope? _scope;
    private IReadOnlyList<AreaInfo> _areas = [];
    private int? _areaId;
    private IncidentScreeningState? _state;
    private AsbCategory? _category;
    private string? _search;

    /// <summary>Initial search from a link, e.g. <c>/incidents?q=LE11</c>.</summary>
    [SupplyParameterFromQuery(Name = "q")]
    public string? InitialSearch { get; set; }

    /// <summary>Initial status filter from a link: <c>awaiting</c>, <c>case-managed</c> or <c>not-case-managed</c>.</summary>
    [SupplyParameterFromQuery(Name = "status")]
    public string? InitialStatus { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _search = InitialSearch;
        _state = IncidentText.ParseState(InitialStatus);
        _scope = await currentUser.GetScopeAsync();
        _areas = await incidents.AreasAsync(_scope);
    }

    private async Task<TableData<IncidentRow>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        _scope ??= await currentUser.GetScopeAsync();
        bool? newestFirst = state.SortLabel == "received" && state.SortDirection != SortDirection.None
            ? state.SortDirection == SortDirection.Descending
            : null;
        var query = new IncidentListQuery(_areaId, _state, _category, _search, state.Page, state.PageSize, newestFirst);
        var page = await incidents.ListAsync(_scope, query, cancellationToken);
        return new TableData<IncidentRow> { Items = page.Items, TotalItems = page.TotalCount };
    }

    private Task OnAreaChangedAsync(int? areaId)
    {
        _areaId = areaId;
        return ReloadAsync();
    }

    private Task OnStateChangedAsync(IncidentScreeningState? state)
    {
        _state = state;
        return ReloadAsync();
    }

    private Task OnCategoryChangedAsync(AsbCategory? category)
    {
        _category = category;
        return ReloadAsync();
    }

    private Task OnSearchChangedAsync(string? search)
    {
        _search = search;
        return ReloadAsync();
    }

    private Task ReloadAsync() => _table?.ReloadServerData() ?? Task.CompletedTask;
}
