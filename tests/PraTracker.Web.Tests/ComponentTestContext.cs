using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace PraTracker.Tests;

/// <summary>The one bUnit context for component tests: MudBlazor's services, loose JS interop, no popover-provider check.</summary>
public abstract class ComponentTestContext : BunitContext, IAsyncLifetime
{
    protected ComponentTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(options => options.PopoverOptions.CheckForPopoverProvider = false);
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that only dispose asynchronously, so the context must be disposed that way.
    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
