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

    // MudBlazor's KeyInterceptorService is only IAsyncDisposable; xunit disposes async first, so the container is clean.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
