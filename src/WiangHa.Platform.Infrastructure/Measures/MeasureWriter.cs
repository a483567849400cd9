using FluentValidation;
using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Domain.Measures;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Measures;

/// <summary>
/// What create and update share: validation (field rules, then rules that need the database) and copying the input
/// onto the entity.
/// </summary>
public sealed class MeasureWriter(PlatformDbContext db, IValidator<MeasureInput> validator, TimeProvider clock)
{
    public const string ConflictMessage =
        "มีผู้อื่นแก้ไขมาตรการนี้หลังจากที่ท่านเปิดหน้าแก้ไข ระบบจึงยังไม่บันทึกการแก้ไขของท่าน กรุณาโหลดข้อมูลล่าสุดแล้วแก้ไขอีกครั้ง";

    public const string VersionRequiredMessage =
        "การแก้ไขหรือลบต้องส่งส่วนหัว If-Match เป็น ETag ที่ได้จากการอ่านมาตรการ เพื่อไม่ให้ทับการแก้ไขของผู้อื่น";

    public PlatformDbContext Db => db;

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Validates the normalised input; returns the errors or, when valid, the responsible units it names.</summary>
    public async Task<(CommandResult.Invalid? Errors, List<Domain.Organisations.OrgUnit> Units)> ValidateAsync(
        MeasureInput input, Guid? measureId, CancellationToken cancellationToken)
    {
        var errors = await validator.FieldErrorsAsync(input, cancellationToken);

        var unitIds = input.ResponsibleUnitIds ?? [];
        // The tenant filter hides other tenants' units, so a smuggled foreign id is simply "not found".
        var units = await db.OrgUnits.Where(u => unitIds.Contains(u.Id)).ToListAsync(cancellationToken);
        if (units.Count != unitIds.Count)
        {
            errors[nameof(MeasureInput.ResponsibleUnitIds)] = ["ไม่พบหน่วยงานผู้รับผิดชอบที่เลือก กรุณาเลือกใหม่"];
        }

        if (!errors.ContainsKey(nameof(MeasureInput.Title)) && !string.IsNullOrEmpty(input.Title))
        {
            var titleTaken = await db.Measures.AnyAsync(
                m => m.FiscalYear == input.FiscalYear && m.Title == input.Title && m.Id != measureId, cancellationToken);
            if (titleTaken)
            {
                errors[nameof(MeasureInput.Title)] = [$"มีมาตรการชื่อนี้แล้วในปีงบประมาณ {input.FiscalYear}"];
            }
        }

        return (errors.AsInvalid(), units);
    }

    public static void Apply(Measure measure, MeasureInput input, List<Domain.Organisations.OrgUnit> units)
    {
        measure.FiscalYear = input.FiscalYear;
        measure.Title = input.Title!;
        measure.AnalysisBasis = input.AnalysisBasis;
        measure.Steps = [.. input.Steps!];
        measure.ResponsibleUnits.RemoveAll(u => !units.Contains(u));
        measure.ResponsibleUnits.AddRange(units.Where(u => !measure.ResponsibleUnits.Contains(u)));
        measure.PeriodFrom = ThaiMonth.FromBuddhist(input.PeriodFromYear, input.PeriodFromMonth).FirstDay;
        measure.PeriodTo = ThaiMonth.FromBuddhist(input.PeriodToYear, input.PeriodToMonth).FirstDay;
        measure.PeriodText = input.PeriodText;
        measure.Status = input.Status;
        measure.Monitoring = input.Monitoring;
        measure.ResultPoints = [.. input.ResultPoints!];
        measure.Outcome = input.Outcome;
        measure.ItaItems = [.. input.ItaItems!];
    }

    /// <summary>Adds a new measure made from validated, normalised input (saved by the caller's SaveChanges).</summary>
    public Measure Add(MeasureInput input, List<Domain.Organisations.OrgUnit> units, int number, Guid? submissionKey = null)
    {
        var measure = new Measure { Title = input.Title!, Number = number, SubmissionKey = submissionKey };
        measure.CreatedAt = measure.UpdatedAt = Now;
        Apply(measure, input, units);
        ReplaceEvidenceLinks(measure, input);
        db.Measures.Add(measure);
        return measure;
    }

    /// <summary>Replaces the measure's evidence links with the input's, keeping their order.</summary>
    public void ReplaceEvidenceLinks(Measure measure, MeasureInput input)
    {
        db.EvidenceLinks.RemoveRange(measure.EvidenceLinks);
        measure.EvidenceLinks.Clear();
        var order = 0;
        foreach (var link in input.EvidenceLinks!)
        {
            var evidence = new EvidenceLink
            {
                MeasureId = measure.Id,
                SortOrder = ++order,
                Url = link.Url!,
                Title = link.Title,
                Channel = link.Channel,
            };
            // Added explicitly: found only through the navigation, a row with a client-made key would be taken for
            // an existing one and updated instead of inserted.
            db.EvidenceLinks.Add(evidence);
            measure.EvidenceLinks.Add(evidence);
        }
    }
}
