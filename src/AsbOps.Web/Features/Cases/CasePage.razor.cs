using AsbOps.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace AsbOps.Web.Features.Cases;

/// <summary>
/// The read-only case page. Unknown, malformed and not-visible references all show the same "not found" view, so
/// the page never reveals that a case exists. (It answers 200: setting 404 while prerendering makes .NET 10 drop
/// the page body in favour of its own not-found handling, which would lose the friendly message.)
/// </summary>
public sealed partial class CasePage : IDisposable
{
    private CaseDetails? _case;
    private bool _loading = true;
    private string? _loadedReference;
    private long? _viewRecordedFor;
    private PersistingComponentStateSubscription? _persisting;

    [Parameter]
    public string CaseRef { get; set; } = "";

    [Inject]
    private ICaseDetailsService Details { get; set; } = default!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    private PersistentComponentState ApplicationState { get; set; } = default!;

    private string Title => _case?.Reference ?? (_loading ? "Case" : "Case not found");

    private List<BreadcrumbItem> Breadcrumbs =>
    [
        new("Cases", href: "/cases"),
        new(_case?.Reference ?? CaseRef, href: null, disabled: true),
    ];

    protected override async Task OnParametersSetAsync()
    {
        if (string.Equals(_loadedReference, CaseRef, StringComparison.Ordinal))
        {
            return;
        }

        _loadedReference = CaseRef;
        _loading = true;
        var user = await CurrentUser.GetScopeAsync();
        _case = await Details.GetAsync(user, CaseRef);
        _loading = false;
        if (_case is not null)
        {
            await RecordViewOnceAsync(user, _case);
        }
    }

    /// <summary>Reads the case again after a change made on this page (a review, a closing); not a new view.</summary>
    private async Task ReloadAsync() => _case = await Details.GetAsync(await CurrentUser.GetScopeAsync(), CaseRef);

    /// <summary>
    /// One visit renders twice: prerendered over HTTP, then again when the circuit starts. The prerender records the
    /// view and leaves a note in the persisted component state; the interactive render takes that note and does not
    /// record again. Opening a case from inside a running circuit has no prerender, hence no note, so it records
    /// there. Recording on the first render (not only the interactive one) means a visit is audited even when the
    /// circuit never starts, e.g. a page fetched without JavaScript.
    /// </summary>
    private async Task RecordViewOnceAsync(UserScope user, CaseDetails details)
    {
        if (ApplicationState.TryTakeFromJson<long>(StateKey(details.Reference), out var recorded) && recorded == details.Id)
        {
            return;
        }

        await Details.RecordViewAsync(user, details.Id);
        _viewRecordedFor = details.Id;
        _persisting ??= ApplicationState.RegisterOnPersisting(PersistViewNoteAsync, RenderMode.InteractiveServer);
    }

    private Task PersistViewNoteAsync()
    {
        if (_case is not null && _viewRecordedFor == _case.Id)
        {
            ApplicationState.PersistAsJson(StateKey(_case.Reference), _case.Id);
        }

        return Task.CompletedTask;
    }

    internal static string StateKey(string reference) => $"case-view-recorded:{reference}";

    public void Dispose() => _persisting?.Dispose();
}
