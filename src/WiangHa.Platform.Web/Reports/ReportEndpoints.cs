using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Infrastructure.Audit;
using WiangHa.Platform.Infrastructure.Reports;
using WiangHa.Platform.Infrastructure.Tenancy;
using WiangHa.Platform.Web.Common;
using WiangHa.Platform.Web.Identity;

namespace WiangHa.Platform.Web.Reports;

/// <summary>
/// The ITA documents as files: <c>/t/{tenant}/reports/{year}/{results|measures}.{docx|xlsx|pdf}</c> for members
/// (viewers may download), and <c>/p/{slug}/{year}/…</c> for what an LAO published (no sign-in). The PDF is the DOCX
/// rendered by LibreOffice; <c>/api/v1/t/{tenant}/reports/…</c> serves the members' files to bearer tokens with
/// <c>reports:read</c>; where it is not installed the answer is a 503 ProblemDetails (and no page offers the link).
/// </summary>
public static class ReportEndpoints
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string PdfType = "application/pdf";

    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/t/{tenant}/reports/{year:int}/{document}.{format}", DownloadAsync)
            .WithName("DownloadReport")
            .RequireAuthorization(TenantPolicies.Read)
            .ExcludeFromDescription();
        // The same files for programs: a bearer token with reports:read (a supervisor's client in scope, or the LAO's
        // own); another LAO answers 404 like every tenant route.
        app.MapGroup("/api/v1/t/{tenant}/reports")
            .WithTags("Reports")
            .RequireAuthorization(DashboardPolicies.LaoReports)
            .WithApiRules()
            .MapGet("/{year:int}/{document}.{format}", DownloadAsync)
            .WithName("DownloadReportApi")
            .WithSummary("ดาวน์โหลดเอกสาร ITA ของ อปท. (download an LAO's ITA document: results|measures, docx|xlsx|pdf)");
        app.MapGet("/p/{slug}/{year:int}/{document}.{format}", DownloadPublishedAsync)
            .WithName("DownloadPublishedReport")
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    public static async Task<IResult> DownloadAsync(
        int year, string document, string format, ReportBuilder builder, ReportSettingsQueries settings, AuditLog audit, IMultiTenantContextAccessor tenants,
        LibreOfficePdfRenderer pdf, CancellationToken cancellationToken)
    {
        if (!FiscalYear.IsPlausible(year) || ReportKinds.Parse(document) is not { } kind || format is not ("docx" or "xlsx" or "pdf"))
        {
            return TypedResults.NotFound();
        }

        var options = ReportSettingsQueries.OptionsOf(await settings.PublicationAsync(year, cancellationToken));
        var built = await builder.BuildAsync(kind, year, options, cancellationToken);
        if (built is null)
        {
            return TypedResults.NotFound();
        }

        // Exports leave the platform: the trail says who took which document.
        await audit.RecordAsync(AuditActions.Export, tenants.MultiTenantContext.TenantInfo?.Id, "Report", $"{year}/{document}.{format}", cancellationToken: cancellationToken);
        return await FileOfAsync(built, format, pdf, cancellationToken);
    }

    public static async Task<IResult> DownloadPublishedAsync(
        string slug, int year, string document, string format, CrossTenantPublicReports reports, LibreOfficePdfRenderer pdf, CancellationToken cancellationToken)
    {
        if (!FiscalYear.IsPlausible(year) || ReportKinds.Parse(document) is not { } kind)
        {
            return TypedResults.NotFound();
        }

        var report = await reports.FindAsync(slug, year, cancellationToken);
        var built = report?.Documents.FirstOrDefault(d => d.Kind == kind);
        return built is null ? TypedResults.NotFound() : await FileOfAsync(built, format, pdf, cancellationToken);
    }

    private static async Task<IResult> FileOfAsync(ReportDocument document, string format, LibreOfficePdfRenderer pdf, CancellationToken cancellationToken) => format switch
    {
        "docx" => TypedResults.File(DocxReportWriter.ToBytes(document), DocxType, $"{document.FileName}.docx"),
        "xlsx" => TypedResults.File(XlsxReportWriter.ToBytes(document), XlsxType, $"{document.FileName}.xlsx"),
        "pdf" when !pdf.IsAvailable => PdfUnavailable("เซิร์ฟเวอร์นี้ไม่ได้ติดตั้งโปรแกรมสร้าง PDF กรุณาดาวน์โหลดไฟล์ Word (.docx) แทน"),
        "pdf" => await pdf.RenderAsync(DocxReportWriter.ToBytes(document), document.ThaiDigits, cancellationToken) is { } bytes
            ? TypedResults.File(bytes, PdfType, $"{document.FileName}.pdf")
            : PdfUnavailable("สร้าง PDF ไม่สำเร็จในขณะนี้ กรุณาลองใหม่ภายหลัง หรือดาวน์โหลดไฟล์ Word (.docx) แทน"),
        _ => TypedResults.NotFound(),
    };

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult PdfUnavailable(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "ไม่มีไฟล์ PDF");
}
