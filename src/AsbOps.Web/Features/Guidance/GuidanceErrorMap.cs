using AsbOps.Domain.Risk;

namespace AsbOps.Web.Features.Guidance;

/// <summary>
/// The validator's errors by path, for what is not a single field: the messages of a block (a matrix, a question,
/// the bands), the count under a tab, the summary. A field's own message reaches it through the EditContext
/// (<see cref="GuidanceFields"/>).
/// </summary>
public sealed class GuidanceErrorMap
{
    private readonly ILookup<string, string> _byPath;

    public GuidanceErrorMap(IReadOnlyList<GuidanceError> errors)
    {
        All = errors;
        _byPath = errors.ToLookup(e => e.Path, e => e.Message, StringComparer.Ordinal);
    }

    public static GuidanceErrorMap None { get; } = new([]);

    public IReadOnlyList<GuidanceError> All { get; }

    public int Count => All.Count;

    /// <summary>The messages for exactly this path, for a block (a matrix, a question, the bands) rather than a field.</summary>
    public IEnumerable<string> At(string path) => _byPath[path];

    /// <summary>How many errors are about this part or anything inside it (a matrix's tab shows the count).</summary>
    public int CountUnder(string prefix) => All.Count(e =>
        e.Path.StartsWith(prefix, StringComparison.Ordinal)
        && (e.Path.Length == prefix.Length || e.Path[prefix.Length] is '.' or '['));

    public static string Matrix(int m) => $"matrices[{m}]";

    public static string Question(int m, int q) => $"{Matrix(m)}.questions[{q}]";

    public static string Option(int m, int q, int o) => $"{Question(m, q)}.options[{o}]";

    public static string Rule(int m, int r) => $"{Matrix(m)}.rules[{r}]";

    public const string Bands = "bands";

    public static string Band(int b) => $"bands[{b}]";
}
