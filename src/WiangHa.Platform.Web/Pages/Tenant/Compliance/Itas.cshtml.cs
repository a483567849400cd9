using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using WiangHa.Platform.Domain.Compliance;
using WiangHa.Platform.Infrastructure.Audit;
using WiangHa.Platform.Infrastructure.Compliance;
using WiangHa.Platform.Infrastructure.Ita;
using WiangHa.Platform.Infrastructure.Tenancy;
using WiangHa.Platform.Web.Common;
using WiangHa.Platform.Web.Dashboards;

namespace WiangHa.Platform.Web.Pages.Tenant.Compliance;

/// <summary>
/// แบบตอบ ITAS: one printable page (and an XLSX) with every item of the year in the NACC's order and what the clerk
/// will type into ITAS for it — answer, URL(s), explanation, exactly as stored — with a copy button per field, each
/// URL's last check, and the items not ready marked.
/// </summary>
public sealed class ItasModel(IMultiTenantContextAccessor tenant, ItasSheetQueries sheets, ItaCatalogueQueries catalogues, AuditLog audit)
    : TenantPageModel(tenant)
{
    public ItasSheet Sheet { get; private set; } = null!;

    /// <summary>The items of the year's manual not known yet (ADR 0006): not on the sheet, so the page names them.</summary>
    public IReadOnlyList<string> UnknownCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken cancellationToken)
    {
        if (await sheets.SheetAsync(year, cancellationToken) is not { } sheet)
        {
            return NotFound();
        }

        Sheet = sheet;
        UnknownCodes = (await catalogues.PublishedAsync(year, cancellationToken))?.Catalogue.UnknownItemCodes() ?? [];
        return Page();
    }

    public async Task<IActionResult> OnGetXlsxAsync(int year, CancellationToken cancellationToken)
    {
        if (await sheets.SheetAsync(year, cancellationToken) is not { } sheet)
        {
            return NotFound();
        }

        var name = string.Create(CultureInfo.InvariantCulture, $"itas-{year}-{Tenant.Identifier}.xlsx");
        // The sheet leaves the platform: the trail says who took it.
        await audit.RecordAsync(AuditActions.Export, subjectType: "ItasSheet", subjectId: name, cancellationToken: cancellationToken);
        return File(TableExports.ToXlsx(Table(sheet)), TableExports.XlsxType, name);
    }

    /// <summary>One row per item; several URLs share the cell, one per line, as ITAS takes one URL per box.</summary>
    public static ExportTable Table(ItasSheet sheet) => new(
        $"ITAS {sheet.Year}",
        [
            Ui.T("ข้อ", "Item"), Ui.T("ข้อมูล", "Required data"), Ui.T("คำตอบ", "Answer"), "URL",
            Ui.T("คำอธิบายเพิ่มเติม", "Explanation"), Ui.T("พร้อมส่ง", "Ready"), Ui.T("สิ่งที่ต้องแก้", "What to fix"),
        ],
        sheet.Rows.Select(r => (IReadOnlyList<object?>)
        [
            r.Code, r.Title, AnswerText(r.Answer), string.Join("\n", r.Urls.Select(u => u.Url)), r.Explanation ?? "",
            ReadyText(r), string.Join("\n", r.Reasons),
        ]).ToList());

    public static string AnswerText(DisclosureAnswer answer) =>
        answer == DisclosureAnswer.None ? Ui.T("ยังไม่ตอบ", "Not answered") : Ui.Answer(answer);

    public static string ReadyText(ItasSheetRow row) =>
        !row.Applies ? Ui.T("ไม่ใช้กับหน่วยงาน", "Not applicable")
        : row.Ready ? Ui.T("พร้อม", "Ready")
        : row.Status is null ? Ui.T("ยังไม่ได้ตรวจ", "Not checked")
        : Ui.T("ยังไม่พร้อม", "Not ready");

    public static string LinkText(ItasSheetUrl url) => url.Outcome switch
    {
        null => Ui.T("ยังไม่ได้ตรวจลิงก์", "link not checked yet"),
        LinkOutcome.Ok => Ui.T("เปิดได้", "opens") + $" ({url.StatusCode}) · " + Ui.DateTime(url.CheckedAt!.Value),
        _ => Ui.T("เปิดไม่ได้", "does not open") + $" ({url.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? url.Outcome.ToString()}) · " + Ui.DateTime(url.CheckedAt!.Value),
    };
}
