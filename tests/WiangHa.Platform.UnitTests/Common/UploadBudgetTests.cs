using System.IO.Compression;
using System.Text;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Reports.Import;

namespace WiangHa.Platform.UnitTests.Common;

/// <summary>The limits of <see cref="UploadBudget"/> the import tests' bombs do not reach first.</summary>
public sealed class UploadBudgetTests
{
    private static readonly UploadBudget Budget = UploadBudget.OfficeFile;

    private static MemoryStream Zip(int entries, int bytesPerEntry, byte fill)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            var content = Enumerable.Repeat(fill, bytesPerEntry).ToArray();
            for (var i = 0; i < entries; i++)
            {
                using var entry = zip.CreateEntry($"part{i}.xml", CompressionLevel.SmallestSize).Open();
                entry.Write(content);
            }
        }

        stream.Position = 0;
        return stream;
    }

    [Fact]
    public void More_entries_than_the_budget_are_refused()
    {
        using var zip = Zip(Budget.MaxEntries + 1, 1, (byte)'a');

        Should.Throw<UploadBudgetException>(() => Budget.Check(zip)).Message.ShouldBe(Budget.TooManyEntriesMessage);
    }

    [Fact]
    public void A_large_entry_compressed_beyond_the_ratio_is_refused_though_under_the_size_limits()
    {
        using var zip = Zip(1, 4 * 1024 * 1024, 0);

        Should.Throw<UploadBudgetException>(() => Budget.Check(zip)).Message.ShouldBe(Budget.RatioMessage);
    }

    [Fact]
    public void A_file_within_budget_passes_and_is_rewound_for_the_reader()
    {
        using var zip = Zip(3, 10_000, (byte)'a');
        zip.Position = 0;

        Budget.Check(zip);

        zip.Position.ShouldBe(0);
    }

    [Fact]
    public void Reading_stops_when_the_time_budget_is_spent()
    {
        using var zip = Zip(2, 1_000, (byte)'a');
        var content = zip.ToArray();

        Should.Throw<OperationCanceledException>(() => ReportFileReader.Read("report.docx", content, new CancellationToken(canceled: true)));
        Should.Throw<OperationCanceledException>(() => ReportFileReader.Read("report.txt", Encoding.UTF8.GetBytes("ก\tข\n"), new CancellationToken(canceled: true)));
    }
}
