using Microsoft.AspNetCore.Mvc;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Ita;
using WiangHa.Platform.Infrastructure.Measures;
using WiangHa.Platform.Infrastructure.Reports;
using WiangHa.Platform.Infrastructure.Tenancy;
using WiangHa.Platform.Web.Common;

namespace WiangHa.Platform.Web.Pages.Tenant.Reports;

/// <summary>รายงาน ITA of a fiscal year: the documents to download or print, what is public, carry-over.</summary>
public sealed class IndexModel(IMultiTenantContextAccessor tenant, MeasureQueries measures, ReportSettingsQueries settings, ReportBuilder builder, TimeProvider clock, LibreOfficePdfRenderer pdf)
    : TenantPageModel(tenant)
{
    public int Year { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public int MeasureCount { get; private set; }
    public int PreviousYearCount { get; private set; }

    /// <summary>The earlier fiscal years that have measures, newest first: any of them can start this year.</summary>
    public IReadOnlyList<int> SourceYears { get; private set; } = [];

    /// <summary>The year offered by default: the newest earlier year with measures.</summary>
    public int SourceYear { get; private set; }
    public bool HasAnalysis { get; private set; }
    public ItaItemText? ResultsItem { get; private set; }
    public ItaItemText? MeasuresItem { get; private set; }

    [BindProperty]
    public PublicationInput Publication { get; set; } = new(false, true, false, 12, true, null, null);

    public string PublicPath => $"/p/{Tenant.Identifier}/{Year}";

    public async Task OnGetAsync(int? year, CancellationToken cancellationToken)
    {
        await LoadAsync(year, cancellationToken);
        var saved = await settings.PublicationAsync(Year, cancellationToken);
        Publication = new PublicationInput(saved.IsPublished, saved.PublishResults, saved.PublishMeasures, saved.RoundMonths, saved.ThaiDigits, saved.SignatoryName, saved.SignatoryPosition);
    }

    public async Task<IActionResult> OnPostPublicationAsync(int year, [FromServices] SaveReportPublicationHandler save, CancellationToken cancellationToken)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        ClearBindingErrors(ModelState);
        await LoadAsync(year, cancellationToken);
        switch (await save.HandleAsync(Year, Publication, cancellationToken))
        {
            case CommandResult.Invalid invalid:
                AddErrors(invalid, nameof(Publication));
                return Page();
            default:
                TempData["Message"] = Publication.IsPublished
                    ? Ui.T($"บันทึกแล้ว หน้าสาธารณะเปิดให้ทุกคนดูได้ที่ {PublicPath}", $"Saved. The public page is at {PublicPath}")
                    : Ui.T("บันทึกแล้ว (ไม่เผยแพร่ต่อสาธารณะ)", "Saved (not public).");
                return Redirect(TenantPath($"/reports?year={Year}"));
        }
    }

    public async Task<IActionResult> OnPostCarryOverAsync(int year, int? from, [FromServices] CarryOverMeasuresHandler handler, CancellationToken cancellationToken)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        await LoadAsync(year, cancellationToken);
        var source = from ?? SourceYear;
        if (!SourceYears.Contains(source) || await handler.HandleAsync(source, Year, cancellationToken) is not CarriedOver result)
        {
            return NotFound();
        }

        TempData["Message"] = Ui.T(
            $"คัดลอกมาตรการจากปีงบประมาณ {source} มาเป็นร่างของปี {Year} แล้ว {result.Created} มาตรการ" + (result.Skipped.Count > 0 ? $" (ข้าม {result.Skipped.Count} มาตรการที่มีชื่อซ้ำในปี {Year} แล้ว)" : "")
                + (result.LinksDropped > 0 ? $" ข้อการประเมิน {result.LinksDropped} รายการไม่มีในคู่มือปีใหม่ ต้องเลือกใหม่" : "") + " กรุณาตรวจแก้ระยะเวลา ขั้นตอน และรหัสข้อการประเมินของปีใหม่",
            $"Copied {result.Created} measures from FY {source} to FY {Year}" + (result.Skipped.Count > 0 ? $" ({result.Skipped.Count} skipped: same title exists)" : "")
                + (result.LinksDropped > 0 ? $"; {result.LinksDropped} ITA item links have no successor" : "") + ".");
        return Redirect(TenantPath($"/measures?year={Year}"));
    }

    private async Task LoadAsync(int? year, CancellationToken cancellationToken)
    {
        var current = FiscalYear.Containing(clock.GetUtcNow()).BuddhistYear;
        var withData = await measures.FiscalYearsAsync(cancellationToken);
        Year = year is { } y && FiscalYear.IsPlausible(y) ? y : withData.FirstOrDefault(current);
        Years = withData.Append(current).Append(current + 1).Append(Year).Distinct().OrderDescending().ToList();
        MeasureCount = (await measures.ListAsync(Year, cancellationToken)).Count;
        SourceYears = withData.Where(y => y < Year).ToList();
        SourceYear = SourceYears.Count > 0 ? SourceYears[0] : 0;
        PreviousYearCount = SourceYear == 0 ? 0 : (await measures.ListAsync(SourceYear, cancellationToken)).Count;
        HasAnalysis = await settings.AnalysisAsync(Year, cancellationToken) is not null;
        (ResultsItem, MeasuresItem) = await builder.CitationsAsync(Year, cancellationToken);
    }

    /// <summary>True where the server can render the PDF (LibreOffice installed); otherwise no PDF link is shown.</summary>
    public bool PdfAvailable => pdf.IsAvailable;

    public string DocumentPath(ReportKind kind, string format) => TenantPath($"/reports/{Year}/{Slug(kind)}.{format}");

    public string PrintPath(ReportKind kind) => TenantPath($"/reports/{Year}/{Slug(kind)}/print");

    public static string Slug(ReportKind kind) => kind == ReportKind.Results ? "results" : "measures";
}
