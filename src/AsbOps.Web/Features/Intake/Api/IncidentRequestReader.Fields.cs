using System.Text.Json;
using AsbOps.Web.Api;

namespace AsbOps.Web.Features.Intake.Api;

/// <summary>The reader's two helpers: one object's known fields found in one pass, and the errors by field.</summary>
public sealed partial class IncidentRequestReader
{
    /// <summary>
    /// The known properties of one JSON object, found in one pass that also reports the unknown ones (looking each field
    /// up by name would scan the object once per field). A property given twice is an error against its name, never
    /// "the last one wins"; a name that is not valid text (bad UTF-8, a lone surrogate) is an error against the object.
    /// </summary>
    private readonly struct Fields(string[] known, JsonElement?[] values)
    {
        public JsonElement? this[string name] => values[Array.IndexOf(known, name)];

        public static Fields Of(JsonElement element, string[] known, string prefix, Errors errors)
        {
            var values = new JsonElement?[known.Length];
            HashSet<string>? unknownSeen = null;
            foreach (var property in element.EnumerateObject())
            {
                if (!JsonText.TryReadName(property, out var name))
                {
                    errors.Add(prefix.Length == 0 ? "body" : prefix.TrimEnd('.'), "A field name is not valid text: " + JsonText.InvalidMessage);
                    continue;
                }

                var index = Array.IndexOf(known, name);
                if (index >= 0 ? values[index] is not null : !(unknownSeen ??= new(StringComparer.Ordinal)).Add(name))
                {
                    errors.Add(prefix + name, "Given more than once; send each field once.");
                }
                else if (index < 0)
                {
                    errors.Add(prefix + name, "Unknown field.");
                }
                else
                {
                    values[index] = property.Value;
                }
            }

            return new Fields(known, values);
        }
    }

    private sealed class Errors
    {
        private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

        public bool Any => _errors.Count > 0;

        public void Add(string field, string message)
        {
            if (!_errors.TryGetValue(field, out var list))
            {
                _errors[field] = list = [];
            }

            list.Add(message);
        }

        public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
    }
}
