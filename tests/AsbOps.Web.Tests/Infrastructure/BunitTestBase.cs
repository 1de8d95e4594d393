using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace AsbOps.Web.Tests.Infrastructure;

/// <summary>bUnit context with MudBlazor's services and loose JS interop, as MudBlazor's own tests do.</summary>
/// <remarks>
/// Disposed asynchronously (<see cref="IAsyncLifetime"/>): some MudBlazor services, created once a popover provider
/// renders, are only <see cref="IAsyncDisposable"/>, and a synchronous dispose of the container throws.
/// </remarks>
public abstract class BunitTestBase : BunitContext, IAsyncLifetime
{
    protected BunitTestBase()
    {
        // Waits end as soon as their assertion passes; bUnit's default of one second is too short for a first render
        // of a MudBlazor page on a loaded 2-core machine (CI runs the test classes in parallel).
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
