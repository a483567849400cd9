using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Infrastructure.Reports.Import;
using WiangHa.Platform.Infrastructure.Tenancy;
using WiangHa.Platform.Web.Common;
using WiangHa.Platform.Web.Identity;

namespace WiangHa.Platform.Web.Pages.Tenant.Reports;

/// <summary>
/// Upload an existing report (the seed's text, DOCX or XLSX), preview the measures found with each row's problems,
/// then create them in a chosen fiscal year.
/// </summary>
[Authorize(Policy = TenantPolicies.Edit)]
// Bodies up to this size are read so that an oversized file gets a Thai message on the form rather than a bare 413;
// the file itself must still be under ReportFileReader.MaxBytes.
[RequestSizeLimit(AcceptedBodyBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = AcceptedBodyBytes)]
public sealed class ImportModel(IMultiTenantContextAccessor tenant, ImportReportHandler handler, TimeProvider clock) : TenantPageModel(tenant)
{
    public const long AcceptedBodyBytes = 64L * 1024 * 1024;

    public int Year { get; private set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public ImportPreview? Preview { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public void OnGet(int? year) => SetYears(year);

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, int? year, CancellationToken cancellationToken)
    {
        SetYears(year);
        if (file is null || file.Length == 0)
        {
            Errors = [file is null ? "กรุณาเลือกไฟล์รายงานที่จะนำเข้า" : "ไฟล์ว่างเปล่า ไม่มีข้อมูลให้นำเข้า"];
            return Page();
        }

        if (file.Length > ReportFileReader.MaxBytes)
        {
            Errors = [ReportFileReader.TooLargeMessage];
            return Page();
        }

        byte[] content;
        using (var stream = new MemoryStream((int)file.Length))
        {
            await file.CopyToAsync(stream, cancellationToken);
            content = stream.ToArray();
        }

        try
        {
            Preview = await handler.PreviewAsync(file.FileName, content, year is { } y && FiscalYear.IsPlausible(y) ? y : null, cancellationToken);
            SetYears(Preview.FiscalYear);
        }
        catch (ImportFormatException e)
        {
            Errors = [e.Message];
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRecheckAsync(Guid batchId, int year, CancellationToken cancellationToken)
    {
        SetYears(year);
        Preview = await handler.GetPreviewAsync(batchId, Year, cancellationToken);
        return Preview is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid batchId, int year, string[]? createUnits, CancellationToken cancellationToken)
    {
        SetYears(year);
        switch (await handler.ConfirmAsync(batchId, year, createUnits ?? [], cancellationToken))
        {
            case ImportOutcome.NotFound:
                return NotFound();
            case ImportOutcome.AlreadyImported already:
                TempData["Message"] = Ui.T(
                    $"ไฟล์นี้ถูกนำเข้าในปีงบประมาณ {already.FiscalYear} แล้วเมื่อ {Ui.DateTime(already.ImportedAt)} ระบบจึงไม่สร้างมาตรการซ้ำ",
                    $"This file was already imported into FY {already.FiscalYear} on {Ui.DateTime(already.ImportedAt)}; nothing was created again.");
                return Redirect(TenantPath($"/measures?year={already.FiscalYear}"));
            case ImportOutcome.Imported imported:
                var skipped = imported.Skipped.Count == 0 ? "" : Ui.T(
                    $" ข้าม {imported.Skipped.Count} แถว: " + string.Join("; ", imported.Skipped.Select(s => $"แถวที่ {s.Position} — {s.Reason}")),
                    $" Skipped {imported.Skipped.Count}.");
                var units = imported.CreatedUnits.Count == 0 ? "" : Ui.T($" เพิ่มส่วนราชการ: {string.Join(", ", imported.CreatedUnits)}", $" Units added: {string.Join(", ", imported.CreatedUnits)}");
                TempData["Message"] = Ui.T($"นำเข้ามาตรการ {imported.Created} มาตรการในปีงบประมาณ {imported.FiscalYear} แล้ว", $"Imported {imported.Created} measures into FY {imported.FiscalYear}.") + skipped + units;
                return Redirect(TenantPath($"/measures?year={imported.FiscalYear}"));
            case ImportOutcome.Refused refused:
                Errors = refused.Errors;
                Preview = await handler.GetPreviewAsync(batchId, Year, cancellationToken);
                return Page();
            default:
                throw new InvalidOperationException("Unknown import outcome.");
        }
    }

    private void SetYears(int? year)
    {
        var current = FiscalYear.Containing(clock.GetUtcNow()).BuddhistYear;
        Year = year is { } y && FiscalYear.IsPlausible(y) ? y : current;
        Years = Enumerable.Range(current - 4, 6).Append(Year).Distinct().OrderDescending().ToList();
    }
}

/// <summary>A preview cell of numbered points (steps or results) with each point's numbering as the document wrote it.</summary>
public sealed record ImportPointsCell(IReadOnlyList<string> Points, IReadOnlyList<string>? Marks, string TestId);
