using FluentValidation;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Domain.Ita;
using WiangHa.Platform.Domain.Measures;

namespace WiangHa.Platform.Infrastructure.Measures;

/// <summary>Field rules of a measure, with messages in Thai a clerk can act on. Runs on normalised input.</summary>
public sealed class MeasureInputValidator : AbstractValidator<MeasureInput>
{
    public MeasureInputValidator()
    {
        RuleFor(m => m.FiscalYear)
            .Must(FiscalYear.IsPlausible)
            .WithMessage($"ปีงบประมาณต้องเป็นปี พ.ศ. ระหว่าง {FiscalYear.MinBuddhistYear} ถึง {FiscalYear.MaxBuddhistYear}");
        RuleFor(m => m.Number).InclusiveBetween(1, MeasureLimits.MaxNumber).When(m => m.Number is not null)
            .WithMessage($"ลำดับมาตรการต้องอยู่ระหว่าง 1 ถึง {MeasureLimits.MaxNumber}");
        RuleFor(m => m.Title)
            .NotEmpty().WithMessage("กรุณากรอกชื่อมาตรการ/แนวทาง")
            .MaximumLength(MeasureLimits.TitleMaxLength).WithMessage($"ชื่อมาตรการยาวเกิน {MeasureLimits.TitleMaxLength:N0} ตัวอักษร");
        RuleFor(m => m.AnalysisBasis).IsInEnum().WithMessage("ประเด็นจากการวิเคราะห์ไม่ถูกต้อง");
        RuleFor(m => m.Status).IsInEnum().WithMessage("สถานะไม่ถูกต้อง");

        RuleFor(m => m.Steps)
            .Must(s => s is { Count: > 0 }).WithMessage("กรุณากรอกขั้นตอน/วิธีการปฏิบัติอย่างน้อย 1 ขั้นตอน")
            .Must(s => s is null || s.Count <= MeasureLimits.MaxSteps).WithMessage($"ขั้นตอนมีได้ไม่เกิน {MeasureLimits.MaxSteps} ขั้นตอน");
        RuleForEach(m => m.Steps)
            .MaximumLength(MeasureLimits.StepMaxLength).WithMessage($"ขั้นตอนแต่ละข้อยาวได้ไม่เกิน {MeasureLimits.StepMaxLength:N0} ตัวอักษร");

        RuleFor(m => m.ResponsibleUnitIds)
            .Must(u => u is null || u.Count <= MeasureLimits.MaxResponsibleUnits)
            .WithMessage($"เลือกหน่วยงานผู้รับผิดชอบได้ไม่เกิน {MeasureLimits.MaxResponsibleUnits} หน่วยงาน");

        RuleFor(m => m.PeriodFromMonth).InclusiveBetween(1, 12).WithMessage("กรุณาเลือกเดือนที่เริ่มดำเนินการ");
        RuleFor(m => m.PeriodToMonth).InclusiveBetween(1, 12).WithMessage("กรุณาเลือกเดือนที่สิ้นสุดการดำเนินการ");
        RuleFor(m => m.PeriodFromYear).Must(FiscalYear.IsPlausible).WithMessage("ปี พ.ศ. ที่เริ่มดำเนินการไม่ถูกต้อง");
        RuleFor(m => m.PeriodToYear).Must(FiscalYear.IsPlausible).WithMessage("ปี พ.ศ. ที่สิ้นสุดการดำเนินการไม่ถูกต้อง");
        RuleFor(m => m)
            .Must(m => ThaiMonth.FromBuddhist(m.PeriodToYear, m.PeriodToMonth) >= ThaiMonth.FromBuddhist(m.PeriodFromYear, m.PeriodFromMonth))
            .When(HasValidPeriod)
            .WithName(nameof(MeasureInput.PeriodToMonth))
            .OverridePropertyName(nameof(MeasureInput.PeriodToMonth))
            .WithMessage("ระยะเวลาสิ้นสุดต้องไม่ก่อนระยะเวลาเริ่มต้น");

        RuleFor(m => m.PeriodText).MaximumLength(MeasureLimits.PeriodTextMaxLength)
            .WithMessage($"ระยะเวลาตามเอกสารยาวเกิน {MeasureLimits.PeriodTextMaxLength:N0} ตัวอักษร");
        RuleFor(m => m.Monitoring).MaximumLength(MeasureLimits.MonitoringMaxLength)
            .WithMessage($"การกำกับติดตามยาวเกิน {MeasureLimits.MonitoringMaxLength:N0} ตัวอักษร");
        RuleFor(m => m.ResultPoints)
            .Must(p => p is null || p.Count <= MeasureLimits.MaxResultPoints)
            .WithMessage($"สรุปผลการดำเนินการมีได้ไม่เกิน {MeasureLimits.MaxResultPoints} ข้อ");
        RuleForEach(m => m.ResultPoints)
            .MaximumLength(MeasureLimits.ResultPointMaxLength)
            .WithMessage($"สรุปผลการดำเนินการแต่ละข้อยาวได้ไม่เกิน {MeasureLimits.ResultPointMaxLength:N0} ตัวอักษร");
        RuleFor(m => m.Outcome).MaximumLength(MeasureLimits.OutcomeMaxLength)
            .WithMessage($"ผลลัพธ์/ความสำเร็จยาวเกิน {MeasureLimits.OutcomeMaxLength:N0} ตัวอักษร");

        RuleFor(m => m.ItaItems)
            .Must(i => i is null || i.Count <= MeasureLimits.MaxItaItems)
            .WithMessage($"เลือกข้อการประเมินได้ไม่เกิน {MeasureLimits.MaxItaItems} ข้อ");
        RuleForEach(m => m.ItaItems)
            .Must(ItaItemReference.IsWellFormed).WithMessage("รหัสข้อการประเมินต้องอยู่ในรูป ปี/รหัส เช่น 2567/O35");

        RuleFor(m => m.EvidenceLinks)
            .Must(l => l is null || l.Count <= MeasureLimits.MaxEvidenceLinks)
            .WithMessage($"หลักฐานมีได้ไม่เกิน {MeasureLimits.MaxEvidenceLinks} รายการ");
        RuleForEach(m => m.EvidenceLinks).ChildRules(link =>
        {
            link.RuleFor(l => l.Url)
                .NotEmpty().WithMessage("กรุณากรอกลิงก์ของหลักฐาน")
                .MaximumLength(MeasureLimits.UrlMaxLength).WithMessage($"ลิงก์ยาวเกิน {MeasureLimits.UrlMaxLength:N0} ตัวอักษร")
                .Must(IsHttpUrl).WithMessage("ลิงก์ต้องเป็นที่อยู่เว็บที่ขึ้นต้นด้วย http:// หรือ https://");
            // The title is optional: pages and documents fall back to the link's site (EvidenceLink.Label).
            link.RuleFor(l => l.Title)
                .MaximumLength(MeasureLimits.LinkTitleMaxLength).WithMessage($"ชื่อหลักฐานยาวเกิน {MeasureLimits.LinkTitleMaxLength:N0} ตัวอักษร");
            link.RuleFor(l => l.Channel).IsInEnum().WithMessage("ช่องทางเผยแพร่ไม่ถูกต้อง");
        });
    }

    public static bool IsHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);

    private static bool HasValidPeriod(MeasureInput m) =>
        m.PeriodFromMonth is >= 1 and <= 12 && m.PeriodToMonth is >= 1 and <= 12
        && FiscalYear.IsPlausible(m.PeriodFromYear) && FiscalYear.IsPlausible(m.PeriodToYear);
}
