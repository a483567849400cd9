using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.Infrastructure.Reports.Import;
using WiangHa.Platform.IntegrationTests.Infrastructure;
using WiangHa.Platform.IntegrationTests.Reports;
using Xunit.Abstractions;

namespace WiangHa.Platform.IntegrationTests.Security;

/// <summary>Memory is measured process-wide, so these run alone: another test's allocations would count as theirs.</summary>
[CollectionDefinition(nameof(MemoryMeasured), DisableParallelization = true)]
public sealed class MemoryMeasured;

/// <summary>
/// Zip bombs posted to the import preview as an editor would (multipart with the antiforgery token): each is refused
/// with a Thai message beside the file field, stores nothing, and allocates a bounded amount while being refused.
/// </summary>
[Collection(nameof(MemoryMeasured))]
public sealed class UploadBombTests(PlatformFactory factory, ITestOutputHelper output) : IClassFixture<PlatformFactory>
{
    /// <summary>Everything the process allocates while one bomb is posted and refused; before the budget it ran out of memory.</summary>
    private const long AllocationBound = 200L * 1024 * 1024;

    private static readonly UploadBudget Budget = UploadBudget.OfficeFile;

    [Fact]
    public async Task A_docx_expanding_to_a_hundred_million_empty_paragraphs_is_refused_in_thai_and_memory_stays_bounded()
    {
        var bomb = UploadBombs.Docx(100_000_000);

        var errors = await RefusedAsync("docx, 100,000,000 paragraphs", "bomb.docx", bomb);

        errors.ShouldContain(Budget.TooBigMessage);
    }

    [Fact]
    public async Task An_xlsx_of_ten_million_rows_is_refused_in_thai_and_memory_stays_bounded()
    {
        var bomb = UploadBombs.Xlsx(10_000_000);

        var errors = await RefusedAsync("xlsx, 10,000,000 rows", "bomb.xlsx", bomb);

        errors.ShouldContain(Budget.TooBigMessage);
    }

    [Fact]
    public async Task A_docx_whose_directory_understates_its_document_is_refused_and_never_expanded()
    {
        // 180 MB of paragraphs declared as 1,000 bytes: the size checks pass, reading must not go past the declaration.
        var bomb = UploadBombs.DocxLyingAboutItsSize(30_000_000, 1_000);

        var errors = await RefusedAsync("docx declaring 1,000 bytes for 180 MB", "lying.docx", bomb);

        errors.ShouldSatisfyAllConditions(
            () => (errors.Contains(UploadBudget.SizeMismatchMessage, StringComparison.Ordinal) || errors.Contains("เปิดไฟล์ .docx นี้ไม่ได้", StringComparison.Ordinal))
                .ShouldBeTrue(errors));
    }

    [Fact]
    public async Task A_docx_within_the_size_budget_but_with_too_many_paragraphs_is_refused_before_it_is_built()
    {
        var docx = UploadBombs.DocxOfNumberedParagraphs(Budget.MaxParagraphs + 5_000);

        var errors = await RefusedAsync("docx, 25,000 numbered paragraphs", "long.docx", docx);

        errors.ShouldContain(Budget.TooManyParagraphsMessage);
    }

    [Fact]
    public async Task An_xlsx_with_more_data_rows_than_the_cap_is_refused()
    {
        using var stream = new MemoryStream();
        stream.SaveAs(Enumerable.Range(1, Budget.MaxRows + 1_000).Select(i => new { มาตรการ = $"มาตรการที่ {i}", หน่วยงาน = "กองคลัง" }));

        var errors = await RefusedAsync("xlsx, 6,000 data rows", "long.xlsx", stream.ToArray());

        errors.ShouldContain(Budget.TooManyRowsMessage);
    }

