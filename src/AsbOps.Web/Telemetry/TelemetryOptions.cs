using System.Net;

namespace AsbOps.Web.Telemetry;

/// <summary>Settings under <c>Telemetry</c>: where OTLP goes, and who may scrape <c>/observability/metrics</c> without a key.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>An OpenTelemetry collector (e.g. <c>http://collector:4317</c>); unset, nothing is pushed anywhere.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>grpc</c> (the default, port 4317) or <c>http/protobuf</c> (port 4318).</summary>
    public string OtlpProtocol { get; set; } = "grpc";

    /// <summary>
    /// Addresses (<c>10.0.4.7</c>) or networks (<c>10.0.4.0/24</c>) that may scrape the metrics without a key: the
    /// Prometheus servers. Behind a proxy the address is the client's only when the proxy is in <c>App:TrustedProxies</c>.
    /// </summary>
    public List<string> ScrapeAllowedAddresses { get; set; } = [];

    /// <summary>The allowed networks, or the first entry that is neither an address nor a network.</summary>
    public static (IReadOnlyList<IPNetwork> Networks, string? Invalid) ParseAddresses(IEnumerable<string> entries)
    {
        var networks = new List<IPNetwork>();
        foreach (var raw in entries)
        {
            var entry = raw?.Trim() ?? "";
            if (entry.Length == 0)
            {
                continue;
            }

            if (IPNetwork.TryParse(entry, out var network))
            {
                networks.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var address))
            {
                address = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
                networks.Add(new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128));
            }
            else
            {
                return (networks, entry);
            }
        }

        return (networks, null);
    }
}
