using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;

namespace PraTracker.Tests;

/// <summary>The app's routes as its own endpoint table holds them, and addresses made from their patterns.</summary>
public static partial class AppRoutes
{
    public static IEnumerable<RouteEndpoint> Of(AppFixture fixture) =>
        fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

    /// <summary>The app's own routes: everything but static files and the Blazor circuit's plumbing, one per pattern.</summary>
    public static IEnumerable<RouteEndpoint> Own(AppFixture fixture) =>
        Of(fixture)
            .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
            .Where(e => e.Metadata.GetMetadata<HubMetadata>() is null && e.Metadata.GetMetadata<NegotiateMetadata>() is null)
            .Where(e => !e.RoutePattern.RawText!.StartsWith("/_blazor/", StringComparison.Ordinal) && !e.RoutePattern.RawText.StartsWith("/_framework/", StringComparison.Ordinal))
            .Where(e => e.DisplayName?.StartsWith("Fallback", StringComparison.Ordinal) != true) // the static-file fallback
            .DistinctBy(e => e.RoutePattern.RawText);

    /// <summary>An address for a pattern, each route parameter (as written, "{Id:guid}") replaced by what <paramref name="valueOf"/> gives.</summary>
    public static string Fill(string pattern, Func<string, string> valueOf) => "/" + Parameter().Replace(pattern, m => valueOf(m.Value)).Trim('/');

    /// <summary>A value that reaches the page or its authorization: an empty id, a law's code, a made-up secret, nothing for a catch-all.</summary>
    public static string Harmless(string parameter) => parameter switch
    {
        var p when p.StartsWith("{**", StringComparison.Ordinal) => "",
        var p when p.Contains("guid", StringComparison.Ordinal) => Guid.Empty.ToString(),
        "{Code}" => "US-CA",
        _ => "not-a-real-secret",
    };

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
