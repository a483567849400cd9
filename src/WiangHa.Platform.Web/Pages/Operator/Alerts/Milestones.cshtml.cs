using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Domain.Ita;
using WiangHa.Platform.Infrastructure.Alerts;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Ita;
using WiangHa.Platform.Web.Common;

namespace WiangHa.Platform.Web.Pages.Operator.Alerts;

/// <summary>
/// Operators keep each assessment year's ITA calendar: the provisional pattern until they save it, each date an
/// estimate (ประมาณการ) until they tick that the NACC has announced it. Alerts and dashboards follow what is saved.
/// </summary>
public sealed class MilestonesModel(MilestoneCalendar calendar, ItaCatalogueQueries catalogues, SaveMilestonesHandler save, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    [BindProperty]
    public MilestonesForm Input { get; set; } = new();

    public IReadOnlyList<int> Years { get; private set; } = [];

    public sealed class MilestonesForm
    {
        public int AssessmentYear { get; set; }
        public List<StepForm> Steps { get; set; } = [];
    }

    public sealed class StepForm
    {
        public string Key { get; set; } = "";
        public string? NameTh { get; set; }
        public string? NameEn { get; set; }

        /// <summary>As the date input sends it ("2027-04-30").</summary>
        public string? Date { get; set; }
        public bool Confirmed { get; set; }

        /// <summary>The date in Buddhist Era ("30 เม.ย. 2570"), when the field holds a real date.</summary>
        public string? BuddhistDate => SaveMilestonesInputValidator.ParseDate(Date) is { } date ? AlertText.Date(date, Ui.IsEnglish) : null;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var year = Year ?? AssessmentYearNow();
        if (year is < 2560 or > 2700)
        {
            return NotFound();
        }

        var steps = await calendar.ForYearAsync(year, cancellationToken);
        var order = ProvisionalItaCalendar.For(year).Select(m => m.Key).ToList();
        Input = new MilestonesForm
        {
            AssessmentYear = year,
            Steps = steps.OrderBy(s => order.IndexOf(s.Key)).Select(s => new StepForm
            {
                Key = s.Key, NameTh = s.NameTh, NameEn = s.NameEn, Date = s.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                Confirmed = !s.Provisional,
            }).ToList(),
        };
        await LoadYearsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var input = new SaveMilestonesInput(Input.AssessmentYear,
            Input.Steps.Select(s => new MilestoneStepInput(s.Key, s.NameTh, s.NameEn, s.Date, s.Confirmed)).ToList());
        switch (await save.HandleAsync(input, cancellationToken))
        {
            case MilestonesSaved saved:
                TempData["Message"] = Ui.T($"บันทึกปฏิทิน ITA ปี {saved.AssessmentYear} แล้ว การแจ้งเตือนและแดชบอร์ดใช้วันที่ใหม่ตั้งแต่วันนี้",
                    $"Saved the ITA {saved.AssessmentYear} calendar; alerts and dashboards use the new dates from today.");
                return Redirect($"/operator/alerts/milestones?year={saved.AssessmentYear}");
            case CommandResult.Invalid invalid:
                ModelState.AddErrors(invalid, nameof(Input));
                break;
            case CommandResult.Conflict conflict:
                ModelState.AddModelError("", conflict.Message);
                break;
        }

        Year = Input.AssessmentYear;
        await LoadYearsAsync(cancellationToken);
        return Page();
    }

    private int AssessmentYearNow() => MilestoneCalendar.AssessmentYearOn(DateOnly.FromDateTime(ThaiTime.ToBangkok(clock.GetUtcNow()).DateTime));

    private async Task LoadYearsAsync(CancellationToken cancellationToken)
    {
        var now = AssessmentYearNow();
        Years = (await catalogues.PublishedYearsAsync(cancellationToken)).Append(now).Append(now + 1).Append(Input.AssessmentYear)
            .Where(y => y > 0).Distinct().OrderDescending().ToList();
    }
}
