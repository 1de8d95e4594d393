using System.Buffers.Binary;
using System.Text;

namespace AsbOps.Benchmarks.Circuits;

/// <summary>
/// Reads the parts of a Blazor Server render batch (the bytes of <c>JS.RenderBatch</c>) a benchmark client needs: which
/// component's diff holds an element with a given attribute, and the texts an <c>UpdateText</c> edit sets. The layout is
/// the one blazor.web.js reads: arrays of fixed-size entries, the offsets of the updated components, reference frames,
/// disposed ids and string table as five 32-bit integers at the end, strings length-prefixed UTF-8.
/// </summary>
public sealed class RenderBatchView
{
    private const int EditSize = 16;
    private const int FrameSize = 20;
    private const int PrependFrame = 1;
    private const int UpdateText = 5;
    private const int ElementFrame = 1;
    private const int TextFrame = 2;
    private const int AttributeFrame = 3;
    private const int ComponentFrame = 4;
    private const int RegionFrame = 5;

    private readonly byte[] _data;
    private readonly int _framesStart;
    private readonly int _frameCount;
    private readonly int _stringTable;
    private readonly int _stringCount;

    public RenderBatchView(byte[] data)
    {
        _data = data;
        var end = data.Length;
        var updatedComponents = Int(end - 20);
        var referenceFrames = Int(end - 16);
        _stringTable = Int(end - 4);
        _stringCount = (end - 20 - _stringTable) / 4;
        _frameCount = Int(referenceFrames);
        _framesStart = referenceFrames + 4;
        var diffCount = Int(updatedComponents);
        var diffs = new List<Diff>(diffCount);
        for (var i = 0; i < diffCount; i++)
        {
            var at = Int(updatedComponents + 4 + (4 * i));
            var edits = new Edit[Int(at + 4)];
            for (var e = 0; e < edits.Length; e++)
            {
                var editAt = at + 8 + (EditSize * e);
                edits[e] = new Edit(Int(editAt), Int(editAt + 4), Int(editAt + 8));
            }

            diffs.Add(new Diff(Int(at), edits));
        }

        Diffs = diffs;
    }

    public IReadOnlyList<Diff> Diffs { get; }

    /// <summary>
    /// The component whose diff adds an element carrying <paramref name="attributeName"/>=<paramref name="attributeValue"/>,
    /// and the element's first text; null when this batch adds no such element.
    /// </summary>
    public (int ComponentId, string? Text)? FindElement(string attributeName, string attributeValue)
    {
        foreach (var diff in Diffs)
        {
            foreach (var edit in diff.Edits.Where(e => e.Type == PrependFrame))
            {
                var last = edit.ReferenceFrameIndex + Math.Max(1, SubtreeLength(edit.ReferenceFrameIndex));
                for (var frame = edit.ReferenceFrameIndex; frame < last; frame++)
                {
                    if (FrameType(frame) == ElementFrame && HasAttribute(frame, attributeName, attributeValue))
                    {
                        return (diff.ComponentId, FirstText(frame));
                    }
                }
            }
        }

        return null;
    }

    /// <summary>The texts the batch's <c>UpdateText</c> edits set in the diff of <paramref name="componentId"/>.</summary>
    public IEnumerable<string> UpdatedTexts(int componentId) =>
        Diffs.Where(d => d.ComponentId == componentId)
            .SelectMany(d => d.Edits)
            .Where(e => e.Type == UpdateText && FrameType(e.ReferenceFrameIndex) == TextFrame)
            .Select(e => String(FrameField(e.ReferenceFrameIndex, 0)) ?? "");

    private bool HasAttribute(int element, string name, string value)
    {
        for (var frame = element + 1; frame < _frameCount && FrameType(frame) == AttributeFrame; frame++)
        {
            if (String(FrameField(frame, 0)) == name && String(FrameField(frame, 1)) == value)
            {
                return true;
            }
        }

        return false;
    }

    private string? FirstText(int element)
    {
        var last = element + SubtreeLength(element);
        for (var frame = element + 1; frame < last; frame++)
        {
            if (FrameType(frame) == TextFrame)
            {
                return String(FrameField(frame, 0));
            }
        }

        return null;
    }

    private int SubtreeLength(int frame) =>
        FrameType(frame) is ElementFrame or ComponentFrame or RegionFrame ? FrameField(frame, 0) : 1;

    private int FrameType(int frame) => frame < _frameCount ? Int(_framesStart + (FrameSize * frame)) : 0;

    private int FrameField(int frame, int field) => Int(_framesStart + (FrameSize * frame) + 4 + (4 * field));

    private string? String(int index)
    {
        if (index < 0 || index >= _stringCount)
        {
            return null;
        }

        var at = Int(_stringTable + (4 * index));
        var length = 0;
        var shift = 0;
        byte b;
        do
        {
            b = _data[at++];
            length |= (b & 0x7F) << shift;
            shift += 7;
        }
        while ((b & 0x80) != 0);
        return Encoding.UTF8.GetString(_data, at, length);
    }

    private int Int(int at) => BinaryPrimitives.ReadInt32LittleEndian(_data.AsSpan(at, 4));

    public sealed record Diff(int ComponentId, IReadOnlyList<Edit> Edits);

    public readonly record struct Edit(int Type, int SiblingIndex, int ReferenceFrameIndex);
}
