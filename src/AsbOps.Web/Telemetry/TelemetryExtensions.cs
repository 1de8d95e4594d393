using AsbOps.Web.Email;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AsbOps.Web.Telemetry;

/// <summary>
/// OpenTelemetry metrics and traces: ASP.NET Core, outgoing HTTP, EF Core, the .NET runtime and the app's own meter
/// (<see cref="AsbOpsMetrics"/>); pushed by OTLP when <c>Telemetry:OtlpEndpoint</c> is set, and always readable by
/// Prometheus at <see cref="ScrapePath"/> (<see cref="ScrapeAccess"/>). In Production the console log is JSON, one
/// object a line, with the trace and span ids of the request that wrote it.
/// </summary>
public static class TelemetryExtensions
{
    public const string ScrapePath = "/observability/metrics";
    public const string ServiceName = "asbops";

    public static WebApplicationBuilder AddAsbOpsTelemetry(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(TelemetryOptions.Section);
        var options = section.Get<TelemetryOptions>() ?? new TelemetryOptions();
        builder.Services.Configure<TelemetryOptions>(section);
        if (TelemetryOptions.ParseAddresses(options.ScrapeAllowedAddresses).Invalid is { } invalid)
        {
            throw new InvalidOperationException(
                $"Telemetry:ScrapeAllowedAddresses holds \"{invalid}\", which is neither an address (10.0.4.7) nor a network (10.0.4.0/24).");
        }

        var otlp = OtlpTarget(options);

        builder.Services.AddSingleton(sp =>
        {
            var metrics = new AsbOpsMetrics(sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
            if (sp.GetService<OutboxBacklog>() is { } backlog)
            {
                metrics.ObserveOutbox(backlog.Current);
            }

            return metrics;
        });
        builder.Services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, CircuitTelemetry>());
        builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, ScrapeHandler>();
        builder.Services.AddAuthorizationBuilder().AddScrapePolicy();

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName, serviceInstanceId: Environment.MachineName))
            .WithMetrics(metrics => metrics
                .AddMeter(AsbOpsMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(aspnet => aspnet.Filter = context =>
                    !context.Request.Path.StartsWithSegments(ScrapePath) && !context.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation());
        if (otlp is { } target)
        {
            telemetry.UseOtlpExporter(target.Protocol, target.Endpoint);
        }

        if (builder.Environment.IsProduction())
        {
            builder.Logging.AddJsonConsole(json =>
            {
                json.IncludeScopes = true;
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }

        builder.Logging.Configure(logging => logging.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        return builder;
    }

    /// <summary>The Prometheus endpoint, for a key with <c>ops:read</c> or an allowed address.</summary>
    public static void MapAsbOpsTelemetry(this WebApplication app)
    {
        // The gauges exist from the start, not from the first request that happens to need the meter.
        app.Services.GetRequiredService<AsbOpsMetrics>();
        app.MapPrometheusScrapingEndpoint(ScrapePath).RequireAuthorization(ScrapeAccess.Policy);
    }

    private static (OtlpExportProtocol Protocol, Uri Endpoint)? OtlpTarget(TelemetryOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.OtlpEndpoint))
        {
            return null;
        }

        if (!Uri.TryCreate(options.OtlpEndpoint.Trim(), UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException(
                $"Telemetry:OtlpEndpoint \"{options.OtlpEndpoint}\" is not an absolute http or https address, such as http://collector:4317.");
        }

        var protocol = options.OtlpProtocol.Trim().ToLowerInvariant() switch
        {
            "grpc" or "" => OtlpExportProtocol.Grpc,
            "http/protobuf" or "http" => OtlpExportProtocol.HttpProtobuf,
            _ => throw new InvalidOperationException(
                $"Telemetry:OtlpProtocol \"{options.OtlpProtocol}\" is not known: use grpc or http/protobuf."),
        };
        return (protocol, endpoint);
    }
}
