using System.Globalization;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Domain.Common;

namespace WiangHa.Platform.Domain.Ita;

/// <summary>
/// Checks a catalogue before it may be stored: every message is Thai, names the place of the problem, and the whole
/// file is rejected when any is found (nothing half-imported).
/// </summary>
public static class ItaCatalogueValidator
{
    public static IReadOnlyList<string> Validate(ItaCatalogue catalogue)
    {
        var errors = new List<string>();
        if (!FiscalYear.IsPlausible(catalogue.Year))
        {
            errors.Add($"ปีการประเมิน (year) ต้องเป็นปี พ.ศ. ระหว่าง {FiscalYear.MinBuddhistYear} ถึง {FiscalYear.MaxBuddhistYear} แต่พบ {catalogue.Year.ToString(CultureInfo.InvariantCulture)}");
        }

        if (string.IsNullOrWhiteSpace(catalogue.Title))
        {
            errors.Add("ไม่มีชื่อคู่มือ (title)");
        }

        if (catalogue.Indicators.Count == 0)
        {
            errors.Add("คู่มือต้องมีตัวชี้วัดอย่างน้อย 1 ตัว (indicators)");
        }

        var indicatorCodes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var subCodes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var itemCodes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var indicator in catalogue.Indicators)
        {
            if (string.IsNullOrWhiteSpace(indicator.Code))
            {
                errors.Add("ตัวชี้วัดไม่มีรหัส (indicators[].code)");
            }
            else if (!indicatorCodes.Add(indicator.Code))
            {
                errors.Add($"รหัสตัวชี้วัดซ้ำ: {indicator.Code}");
            }

            if (string.IsNullOrWhiteSpace(indicator.Title))
            {
                errors.Add($"ตัวชี้วัด {indicator.Code} ไม่มีชื่อ (title)");
            }

            foreach (var sub in indicator.SubIndicators)
            {
                ValidateSubIndicator(indicator, sub, subCodes, itemCodes, errors);
            }
        }

        ValidateCompleteness(catalogue, itemCodes, errors);

        foreach (var tier in catalogue.Scoring.Tiers)
        {
            if (string.IsNullOrWhiteSpace(tier.Name) || tier.MinScore is < 0 or > 100)
            {
                errors.Add($"ระดับผลการประเมิน \"{tier.Name}\" ต้องมีชื่อและคะแนนขั้นต่ำ 0–100");
            }
        }

        if (catalogue.Scoring.PassMark is <= 0 or > 100)
        {
            errors.Add("เกณฑ์ผ่าน (scoring.passMark) ต้องอยู่ระหว่าง 1 ถึง 100");
        }

        foreach (var milestone in catalogue.Milestones)
        {
            if (string.IsNullOrWhiteSpace(milestone.Title))
            {
                errors.Add("กำหนดการ (milestones) ต้องมีชื่อ");
            }
            else if (milestone.From is { } from && milestone.To is { } to && to < from)
            {
                errors.Add($"กำหนดการ \"{milestone.Title}\": วันสิ้นสุดอยู่ก่อนวันเริ่ม");
            }
        }

        // An operator can fix the file, so control characters are refused here rather than stripped (line breaks allowed).
        foreach (var (field, message) in TextHygiene.ProblemsIn(catalogue, multiLineEverywhere: true))
        {
            errors.Add($"{field}: {message}");
        }

