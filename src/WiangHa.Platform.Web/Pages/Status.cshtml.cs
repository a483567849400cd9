using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WiangHa.Platform.Infrastructure.Tenancy;
using WiangHa.Platform.Web.Common;
using WiangHa.Platform.Web.Tenancy;

namespace WiangHa.Platform.Web.Pages;

/// <summary>Thai pages for error statuses (re-executed by the status-code middleware), including a suspended LAO.</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }
    public string Title { get; private set; } = "";
    public string Detail { get; private set; } = "";

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        Code = code;
        if (HttpContext.Items[TenantResolutionMiddleware.SuspendedTenantItem] is TenantInfo suspended)
        {
            Title = Ui.T("หน่วยงานนี้ถูกระงับการใช้งานชั่วคราว", "This organisation is suspended");
            Detail = Ui.T($"{suspended.Name} ถูกระงับการใช้งาน ข้อมูลทั้งหมดยังเก็บไว้ครบถ้วน กรุณาติดต่อผู้ดูแลระบบเพื่อเปิดใช้งานอีกครั้ง",
                $"{suspended.Name} is suspended. Its data is kept; contact the platform operators to reactivate it.");
            return;
        }

        (Title, Detail) = code switch
        {
            404 => (Ui.T("ไม่พบหน้าที่ต้องการ", "Page not found"), Ui.T("ไม่พบหน้านี้ หรือท่านไม่มีสิทธิ์เข้าถึงข้อมูลนี้", "This page does not exist, or it is not yours to see.")),
            403 => (Ui.T("ไม่มีสิทธิ์ดำเนินการ", "Not allowed"), Ui.T("บทบาทของท่านในหน่วยงานนี้ไม่สามารถทำรายการนี้ได้", "Your role in this organisation does not allow this.")),
            400 => (Ui.T("คำขอไม่ถูกต้อง", "Bad request"), Ui.T("กรุณาลองใหม่อีกครั้ง", "Please try again.")),
            _ => (Ui.T("เกิดข้อผิดพลาดในระบบ", "Something went wrong"), Ui.T("ระบบบันทึกปัญหาไว้แล้ว ข้อมูลที่บันทึกไว้ก่อนหน้านี้ไม่สูญหาย กรุณาลองใหม่อีกครั้ง", "The problem was logged; nothing saved was lost. Please try again.")),
        };
    }
}
