using System.Text.Json;
using AsbOps.Domain.Risk;
using AsbOps.Web.Data.Configurations;

namespace AsbOps.Web.Features.Guidance;

/// <summary>A guidance definition as JSON, for the advanced export and import: the same shape the database stores.</summary>
public static class GuidanceJson
{
    private static readonly JsonSerializerOptions Indented = new(RiskGuidanceVersionConfiguration.Json) { WriteIndented = true };

    private static readonly JsonSerializerOptions Strict = new(RiskGuidanceVersionConfiguration.Json)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public static string Write(GuidanceDefinition definition) => JsonSerializer.Serialize(definition, Indented);

    /// <summary>
    /// The definition as written, not yet validated (the form shows the validator's errors next to its fields), or
    /// the JSON error with its line.
    /// </summary>
    public static (GuidanceDefinition? Definition, GuidanceError? Error) Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return (null, new GuidanceError("$", "The definition is empty."));
        }

        try
        {
            var definition = JsonSerializer.Deserialize<GuidanceDefinition>(json, Strict);
            return definition is null ? (null, new GuidanceError("$", "The definition is empty.")) : (definition, null);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $"Line {line + 1}, position {ex.BytePositionInLine + 1}: " : "";
            return (null, new GuidanceError(ex.Path ?? "$", where + Explain(ex)));
        }
    }

    /// <summary>The serializer's message names CLR types; say instead which words the field accepts.</summary>
    private static string Explain(JsonException ex) => ex.Path switch
    {
        { } path when path.EndsWith(".type", StringComparison.Ordinal) => "The type must be choice, yesNo or yesNoUnknown.",
        { } path when path.EndsWith(".level", StringComparison.Ordinal) || path.EndsWith(".floor", StringComparison.Ordinal) =>
            "A level must be low, medium or high.",
        { } path when path.EndsWith(".kind", StringComparison.Ordinal) => "A matrix kind must be victim, perpetrator or location.",
        _ => ex.Message.Split(" Path:", 2)[0],
    };
}
