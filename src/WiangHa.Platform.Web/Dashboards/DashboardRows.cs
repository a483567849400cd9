using System.Globalization;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Domain.Dashboards;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Dashboards;

namespace WiangHa.Platform.Web.Dashboards;

/// <summary>One province's figures for a year, as the API, the CSV and the XLSX give them (one shape for all three).</summary>
public sealed record ProvinceFigures(
    int? Rank, string Code, string NameTh, string NameEn, int Registered, int Onboarded, int Checked, decimal? AverageScore, int AtPassMark,
    decimal? PassShare, int AtRisk, int NotStarted)
{
    public static ProvinceFigures From(RankedProvince province) => From(province.Summary, province.Rank);

    public static ProvinceFigures From(AreaSummary s, int? rank) =>
        new(rank, s.Code, s.NameTh, s.NameEn, s.Registered, s.Onboarded, s.Checked, s.AverageScore, s.AtPassMark, s.PassShare, s.AtRisk, s.NotStarted);
}

/// <summary>
/// One LAO of a province (onboarded or not), as the API, the CSV and the XLSX give it. Figures are null for an LAO
/// never checked in the year; instants are UTC (the files show them as Bangkok dates with a Buddhist Era year).
/// </summary>
public sealed record LaoFigures(
    string? DlaCode, string? Slug, string Name, OrganisationType Type, string TypeLabel, string DistrictCode, string District, Readiness Readiness,
    string ReadinessLabel, decimal? Score, string? Rating, bool? Passes, int? ItemsPassing, int? ItemsApplicable, IReadOnlyList<string> FailingItems,
    int? MeasuresDone, int? MeasuresInProgress, int? MeasuresLate, DateTimeOffset? LastActivityAt, DateTimeOffset? CheckedAt, string? RiskReason)
{
    public static LaoFigures From(LaoRow row)
    {
        var s = row.Standing;
        return new LaoFigures(
            row.DlaCode, row.Slug, row.Name, row.Type, row.Type.Label(), row.DistrictCode, row.DistrictName, row.Readiness, row.Readiness.Label(),
            s?.Score, s?.Rating, s?.Passes, s is null ? null : s.Passed + s.Warnings, s?.Applicable, row.FailingItems,
            s?.MeasuresCompleted, s?.MeasuresInProgress, s?.MeasuresLate, s?.LastActivityAt, s?.CheckedAt, row.RiskReason);
    }
}

/// <summary>A column of an exported table: its Thai header and how a row gives its cell (a number stays a number).</summary>
public sealed record Column<T>(string Header, Func<T, object?> Value);

/// <summary>A table ready to be written as CSV or XLSX: a header row, then typed cells (string, number or empty).</summary>
public sealed record ExportTable(string SheetName, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>
/// The dashboards' tables as files: which columns, in which order, under which Thai header. The API serves the same
/// <see cref="ProvinceFigures"/> and <see cref="LaoFigures"/> rows, so a file and the API never disagree.
/// </summary>
public static class DashboardTables
{
    public static readonly IReadOnlyList<Column<ProvinceFigures>> Provinces =
    [
        new("อันดับ", p => p.Rank),
        new("รหัสจังหวัด", p => p.Code),
        new("จังหวัด", p => p.NameTh),
        new("อปท. ในทะเบียน", p => p.Registered),
        new("เข้าร่วมแล้ว", p => p.Onboarded),
        new("ตรวจแล้ว", p => p.Checked),
        new("คะแนนคาดการณ์เฉลี่ย", p => p.AverageScore),
        new("ร้อยละที่ได้ 85 ขึ้นไป", p => p.PassShare),
        new("เสี่ยง", p => p.AtRisk),
        new("ยังไม่เริ่ม", p => p.NotStarted),
    ];

    public static readonly IReadOnlyList<Column<LaoFigures>> Laos =
    [
        new("รหัส อปท.", l => l.DlaCode),
        new("ชื่อ อปท.", l => l.Name),
        new("ประเภท", l => l.TypeLabel),
        new("อำเภอ", l => l.District),
        new("ความพร้อม", l => l.ReadinessLabel),
        new("คะแนนคาดการณ์", l => l.Score),
        new("ระดับ", l => l.Rating),
        new("ข้อที่ผ่าน", l => l.ItemsPassing),
        new("ข้อที่ประเมิน", l => l.ItemsApplicable),
        new("ข้อที่ไม่ผ่าน", l => l.FailingItems.Count == 0 ? null : string.Join(' ', l.FailingItems)),
        new("มาตรการดำเนินการแล้ว", l => l.MeasuresDone),
        new("มาตรการกำลังดำเนินการ", l => l.MeasuresInProgress),
        new("มาตรการเลยกำหนด", l => l.MeasuresLate),
        new("แก้ไขล่าสุด", l => ThaiDate(l.LastActivityAt)),
        new("ตรวจเมื่อ", l => ThaiDate(l.CheckedAt)),
        new("เหตุที่เสี่ยง", l => l.RiskReason),
    ];

    public static ExportTable Of<T>(string sheetName, IReadOnlyList<Column<T>> columns, IEnumerable<T> rows) =>
        new(sheetName, columns.Select(c => c.Header).ToList(), rows.Select(r => (IReadOnlyList<object?>)columns.Select(c => c.Value(r)).ToList()).ToList());

    /// <summary>The Bangkok calendar day with a Buddhist Era year, as Thai offices write it: "1 ธ.ค. 2569".</summary>
    public static string? ThaiDate(DateTimeOffset? instant)
    {
        if (instant is not { } at)
        {
            return null;
        }

        var local = ThaiTime.ToBangkok(at);
        return string.Create(CultureInfo.InvariantCulture, $"{local.Day} {ThaiMonth.ShortNames[local.Month - 1]} {local.Year + FiscalYear.BuddhistEraOffset}");
    }
}
