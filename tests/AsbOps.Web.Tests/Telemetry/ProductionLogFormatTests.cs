using AsbOps.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Tests.Telemetry;

/// <summary>In Production the console log is JSON with scopes, and the scopes carry the trace and span ids.</summary>
public sealed class ProductionLogFormatTests
{
    [Fact]
    public void InProductionTheConsoleWritesJsonWithTheTraceId()
    {
        using var app = new EnvironmentAppFactory("Production");
        var console = app.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;
        var json = app.Services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue;
        var factory = app.Services.GetRequiredService<IOptions<LoggerFactoryOptions>>().Value;

        Assert.Equal(ConsoleFormatterNames.Json, console.FormatterName);
        Assert.True(json.IncludeScopes);
        Assert.True(json.UseUtcTimestamp);
        Assert.True(factory.ActivityTrackingOptions.HasFlag(ActivityTrackingOptions.TraceId));
        Assert.True(factory.ActivityTrackingOptions.HasFlag(ActivityTrackingOptions.SpanId));
    }

    [Fact]
    public void OutsideProductionTheConsoleKeepsItsReadableFormat()
    {
        using var app = new EnvironmentAppFactory("Testing");
        var console = app.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;
        Assert.NotEqual(ConsoleFormatterNames.Json, console.FormatterName);
    }

    private sealed class EnvironmentAppFactory(string environment) : AsbOpsAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment(environment);
        }
    }
}
