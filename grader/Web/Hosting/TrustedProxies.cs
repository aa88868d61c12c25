using System.Net;
using Course.Core.Settings;
using Microsoft.AspNetCore.HttpOverrides;

namespace Course.Grader.Web.Hosting;

/// <summary>
/// The proxies whose <c>X-Forwarded-Proto</c> and <c>X-Forwarded-For</c> are believed: <c>Web:KnownProxies</c>
/// (addresses) and <c>Web:KnownNetworks</c> (CIDR ranges), comma-separated. None by default, not even
/// loopback, so a client cannot claim HTTPS or another address; a TLS-terminating proxy must be named.
/// </summary>
/// <param name="Forwarding">
/// The forwarded-headers options, or null when no proxy is configured: then the middleware must not run at
/// all, since with empty lists it believes every address.
/// </param>
internal sealed record TrustedProxies(ForwardedHeadersOptions? Forwarding)
{
    /// <summary>Reads the two settings; a mistyped entry is bad input naming its key.</summary>
    public static TrustedProxies From(IConfiguration configuration)
    {
        var web = new SettingsSection(configuration, "Web");
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var entry in Entries(web, "KnownProxies"))
        {
            options.KnownProxies.Add(IPAddress.TryParse(entry, out var address)
                ? address
                : throw web.Invalid("KnownProxies", entry, "an IP address like 10.0.0.5"));
        }

        foreach (var entry in Entries(web, "KnownNetworks"))
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(entry, out var network)
                ? network
                : throw web.Invalid("KnownNetworks", entry, "a network like 10.0.0.0/24"));
        }

        return new(options.KnownProxies.Count + options.KnownIPNetworks.Count > 0 ? options : null);
    }

    private static string[] Entries(SettingsSection web, string key) =>
        (web.Text(key) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
