using System.Buffers;
using System.Text.Json;

namespace AsbOps.Web.Api;

/// <summary>Reads a JSON request body with a hard size cap, whether or not the client sent Content-Length.</summary>
public static class JsonBody
{
    public enum Outcome
    {
        Ok,
        TooLarge,
        NotJson,
        Malformed,
    }

    public static async Task<(Outcome Outcome, JsonDocument? Document, string? Error)> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return (Outcome.TooLarge, null, null);
        }

        if (request.ContentType is not { } contentType
            || !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (Outcome.NotJson, null, null);
        }

        var buffer = new ArrayBufferWriter<byte>(Math.Min(maxBytes, (int)(request.ContentLength ?? 4096)) + 1);
        while (true)
        {
            var memory = buffer.GetMemory(8192);
            var read = await request.Body.ReadAsync(memory, cancellationToken);
            if (read == 0)
            {
                break;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > maxBytes)
            {
                return (Outcome.TooLarge, null, null);
            }
        }

        try
        {
            var document = JsonDocument.Parse(buffer.WrittenMemory, new JsonDocumentOptions { MaxDepth = 16 });
            return (Outcome.Ok, document, null);
        }
        catch (JsonException ex)
        {
            return (Outcome.Malformed, null, $"Malformed JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}).");
        }
    }
}
