using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using PraTracker.Web.Components;

namespace PraTracker.Web.Security;

/// <summary>
/// Authorization denies by default (the fallback policy is Staff), so a page or endpoint that names no rule is never
/// public by accident. Two things are let through on purpose: the Blazor framework's own plumbing (its script and the
/// circuit hub, which carry no data and which anonymous visitors of public pages need), and addresses that match
/// nothing, which are "not found" for everyone rather than a sign-in prompt.
/// </summary>
public static class DenyByDefault
{
    public static WebApplication MapPraTrackerComponents(this WebApplication app)
    {
        var components = app.MapGroup("");

        // The app's own Content-Security-Policy (SecurityHeaders) says frame-ancestors 'none', so Blazor adds no policy of its own.
        components.MapRazorComponents<App>().AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = null);
        // Finally: the page metadata (its component type and attributes) is on the endpoint only by then.
        ((IEndpointConventionBuilder)components).Finally(endpoint =>
        {
            if (!endpoint.Metadata.OfType<ComponentTypeMetadata>().Any())
            {
                endpoint.Metadata.Add(new AllowAnonymousAttribute());
            }
        });

        app.MapNotFoundFallback();
        return app;
    }

    /// <summary>An address that matches nothing is "not found" for everyone, never a sign-in prompt.</summary>
    public static IEndpointRouteBuilder MapNotFoundFallback(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapFallback("{*path}", () => Results.NotFound()).AllowAnonymous();
        return endpoints;
    }
}
