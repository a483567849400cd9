namespace WiangHa.Platform.Domain.Ita;

/// <summary>A step of an assessment year's ITA calendar (a CE date, the Bangkok calendar day).</summary>
public sealed record ItaDeadline(int AssessmentYear, string Key, string NameTh, string NameEn, DateOnly Date, bool Provisional);

/// <summary>
/// The ITA calendar by the pattern of past years, until the NACC announces the year's own (it did so in late November
/// for 2565): registration from 1 January, OIT answers 1 March – 30 April, clarification from 1 June, results about
/// 1 August (ita.md §5). Every date is marked provisional (ประมาณการ). The alerts issue makes calendars editable.
/// </summary>
public static class ProvisionalItaCalendar
{
    public static IReadOnlyList<ItaDeadline> For(int assessmentYear)
    {
        var ce = assessmentYear - 543;
        return
        [
            new(assessmentYear, "registration", "ลงทะเบียนในระบบ ITAS", "ITAS registration", new DateOnly(ce, 1, 1), true),
            new(assessmentYear, "oit-open", "เปิดตอบแบบ OIT", "OIT answers open", new DateOnly(ce, 3, 1), true),
            new(assessmentYear, "oit-close", "ปิดตอบแบบ OIT", "OIT answers close", new DateOnly(ce, 4, 30), true),
            new(assessmentYear, "clarification", "ชี้แจงผลการตรวจ OIT", "OIT clarification", new DateOnly(ce, 6, 1), true),
            new(assessmentYear, "results", "ประกาศผล ITA", "ITA results", new DateOnly(ce, 8, 1), true),
        ];
    }

    /// <summary>The first milestone on or after <paramref name="today"/>, this assessment year's or the next one's.</summary>
    public static ItaDeadline Next(DateOnly today)
    {
        var year = today.Year + 543;
        return For(year).Concat(For(year + 1)).First(m => m.Date >= today);
    }
}
