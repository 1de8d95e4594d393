using System.IO.Compression;
using System.Text;

namespace AsbOps.Web.Features.CaseRecord.Files;

/// <summary>A type a case file may have: its MIME type, the extension a download gets, and how people name it.</summary>
public sealed record AllowedFileType(string ContentType, string Extension, string Name);

/// <summary>
/// What a file is, from its first bytes (and for Office documents, the parts inside the zip), never from its name or
/// the type the browser claims. Only the types listed are accepted; a program is named as such.
/// </summary>
public static class FileContentTypes
{
    public static readonly AllowedFileType Jpeg = new("image/jpeg", ".jpg", "JPEG image");
    public static readonly AllowedFileType Png = new("image/png", ".png", "PNG image");
    public static readonly AllowedFileType Gif = new("image/gif", ".gif", "GIF image");
    public static readonly AllowedFileType Pdf = new("application/pdf", ".pdf", "PDF document");
    public static readonly AllowedFileType Text = new("text/plain", ".txt", "plain text");
    public static readonly AllowedFileType Docx = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx", "Word document");
    public static readonly AllowedFileType Xlsx = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx", "Excel workbook");
    public static readonly AllowedFileType Mp4 = new("video/mp4", ".mp4", "MP4 video");

    public static readonly IReadOnlyList<AllowedFileType> All = [Jpeg, Png, Gif, Pdf, Text, Docx, Xlsx, Mp4];

    /// <summary>The accepted types as a sentence, for messages and the form's help text.</summary>
    public static string Listed => "JPEG, PNG or GIF images, PDF, Word (.docx) or Excel (.xlsx) documents, plain text, or MP4 video";

    private const int TextSample = 64 * 1024;

    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];

    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> MachO => [0xCF, 0xFA, 0xED, 0xFE];

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>The file's type, or why it is refused.</summary>
    public static (AllowedFileType? Type, string? Refusal) Detect(string path)
    {
        using var stream = File.OpenRead(path);
        var head = new byte[16];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var bytes = head.AsSpan(0, read);
        if (bytes.StartsWith("MZ"u8) || bytes.StartsWith("\u007fELF"u8) || bytes.StartsWith(MachO) || bytes.StartsWith("#!"u8))
        {
            return (null, "This file is a program, not a document or picture, whatever its name says. Programs cannot be attached.");
        }

        if (bytes.StartsWith(JpegMagic))
        {
            return (Jpeg, null);
        }

        if (bytes.StartsWith(PngMagic))
        {
            return (Png, null);
        }

        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8))
        {
            return (Gif, null);
        }

        if (bytes.StartsWith("%PDF-"u8))
        {
            return (Pdf, null);
        }

        if (read >= 12 && bytes[4..8].SequenceEqual("ftyp"u8))
        {
            return (Mp4, null);
        }

        if (bytes.StartsWith("PK\u0003\u0004"u8))
        {
            stream.Position = 0;
            return OfficeType(stream);
        }

        stream.Position = 0;
        return PlainText(stream);
    }

    private static (AllowedFileType?, string?) OfficeType(Stream stream)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            if (names.Contains("[Content_Types].xml"))
            {
                if (names.Contains("word/document.xml"))
                {
                    return (Docx, null);
                }

                if (names.Contains("xl/workbook.xml"))
                {
                    return (Xlsx, null);
                }
            }
        }
        catch (InvalidDataException)
        {
            return (null, "This file looks like a zip archive but is damaged.");
        }

        return (null, $"Zip archives other than Word and Excel documents are not accepted. Attach {Listed}.");
    }

    /// <summary>UTF-8 text without control characters; markup (HTML, SVG, XML) is refused, as a browser could run it.</summary>
    private static (AllowedFileType?, string?) PlainText(Stream stream)
    {
        var sample = new byte[TextSample];
        var read = stream.ReadAtLeast(sample, sample.Length, throwOnEndOfStream: false);
        var span = sample.AsSpan(0, read);
        if (span.StartsWith(Utf8Bom))
        {
            span = span[3..];
        }

        string text;
        try
        {
            // A sample may end inside a character: ignore an incomplete last sequence.
            var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
            var chars = new char[span.Length];
            decoder.Convert(span, chars, flush: read < TextSample, out _, out var used, out _);
            text = new string(chars, 0, used);
        }
        catch (DecoderFallbackException)
        {
            return (null, $"This type of file is not accepted. Attach {Listed}.");
        }

        if (text.Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n' or '\f')))
        {
            return (null, $"This type of file is not accepted. Attach {Listed}.");
        }

        if (text.TrimStart().StartsWith('<'))
        {
            return (null, "Web pages and other markup (HTML, SVG, XML) are not accepted. Save it as PDF, or attach it as plain text.");
        }

        return (Text, null);
    }
}
