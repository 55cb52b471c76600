using System.IO.Compression;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace PraTracker.Tests;

/// <summary>Real files for upload and extraction tests: PDFs with a text layer, zip archives, and noise, built in memory.</summary>
public static class TestFiles
{
    /// <summary>A PDF with one page per text, each set in Helvetica.</summary>
    public static byte[] Pdf(params string[] pageTexts)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var text in pageTexts)
        {
            builder.AddPage(PageSize.A4).AddText(text, 12, new PdfPoint(40, 760), font);
        }

        return builder.Build();
    }

    /// <summary>A zip archive holding the entries under exactly the names given, hostile ones included.</summary>
    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
                entry.Write(content);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Bytes that compress to nothing and repeat no pattern, the same for the same size on every run.</summary>
    public static byte[] Noise(int size)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        return bytes;
    }
}
