namespace AsbOps.Architecture.Tests;

/// <summary>The dependency rules of engineering.md, checked on the compiled assemblies.</summary>
public sealed class DependencyRuleTests
{
    private static readonly string[] DomainMayNotUse =
        ["Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Microsoft.Extensions", "MudBlazor", "System.Net.Http", TheHouse.Web];

    [Fact]
    public void TheDomainUsesNeitherEfCoreNorAspNetNorTheWebProject()
    {
        var found = DomainViolations(TheHouse.Dependencies());

        Assert.True(found.Count == 0, "The Domain must stay plain C#:\n" + string.Join('\n', found));
    }

    [Fact]
    public void HostFoldersNeverUseAFeatureSlice()
    {
        var found = HostViolations(TheHouse.Dependencies());

        Assert.True(found.Count == 0, "Data, Live, Email, Jobs, Security, Spreadsheets, Api and Telemetry never use Features:\n" + string.Join('\n', found));
    }

    [Fact]
    public void ASliceUsesAnotherSliceOnlyThroughItsNamedEntryPoints()
    {
        var found = SliceViolations(TheHouse.Dependencies());

        Assert.True(found.Count == 0,
            "A slice uses another slice's internals; move the piece to a shared home or name it in SliceEntryPoints with a reason:\n"
            + string.Join('\n', found));
    }

    [Fact]
    public void NoTwoSlicesUseEachOther()
    {
        var edges = SliceEdges(TheHouse.Dependencies());
        var both = edges.Where(e => string.CompareOrdinal(e.From, e.To) < 0 && edges.Contains((e.To, e.From)))
            .Select(e => $"{e.From} <-> {e.To}").ToList();

        Assert.True(both.Count == 0, "Slices that use each other:\n" + string.Join('\n', both));
    }

    [Fact]
    public void EveryNamedEntryPointExistsAndIsUsed()
    {
        var types = TheHouse.Architecture.Types.Select(t => t.FullName).ToHashSet();
        var used = SliceEdgesByTarget(TheHouse.Dependencies());

        var stale = SliceEntryPoints.Allowed.Keys.Where(name => !types.Contains(name) || !used.Contains(name)).ToList();

        Assert.True(stale.Count == 0, "Entry points that no longer exist or no other slice uses; take them off the list:\n" + string.Join('\n', stale));
    }

    public static List<string> DomainViolations(IEnumerable<(string From, string To)> dependencies) =>
        dependencies
            .Where(d => d.From.StartsWith(TheHouse.Domain + ".", StringComparison.Ordinal))
            .Where(d => DomainMayNotUse.Any(p => d.To.StartsWith(p + ".", StringComparison.Ordinal)))
            .Select(d => $"{d.From} -> {d.To}")
            .Distinct().Order().ToList();

    public static List<string> HostViolations(IEnumerable<(string From, string To)> dependencies) =>
        dependencies
            .Where(d => TheHouse.HostFolderOf(d.From) is not null && TheHouse.SliceOf(d.To) is not null)
            .Select(d => $"{d.From} -> {d.To}")
            .Distinct().Order().ToList();

    public static List<string> SliceViolations(IEnumerable<(string From, string To)> dependencies) =>
        CrossSlice(dependencies)
            .Where(d => !SliceEntryPoints.Allowed.ContainsKey(d.To))
            .Select(d => $"{d.From} -> {d.To}")
            .Distinct().Order().ToList();

    public static HashSet<(string From, string To)> SliceEdges(IEnumerable<(string From, string To)> dependencies) =>
        CrossSlice(dependencies).Select(d => (TheHouse.SliceOf(d.From)!, TheHouse.SliceOf(d.To)!)).ToHashSet();

    private static HashSet<string> SliceEdgesByTarget(IEnumerable<(string From, string To)> dependencies) =>
        CrossSlice(dependencies).Select(d => d.To).ToHashSet();

    /// <summary>Dependencies from one slice to another (the layout's components count as their own "slice" here).</summary>
    private static IEnumerable<(string From, string To)> CrossSlice(IEnumerable<(string From, string To)> dependencies) =>
        dependencies.Where(d =>
            TheHouse.SliceOf(d.To) is { } to && (TheHouse.SliceOf(d.From) ?? LayoutOf(d.From)) is { } from && from != to);

    private static string? LayoutOf(string fullName) =>
        fullName.StartsWith(TheHouse.Web + ".Components.", StringComparison.Ordinal) ? "Components" : null;
}
