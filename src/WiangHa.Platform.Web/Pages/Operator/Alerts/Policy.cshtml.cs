using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WiangHa.Platform.Infrastructure.Alerts;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Web.Common;

namespace WiangHa.Platform.Web.Pages.Operator.Alerts;

/// <summary>Operators set how many days before each milestone alerts go out, and whether an overdue notice follows.</summary>
public sealed class PolicyModel(MilestoneCalendar calendar, SaveAlertPolicyHandler save) : PageModel
{
    [BindProperty]
    public PolicyForm Input { get; set; } = new();

    public sealed class PolicyForm
    {
        public string? LeadDays { get; set; }
        public bool Overdue { get; set; }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var policy = await calendar.PolicyAsync(cancellationToken);
        Input = new PolicyForm { LeadDays = policy.LeadDays, Overdue = policy.Overdue };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var result = await save.HandleAsync(new AlertPolicyInput(Input.LeadDays, Input.Overdue), cancellationToken);
        switch (result)
        {
            case CommandResult.Invalid invalid:
                ModelState.AddErrors(invalid, nameof(Input));
                return Page();
            case CommandResult.Conflict conflict:
                ModelState.AddModelError("", conflict.Message);
                return Page();
        }

        TempData["Message"] = Ui.T("บันทึกระยะเวลาแจ้งล่วงหน้าแล้ว ใช้ตั้งแต่การวางแผนแจ้งเตือนรอบถัดไป", "Lead times saved; the next planning uses them.");
        return Redirect("/operator/alerts/policy");
    }
}
