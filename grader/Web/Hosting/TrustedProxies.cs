using System.Net;
using Course.Core.Errors;
using Microsoft.AspNetCore.HttpOverrides;

namespace Course.Grader.Web.Hosting;

/// <summary>
/// The proxies whose <c>X-Forwarded-Proto</c> and <c>X-Forwarded-For</c> are believed: <c>Web:KnownProxies</c>
/// (addresses) and <c>Web:KnownNetworks</c> (CIDR ranges), comma-separated. None by default, not even
/// loopback, so a client cannot claim HTTPS or another address; a TLS-terminating proxy must be named.
/// </summary>
internal static class TrustedProxies
{
    /// <summary>
    /// The forwarded-headers options, or null when no proxy is configured: then the middleware must not run at
    /// all, since with empty lists it believes every address.
    /// </summary>
    public static ForwardedHeadersOptions? From(IConfiguration configuration)
    {
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var entry in Entries(configuration, "Web:KnownProxies"))
        {
            options.KnownProxies.Add(IPAddress.TryParse(entry, out var address)
                ? address
                : throw new BadInputException($"Web:KnownProxies: '{entry}' is not an IP address like 10.0.0.5"));
        }

        foreach (var entry in Entries(configuration, "Web:KnownNetworks"))
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(entry, out var network)
                ? network
                : throw new BadInputException($"Web:KnownNetworks: '{entry}' is not a network like 10.0.0.0/24"));
        }

        return options.KnownProxies.Count + options.KnownIPNetworks.Count > 0 ? options : null;
    }

    private static string[] Entries(IConfiguration configuration, string key) =>
        (configuration[key] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