    [Fact]
    public async Task The_operators_ita_manual_import_refuses_an_xlsx_bomb()
    {
        var (operatorUser, key) = await factory.Data.CreatePlatformUserAsync(PlatformRoles.Operator);
        var client = await BrowserlessClient.SignedInAsync(factory, operatorUser.Email, TestData.Password, key);
        var bomb = UploadBombs.Xlsx(10_000_000);
        int versionsBefore;
        await using (var scope = factory.Scope())
        {
            versionsBefore = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().ItaManualVersions.CountAsync();
        }

        var (response, html) = await MeasureAsync($"ita manual xlsx, 10,000,000 rows ({bomb.Length:N0} bytes)", async () =>
        {
            var token = await client.AntiforgeryTokenAsync("/operator/ita-manuals");
            using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
            var file = new ByteArrayContent(bomb);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "file", "manual-bomb.xlsx");
            var posted = await client.Http.PostAsync("/operator/ita-manuals?handler=Import", form);
            return (posted, await posted.Content.ReadAsStringAsync());
        });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        page.QuerySelector("[data-testid=import-errors]")!.TextContent.ShouldContain(Budget.TooBigMessage);
        await using (var scope = factory.Scope())
        {
            (await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().ItaManualVersions.CountAsync()).ShouldBe(versionsBefore);
        }
    }

    [Fact]
    public async Task Previews_never_confirmed_are_pruned_after_a_day_and_confirmed_imports_stay()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var client = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);
        await client.ImportSeedAsync(tenant);
        var seed = await File.ReadAllTextAsync(ReportImports.SeedPath);
        await client.PreviewAsync(tenant, "abandoned.txt", System.Text.Encoding.UTF8.GetBytes(seed + "\n"));
        (await factory.CountsAsync(tenant)).Batches.ShouldBe(2);

        factory.Clock.Advance(CrossTenantImportPreviewRetention.PreviewLifetime + TimeSpan.FromHours(1));
        var later = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);
        await later.PreviewAsync(tenant, "fresh.txt", System.Text.Encoding.UTF8.GetBytes(seed + "\n\n"));
        await using (var scope = factory.Scope())
        {
            // The host's scheduler may have run the nightly pruning itself when the clock moved on: the end state is what counts.
            await scope.ServiceProvider.GetRequiredService<CrossTenantImportPreviewRetention>().PruneAsync();
        }

        (await factory.CountsAsync(tenant)).Batches.ShouldBe(2, "the confirmed import and the fresh preview remain");
        (await factory.MeasuresAsync(tenant, 2566)).Count.ShouldBe(5);
    }

    /// <summary>Posts the file as an editor; returns the Thai errors shown beside the file field.</summary>
    private async Task<string> RefusedAsync(string what, string fileName, byte[] content)
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var client = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);
        // Warm the path up first, so the figure is the bomb's and not the first request's.
        await client.PreviewAsync(tenant, "warm-up.docx", [.. "PK\u0003\u0004warm"u8]);

        var page = await MeasureAsync($"{what} ({content.Length:N0} bytes uploaded)", () => client.PreviewAsync(tenant, fileName, content));

        var errors = page.QuerySelector("[data-testid=upload-form] [data-testid=import-errors]")?.TextContent;
        errors.ShouldNotBeNull("the refusal is shown beside the file field");
        page.QuerySelector("[data-testid=field-file]")!.GetAttribute("aria-describedby").ShouldBe("file-errors");
        var (measures, batches, _) = await factory.CountsAsync(tenant);
        (measures, batches).ShouldBe((0, 0), "nothing is stored for a refused file");
        output.WriteLine($"  message: {errors.Trim()}");
        return errors;
    }

    /// <summary>
    /// Runs <paramref name="action"/> (at most 30 s) and asserts what the whole process allocated meanwhile is under
    /// <see cref="AllocationBound"/>; prints that, the managed heap's peak growth and the working set.
    /// </summary>
    private async Task<T> MeasureAsync<T>(string what, Func<Task<T>> action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: false);
        var workingSetBefore = Environment.WorkingSet;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var peak = heapBefore;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                await Task.Delay(5, CancellationToken.None);
            }
        });
        var watch = System.Diagnostics.Stopwatch.StartNew();
        T result;
        try
        {
            result = await action().WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            await stop.CancelAsync();
            await sampler;
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        output.WriteLine(
            $"{what}: {watch.ElapsedMilliseconds:N0} ms; allocated {Mb(allocated)} MB; managed heap peak +{Mb(peak - heapBefore)} MB; " +
            $"heap size {Mb(GC.GetGCMemoryInfo().HeapSizeBytes)} MB; working set {Mb(workingSetBefore)} → {Mb(Environment.WorkingSet)} MB");
        allocated.ShouldBeLessThan(AllocationBound, $"{what} allocated {Mb(allocated)} MB");
        return result;
    }

    private static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("N1", System.Globalization.CultureInfo.InvariantCulture);
}
