using ArchUnitNET.Loader;

namespace AsbOps.Architecture.Tests;

/// <summary>The compiled app and domain, loaded once for every rule.</summary>
public static class TheHouse
{
    public const string Domain = "AsbOps.Domain";
    public const string Web = "AsbOps.Web";
    public const string Features = "AsbOps.Web.Features";

    /// <summary>Host folders: plumbing that every slice may use and that never uses a slice.</summary>
    public static readonly IReadOnlyList<string> HostFolders = ["Data", "Live", "Email", "Jobs", "Security", "Spreadsheets", "Api", "Telemetry"];

    public static ArchUnitNET.Domain.Architecture Architecture { get; } = new ArchLoader()
        .LoadAssemblies(typeof(global::AsbOps.Web.Live.OpsNotifier).Assembly, typeof(global::AsbOps.Domain.Cases.AsbCase).Assembly)
        .Build();

    /// <summary>The slice a type belongs to (<c>Cases</c> for <c>AsbOps.Web.Features.Cases.Export.CaseExport</c>), or null.</summary>
    public static string? SliceOf(string fullName) => SegmentAfter(fullName, Features + ".");

    /// <summary>The host folder a type belongs to (<c>Data</c> for <c>AsbOps.Web.Data.Auditing.AuditTrail</c>), or null.</summary>
    public static string? HostFolderOf(string fullName) =>
        SegmentAfter(fullName, Web + ".") is { } folder && HostFolders.Contains(folder) ? folder : null;

    /// <summary>The type a nested or generated type belongs to: <c>A+B</c> and <c>A+&lt;M&gt;d__0</c> are <c>A</c>.</summary>
    public static string OuterName(string fullName)
    {
        var cut = fullName.IndexOfAny(['+', '`']);
        return cut < 0 ? fullName : fullName[..cut];
    }

    /// <summary>Every dependency of a type of the app, as (from, to) full names of the outer types.</summary>
    public static IEnumerable<(string From, string To)> Dependencies() =>
        Architecture.Types
            .SelectMany(t => t.Dependencies.Select(d => (From: OuterName(t.FullName), To: OuterName(d.Target.FullName))))
            .Where(d => d.From != d.To)
            .Distinct();

    private static string? SegmentAfter(string fullName, string prefix)
    {
        if (!fullName.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = fullName[prefix.Length..];
        var end = rest.IndexOfAny(['.', '+', '`']);
        return end < 0 ? null : rest[..end];
    }
}
