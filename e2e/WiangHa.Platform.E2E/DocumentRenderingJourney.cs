using System.Globalization;
using System.Text.RegularExpressions;

namespace WiangHa.Platform.E2E;

/// <summary>
/// The two documents of Wiang Ha's demo year as an office prints them: the server's PDF (LibreOffice) of each is
/// turned into page images (artifacts/e2e/documents/) and read back word by word with their positions (pdftotext
/// -tsv), to check that no table header word is broken inside a word on any page, that the signature block is on
/// one page, that pages from the second on are numbered, and that five measures take a sane number of pages.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class DocumentRenderingJourney(BrowserFixture fixture)
{
    /// <summary>The header lines as the documents break them (between words); a mid-word break gives other lines.</summary>
    private static readonly Dictionary<string, string[]> HeaderLines = new(StringComparer.Ordinal)
    {
        ["results"] = ["มาตรการ/แนวทาง", "ขั้นตอน/", "วิธีการปฏิบัติ", "หน่วยงาน", "ผู้รับผิดชอบ", "ระยะเวลา", "ดำเนินการ", "สรุปผล", "การดำเนินการ", "ผลลัพธ์/", "ความสำเร็จ"],
        ["measures"] = ["มาตรการ/แนวทาง", "ประเด็นจาก", "การวิเคราะห์", "ผลการประเมิน", "ขั้นตอน/", "วิธีการปฏิบัติ", "หน่วยงาน", "ผู้รับผิดชอบ", "ระยะเวลา", "ดำเนินการ", "การกำกับติดตาม", "และการรายงานผล"],
    };

    [Theory]
    [InlineData("results")]
    [InlineData("measures")]
    public async Task Each_document_renders_to_pages_an_office_signs_as_they_are(string kind)
    {
        using var http = new HttpClient { BaseAddress = fixture.Platform.BaseAddress, Timeout = TimeSpan.FromSeconds(120) };
        var response = await http.GetAsync($"/p/wiangha/2566/{kind}.pdf");
        response.EnsureSuccessStatusCode();
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var folder = Directory.CreateDirectory(Path.Combine(PlatformProcess.ArtifactsDirectory, "documents")).FullName;
        var pdf = Path.Combine(folder, $"ita-{kind}-2566.pdf");
        await File.WriteAllBytesAsync(pdf, await response.Content.ReadAsByteArrayAsync());

        var pages = int.Parse(PagesPattern().Match(await RunAsync("pdfinfo", pdf)).Groups[1].Value, CultureInfo.InvariantCulture);
        // Five measures: two portrait pages of prose, the table on landscape pages; the old portrait layout took seven.
        pages.ShouldBeInRange(3, 6, $"{kind}: {pages} pages for the demo's five measures");
        foreach (var old in Directory.GetFiles(folder, $"ita-{kind}-2566-*.png"))
        {
            File.Delete(old);
        }

        await RunAsync("pdftoppm", "-png", "-r", "60", pdf, Path.Combine(folder, $"ita-{kind}-2566"));
        Directory.GetFiles(folder, $"ita-{kind}-2566-*.png").Length.ShouldBe(pages);

        var words = Words(await RunAsync("pdftotext", "-tsv", pdf, "-"));
        var tablePages = 0;
        for (var page = 1; page <= pages; page++)
        {
            var onPage = words.Where(w => w.Page == page).ToList();
            if (page > 1)
            {
                // "- ๒ -" at the top (LibreOffice draws Thai digit glyphs; the PDF's text layer keeps the digit's value).
                string.Concat(onPage.OrderBy(w => w.Top).ThenBy(w => w.Left).Take(3).Select(w => w.Text)).ShouldBe($"-{page}-", $"{kind}: page {page} number");
            }

            if (onPage.FirstOrDefault(w => Bare(w.Text) == Bare("มาตรการ/แนวทาง")) is not { } anchor)
            {
                continue;
            }

            tablePages++;
            var centre = anchor.Top + anchor.Height / 2;
            var lines = HeaderCellLines(onPage.Where(w => Math.Abs(w.Top + w.Height / 2 - centre) < 26)).ToList();
            lines.Order(StringComparer.Ordinal).ShouldBe(HeaderLines[kind].Select(Bare).Order(StringComparer.Ordinal),
                $"{kind}: the table header on page {page} (a header word broken inside a word shows as other lines)");
        }

        tablePages.ShouldBeGreaterThan(0, $"{kind}: no table header found");
        // The header row repeats on every page the table runs onto: all pages after the prose (but the last when it
        // holds only the signature block, which LibreOffice may move on alone to keep it whole).
        tablePages.ShouldBeGreaterThanOrEqualTo(pages - words.Where(w => Bare(w.Text) == Bare("มาตรการ/แนวทาง")).Select(w => w.Page).Min());

        var signature = words.Where(w => w.Text.StartsWith("ลงชื่อ", StringComparison.Ordinal)).Select(w => w.Page).Distinct().ToList();
        signature.Count.ShouldBe(1, $"{kind}: one signature block");
        var signaturePage = words.Where(w => w.Page == signature[0]).ToList();
        var below = signaturePage.Where(w => w.Top > signaturePage.First(s => s.Text.StartsWith("ลงชื่อ", StringComparison.Ordinal)).Top).Select(w => Bare(w.Text)).ToList();
        below.ShouldContain(t => t.StartsWith('('), $"{kind}: the name line is on the signature's page");
        below.ShouldContain(t => t.Contains(Bare("นายกองค์การบริหารส่วนตำบล"), StringComparison.Ordinal), $"{kind}: the position is on the signature's page");
    }

    private sealed record Word(int Page, double Left, double Top, double Width, double Height, string Text);

    private static List<Word> Words(string tsv) =>
        tsv.Split('\n').Skip(1).Select(line => line.Split('\t')).Where(f => f.Length >= 12 && f[0] == "5")
            .Select(f => new Word(int.Parse(f[1], CultureInfo.InvariantCulture), Number(f[6]), Number(f[7]), Number(f[8]), Number(f[9]), f[11].Trim()))
            .Where(w => w.Text.Length > 0)
            .ToList();

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>
    /// The header band's words as lines of cells: words on one line (same top) closer than a cell's padding belong to
    /// one cell line (pdftotext splits Thai at some marks), farther apart to the next cell.
    /// </summary>
    private static IEnumerable<string> HeaderCellLines(IEnumerable<Word> band)
    {
        foreach (var line in band.GroupBy(w => Math.Round(w.Top)))
        {
            var current = "";
            double? end = null;
            foreach (var word in line.OrderBy(w => w.Left))
            {
                if (end is { } e && word.Left - e > 6)
                {
                    yield return Bare(current);
                    current = "";
                }

                current += word.Text;
                end = Math.Max(end ?? 0, word.Left + word.Width); // a mark has no width of its own
            }

            if (current.Length > 0)
            {
                yield return Bare(current);
            }
        }
    }

    /// <summary>Without spaces and Thai combining marks: pdftotext's text layer puts marks out of order around breaks.</summary>
    private static string Bare(string text) => MarksAndSpaces().Replace(text, "");

    [GeneratedRegex(@"[\s\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]")]
    private static partial Regex MarksAndSpaces();

    [GeneratedRegex(@"Pages:\s+(\d+)")]
    private static partial Regex PagesPattern();

    private static Task<string> RunAsync(string program, params string[] args) => ReportJourney.RunAsync(program, args);
}
