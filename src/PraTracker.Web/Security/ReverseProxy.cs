using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace PraTracker.Web.Security;

/// <summary>
/// Behind a reverse proxy or load balancer the app sees the proxy's address, not the visitor's: rate limits would
/// then count every visitor as one. Proxy:KnownNetworks names the networks (CIDR, comma-separated) whose
/// X-Forwarded-For and X-Forwarded-Proto headers are believed; with none named, those headers are ignored, so a
/// visitor cannot forge their address.
/// </summary>
public static class ReverseProxy
{
    public const string KnownNetworksKey = "Proxy:KnownNetworks";

    public static IServiceCollection AddPraTrackerReverseProxy(this IServiceCollection services, IConfiguration configuration)
    {
        var networks = ParseNetworks(configuration[KnownNetworksKey]);
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            // The middleware believes every sender when it knows no network, so with none named it reads no header at all.
            options.ForwardedHeaders = networks.Count > 0 ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto : ForwardedHeaders.None;
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(network);
            }

            // One proxy in front of the app, or a chain within the named networks.
            options.ForwardLimit = null;
        });
        return services;
    }

    /// <summary>Reads "10.0.0.0/8, 172.16.0.0/12"; a value that is not a network stops start-up with the reason.</summary>
    public static IReadOnlyList<IPNetwork> ParseNetworks(string? written)
    {
        var networks = new List<IPNetwork>();
        foreach (var part in (written ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!IPNetwork.TryParse(part, out var network))
            {
                throw new InvalidOperationException($"{KnownNetworksKey} holds \"{part}\", which is not a network such as 10.0.0.0/8.");
            }

            networks.Add(network);
        }

        return networks;
    }
}
