using Microsoft.AspNetCore.Mvc;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Reports;
using WiangHa.Platform.Infrastructure.Tenancy;
using WiangHa.Platform.Web.Common;

namespace WiangHa.Platform.Web.Pages.Tenant.Reports;

/// <summary>การวิเคราะห์ผลการประเมินปีก่อน for the measures document of a year; one item per line in the lists.</summary>
public sealed class AnalysisModel(IMultiTenantContextAccessor tenant, ReportSettingsQueries settings, SaveAssessmentAnalysisHandler save) : TenantPageModel(tenant)
{
    public sealed class AnalysisForm
    {
        public string? PreviousScore { get; set; }
        public string? Summary { get; set; }
        public string? UrgentWeaknesses { get; set; }
        public string? IssuesToImprove { get; set; }
    }

    public int Year { get; private set; }

    [BindProperty]
    public AnalysisForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken cancellationToken)
    {
        if (!FiscalYear.IsPlausible(year))
        {
            return NotFound();
        }

        Year = year;
        if (await settings.AnalysisAsync(year, cancellationToken) is { } a)
        {
            Form = new AnalysisForm
            {
                PreviousScore = a.PreviousScore?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
                Summary = a.Summary,
                UrgentWeaknesses = string.Join('\n', a.UrgentWeaknesses),
                IssuesToImprove = string.Join('\n', a.IssuesToImprove),
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int year, CancellationToken cancellationToken)
    {
        if (!FiscalYear.IsPlausible(year))
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        ClearBindingErrors(ModelState);
        Year = year;
        decimal? score = null;
        if (!string.IsNullOrWhiteSpace(Form.PreviousScore))
        {
            if (!decimal.TryParse(Domain.Calendar.ThaiNumerals.ToArabicDigits(Form.PreviousScore.Trim()), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
            {
                ModelState.AddModelError("Form.PreviousScore", "คะแนนต้องเป็นตัวเลข เช่น 85.5");
                return Page();
            }

            score = parsed;
        }

        var input = new AnalysisInput(score, Form.Summary, Lines(Form.UrgentWeaknesses), Lines(Form.IssuesToImprove));
        switch (await save.HandleAsync(year, input, cancellationToken))
        {
            case CommandResult.Invalid invalid:
                AddErrors(invalid, nameof(Form));
                return Page();
            default:
                TempData["Message"] = Ui.T("บันทึกการวิเคราะห์ผลการประเมินแล้ว", "Analysis saved.");
                return Redirect(TenantPath($"/reports?year={year}"));
        }
    }

    private static List<string> Lines(string? text) => (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
}
