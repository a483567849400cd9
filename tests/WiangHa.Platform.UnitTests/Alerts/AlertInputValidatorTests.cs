using WiangHa.Platform.Domain.Ita;
using WiangHa.Platform.Infrastructure.Alerts;

namespace WiangHa.Platform.UnitTests.Alerts;

/// <summary>The operators' calendar and lead-time rules, field by field.</summary>
public sealed class AlertInputValidatorTests
{
    private static readonly SaveMilestonesInputValidator Calendar = new();
    private static readonly AlertPolicyInputValidator Policy = new();

    /// <summary>ITA 2570's provisional calendar as the form would send it, with some dates replaced.</summary>
    private static SaveMilestonesInput Year2570(params (string Key, string Date)[] dates) => new(2570,
        ProvisionalItaCalendar.For(2570).Select(m => new MilestoneStepInput(m.Key, m.NameTh, m.NameEn,
            dates.Where(d => d.Key == m.Key).Select(d => d.Date).DefaultIfEmpty(m.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Single(),
            Confirmed: false)).ToList());

    private static Dictionary<string, string> Errors(SaveMilestonesInput input) =>
        Calendar.Validate(input).Errors.ToDictionary(e => e.PropertyName, e => e.ErrorMessage);

    [Fact]
    public void The_provisional_pattern_is_a_valid_calendar() => Calendar.Validate(Year2570()).IsValid.ShouldBeTrue();

    [Theory]
    [InlineData("2027-02-29", "วันที่ไม่ถูกต้อง")]
    [InlineData("1/3/2027", "วันที่ไม่ถูกต้อง")]
    [InlineData(" ", "กรุณากรอกวันที่")]
    [InlineData("2025-03-01", "วันที่ต้องอยู่ระหว่างปี พ.ศ. 2569 ถึง 2571 (ปฏิทิน ITA 2570)")]
    [InlineData("2029-03-01", "วันที่ต้องอยู่ระหว่างปี พ.ศ. 2569 ถึง 2571 (ปฏิทิน ITA 2570)")]
    public void A_date_that_is_missing_unreal_or_outside_the_years_window_is_refused_beside_its_field(string date, string message) =>
        Errors(Year2570(("oit-open", date))).ShouldBe(new Dictionary<string, string> { ["Steps[1].Date"] = message });

    [Fact]
    public void The_window_may_start_in_the_year_before_and_end_in_the_year_after() =>
        Calendar.Validate(Year2570(("registration", "2026-11-20"), ("results", "2028-01-15"))).IsValid.ShouldBeTrue();

    [Fact]
    public void Steps_follow_each_other_and_only_the_answer_window_must_really_open_before_it_closes()
    {
        Calendar.Validate(Year2570(("oit-open", "2027-01-01"), ("results", "2027-06-01"))).IsValid.ShouldBeTrue();
        Errors(Year2570(("oit-close", "2027-03-01"))).ShouldBe(new Dictionary<string, string> { ["Steps[2].Date"] = "ต้องอยู่หลังวันเปิดตอบแบบ OIT (1 มี.ค. 2570)" });
        Errors(Year2570(("registration", "2027-03-02"))).ShouldBe(new Dictionary<string, string> { ["Steps[1].Date"] = "ต้องไม่ก่อนวันลงทะเบียนในระบบ ITAS (2 มี.ค. 2570)" });
    }

    [Fact]
    public void Every_step_is_needed_in_the_calendars_order()
    {
        var input = Year2570();
        Calendar.Validate(input with { Steps = input.Steps.Skip(1).ToList() }).Errors.ShouldContain(e => e.PropertyName == "Steps");
        Calendar.Validate(input with { Steps = input.Steps.Reverse().ToList() }).Errors.ShouldContain(e => e.PropertyName == "Steps");
    }

    [Theory]
    [InlineData("30 14 7 3 1", "30 14 7 3 1")]
    [InlineData("1, 7,30", "30 7 1")]
    [InlineData(" 120 ", "120")]
    public void Lead_days_are_stored_distinct_largest_first(string typed, string stored)
    {
        var input = new AlertPolicyInput(typed, Overdue: true);
        Policy.Validate(input).IsValid.ShouldBeTrue();
        input.NormalisedLeadDays.ShouldBe(stored);
    }

    [Theory]
    [InlineData(null, "กรุณากรอกจำนวนวันล่วงหน้าอย่างน้อย 1 ค่า เช่น 30 14 7 3 1")]
    [InlineData("0", "จำนวนวันต้องเป็นจำนวนเต็มระหว่าง 1 ถึง 120: 0")]
    [InlineData("7 -1 3.5", "จำนวนวันต้องเป็นจำนวนเต็มระหว่าง 1 ถึง 120: -1 3.5")]
    [InlineData("3 3", "มีจำนวนวันซ้ำกัน")]
    [InlineData("1 2 3 4 5 6 7 8 9 10 11", "กรอกได้ไม่เกิน 10 ค่า")]
    public void Bad_lead_days_are_refused_in_Thai(string? typed, string message)
    {
        var error = Policy.Validate(new AlertPolicyInput(typed, Overdue: false)).Errors.ShouldHaveSingleItem();
        error.PropertyName.ShouldBe(nameof(AlertPolicyInput.LeadDays));
        error.ErrorMessage.ShouldBe(message);
    }

    [Fact]
    public void The_outbox_preview_never_shows_a_preferences_token() =>
        AlertOutboxQueries.Preview("ดูรายการ http://x/alerts/preferences?token=CfDJ8abc%2Bdef&lang=th จบ").ShouldBe("ดูรายการ http://x/alerts/preferences?token=…&lang=th จบ");
}
