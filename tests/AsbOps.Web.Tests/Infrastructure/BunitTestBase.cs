using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace AsbOps.Web.Tests.Infrastructure;

/// <summary>bUnit context with MudBlazor's services and loose JS interop, as MudBlazor's own tests do.</summary>
public abstract class BunitTestBase : BunitContext, IAsyncLifetime
{
    protected BunitTestBase()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    /// <summary>MudBlazor's services are only asynchronously disposable, so xunit must dispose the context asynchronously.</summary>
    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
