using System.IO.Compression;
using System.Text;

namespace AsbOps.Web.Tests.CaseRecord;

/// <summary>The first bytes of real file types, padded, for upload tests.</summary>
public static class SampleFiles
{
    public static byte[] Png() => Pad([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R']);

    public static byte[] Jpeg() => Pad([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F']);

    public static byte[] Pdf() => Pad(Encoding.ASCII.GetBytes("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n"));

    /// <summary>A Windows program: "MZ" and a DOS stub.</summary>
    public static byte[] Exe() => Pad([(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF]);

    public static byte[] Text(string text = "Diary: 3 Nov, 11pm, music through the wall until 2am.\r\n") => Encoding.UTF8.GetBytes(text);

    public static byte[] Html() => Text("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>");

    public static byte[] Docx() => Zip("[Content_Types].xml", "word/document.xml");

    public static byte[] PlainZip() => Zip("readme.txt", "photos/one.jpg");

    private static byte[] Zip(params string[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write("<x/>");
            }
        }

        return memory.ToArray();
    }

    private static byte[] Pad(byte[] head) => [.. head, .. Enumerable.Range(0, 2048).Select(i => (byte)(i * 7))];
}
