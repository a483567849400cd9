using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using MiniExcelLibs;

namespace WiangHa.Platform.IntegrationTests.Security;

/// <summary>
/// Small files that expand to huge XML, built in the test from a repeating chunk so the upload itself stays small.
/// Each is otherwise a well-formed package, so only the budget stands between it and the parser.
/// </summary>
public static class UploadBombs
{
    private const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>A DOCX whose word/document.xml is <paramref name="paragraphs"/> empty paragraphs.</summary>
    public static byte[] Docx(long paragraphs) => DocxOf(paragraphs, "<w:p/>");

    /// <summary>A DOCX of distinct, numbered paragraphs: compresses like a real document (under the ratio limit).</summary>
    public static byte[] DocxOfNumberedParagraphs(int paragraphs)
    {
        var body = new StringBuilder();
        for (var i = 0; i < paragraphs; i++)
        {
            body.Append("<w:p><w:r><w:t>ย่อหน้า ").Append(i).Append("</w:t></w:r></w:p>");
        }

        return Package(new Dictionary<string, Action<Stream>>
        {
            ["word/document.xml"] = s => WriteAll(s, $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"{WordNamespace}\"><w:body>{body}</w:body></w:document>"),
        });
    }

    /// <summary>A DOCX whose document.xml holds <paramref name="paragraphs"/> empty paragraphs but declares only <paramref name="declaredBytes"/>.</summary>
    public static byte[] DocxLyingAboutItsSize(long paragraphs, uint declaredBytes)
    {
        var zip = Docx(paragraphs);
        DeclareUncompressedSize(zip, "word/document.xml", declaredBytes);
        return zip;
    }

    /// <summary>An XLSX made by MiniExcel whose sheet is replaced by <paramref name="rows"/> one-cell rows.</summary>
    public static byte[] Xlsx(long rows)
    {
        using var template = new MemoryStream();
        template.SaveAs(new[] { new { A = "x" } });
        template.Position = 0;
        using var source = new ZipArchive(template, ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                var copy = zip.CreateEntry(entry.FullName, CompressionLevel.SmallestSize);
                using var to = copy.Open();
                if (entry.FullName == "xl/worksheets/sheet1.xml")
                {
                    WriteAll(to, "<?xml version=\"1.0\" encoding=\"utf-8\"?><x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><x:sheetData>");
                    Repeat(to, "<x:row><x:c t=\"inlineStr\"><x:is><x:t>x</x:t></x:is></x:c></x:row>", rows);
                    WriteAll(to, "</x:sheetData></x:worksheet>");
                }
                else
                {
                    using var from = entry.Open();
                    from.CopyTo(to);
                }
            }
        }

        return output.ToArray();
    }

    private static byte[] DocxOf(long count, string element) => Package(new Dictionary<string, Action<Stream>>
    {
        ["word/document.xml"] = s =>
        {
            WriteAll(s, $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"{WordNamespace}\"><w:body>");
            Repeat(s, element, count);
            WriteAll(s, "</w:body></w:document>");
        },
    });

    private static byte[] Package(Dictionary<string, Action<Stream>> parts)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", s => WriteAll(s, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"));
            Add(zip, "_rels/.rels", s => WriteAll(s, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>"));
            foreach (var (name, write) in parts)
            {
                Add(zip, name, write);
            }
        }

        return output.ToArray();
    }

    private static void Add(ZipArchive zip, string name, Action<Stream> write)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
        write(stream);
    }

    private static void WriteAll(Stream stream, string text) => stream.Write(Encoding.UTF8.GetBytes(text));

    private static void Repeat(Stream stream, string element, long count)
    {
        const int PerChunk = 10_000;
        var chunk = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(element, PerChunk)));
        for (long written = 0; written < count; written += PerChunk)
        {
            var n = (int)Math.Min(PerChunk, count - written);
            stream.Write(chunk, 0, n * (chunk.Length / PerChunk));
        }
    }

    /// <summary>Rewrites the entry's uncompressed size in its local header and in the central directory.</summary>
    private static void DeclareUncompressedSize(byte[] zip, string name, uint size)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        for (var i = zip.Length - 46; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(i)) != 0x02014b50)
            {
                continue;
            }

            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(i + 28));
            if (nameLength != nameBytes.Length || !zip.AsSpan(i + 46, nameLength).SequenceEqual(nameBytes))
            {
                continue;
            }

            BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(i + 24), size);
            var local = (int)BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(i + 42));
            BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(local + 22), size);
            return;
        }

        throw new InvalidOperationException($"No central directory entry {name}.");
    }
}