        return errors;
    }

    /// <summary>"complete" must agree with the list: no unknown codes, no gaps, no unknown code that is also an item.</summary>
    private static void ValidateCompleteness(ItaCatalogue catalogue, HashSet<string> itemCodes, List<string> errors)
    {
        if (catalogue.UnknownItems.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add("รายการข้อที่ยังไม่ทราบ (unknownItems) มีรหัสว่าง");
        }

        foreach (var code in catalogue.UnknownItems.Where(c => !string.IsNullOrWhiteSpace(c) && itemCodes.Contains(c.Trim())))
        {
            errors.Add($"ข้อ {code.Trim()} อยู่ทั้งในรายการข้อและในรายการข้อที่ยังไม่ทราบ (unknownItems)");
        }

        if (!catalogue.Complete)
        {
            return;
        }

        if (catalogue.UnknownItems.Count > 0)
        {
            errors.Add("ระบุว่าคู่มือครบทุกข้อ (complete: true) แต่มีรายการข้อที่ยังไม่ทราบ (unknownItems) — ระบุ complete: false หรือเพิ่มข้อเหล่านั้น");
        }

        if (catalogue.NumberingGaps() is { Count: > 0 } gaps)
        {
            errors.Add($"ระบุว่าคู่มือครบทุกข้อ (complete: true) แต่ไม่มีข้อ {string.Join(", ", gaps)} — เพิ่มข้อที่ขาด หรือระบุ complete: false และใส่รหัสใน unknownItems");
        }
    }

    private static void ValidateSubIndicator(ItaIndicator indicator, ItaSubIndicator sub, HashSet<string> subCodes, HashSet<string> itemCodes, List<string> errors)
    {
        // A sub-indicator "10.2" belongs to indicator "10": a different prefix is an unknown indicator.
        var prefix = sub.Code.Split('.')[0];
        if (string.IsNullOrWhiteSpace(sub.Code))
        {
            errors.Add($"ตัวชี้วัดย่อยในตัวชี้วัด {indicator.Code} ไม่มีรหัส");
        }
        else if (!string.Equals(prefix, indicator.Code, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"ตัวชี้วัดย่อย {sub.Code} อ้างถึงตัวชี้วัด {prefix} ซึ่งไม่มีในคู่มือนี้ (อยู่ใต้ตัวชี้วัด {indicator.Code})");
        }
        else if (!subCodes.Add(sub.Code))
        {
            errors.Add($"รหัสตัวชี้วัดย่อยซ้ำ: {sub.Code}");
        }

        if (string.IsNullOrWhiteSpace(sub.Title))
        {
            errors.Add($"ตัวชี้วัดย่อย {sub.Code} ไม่มีชื่อ (title)");
        }

        foreach (var item in sub.Items)
        {
            var where = string.IsNullOrWhiteSpace(item.Code) ? $"ข้อในตัวชี้วัดย่อย {sub.Code}" : $"ข้อ {item.Code}";
            if (string.IsNullOrWhiteSpace(item.Code))
            {
                errors.Add($"{where} ไม่มีรหัสข้อ (code)");
            }
            else if (!itemCodes.Add(item.Code.Trim()))
            {
                errors.Add($"รหัสข้อซ้ำ: {item.Code} (รหัสข้อต้องไม่ซ้ำกันทั้งคู่มือ)");
            }

            if (string.IsNullOrWhiteSpace(item.Title))
            {
                errors.Add($"{where} ไม่มีชื่อข้อ (title)");
            }

            if (!Enum.IsDefined(item.Kind))
            {
                errors.Add($"{where}: ประเภทข้อ (kind) ไม่ถูกต้อง");
            }

            if (item.RequirementClause is { Length: > ItaItem.MaxRequirementClauseLength })
            {
                errors.Add($"{where}: ข้อความที่คู่มือกำหนด (requirementClause) ยาวเกิน {ItaItem.MaxRequirementClauseLength} ตัวอักษร");
            }

            if (item.Elements.Any(e => string.IsNullOrWhiteSpace(e.Text)))
            {
                errors.Add($"{where}: มีองค์ประกอบด้านข้อมูลที่ว่างเปล่า");
            }

            if (item.DataYear is { Offset: < -5 or > 1 })
            {
                errors.Add($"{where}: เงื่อนไขปีของข้อมูล (dataYear.offset) ต้องอยู่ระหว่าง -5 ถึง 1");
            }

            if (item.AppliesTo.Any(t => !Enum.IsDefined(t)))
            {
                errors.Add($"{where}: ประเภท อปท. ที่ใช้บังคับ (appliesTo) ไม่รู้จัก");
            }
        }
    }
}
