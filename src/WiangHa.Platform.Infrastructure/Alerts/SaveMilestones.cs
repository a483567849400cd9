using System.Globalization;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Alerts;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Domain.Ita;
using WiangHa.Platform.Infrastructure.Audit;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Alerts;

/// <summary>One step as the operator's form sends it: the date as typed (ISO, "2027-04-30"), so a bad one gets a message.</summary>
public sealed record MilestoneStepInput(string Key, string? NameTh, string? NameEn, string? Date, bool Confirmed);

/// <summary>An assessment year's whole calendar, every step of <see cref="ProvisionalItaCalendar"/> in its order.</summary>
public sealed record SaveMilestonesInput(int AssessmentYear, IReadOnlyList<MilestoneStepInput> Steps);

public sealed class SaveMilestonesInputValidator : AbstractValidator<SaveMilestonesInput>
{
    public const int NameMaxLength = 200;

    public SaveMilestonesInputValidator()
    {
        RuleFor(i => i.AssessmentYear).InclusiveBetween(2560, 2700).WithMessage("ปีการประเมินต้องเป็นปี พ.ศ. ระหว่าง 2560 ถึง 2700");
        RuleFor(i => i.Steps)
            .Must((input, steps) => steps.Select(s => s.Key).SequenceEqual(ProvisionalItaCalendar.For(input.AssessmentYear).Select(m => m.Key)))
            .WithMessage("ต้องมีครบทุกขั้นตอนของปฏิทิน ITA ตามลำดับ");
        RuleFor(i => i).Custom(CheckSteps);
    }

    /// <summary>A date as the form sends it, or null when it is not a real calendar day.</summary>
    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>
    /// Each step's names and date, then the order of the steps: the answer window must really open before it closes, the
    /// other steps may fall on the same day as the one before (the NACC has announced such calendars).
    /// </summary>
    private static void CheckSteps(SaveMilestonesInput input, ValidationContext<SaveMilestonesInput> context)
    {
        var ce = input.AssessmentYear - FiscalYear.BuddhistEraOffset;
        var dates = new DateOnly?[input.Steps.Count];
        for (var i = 0; i < input.Steps.Count; i++)
        {
            var step = input.Steps[i];
            CheckName(context, i, nameof(MilestoneStepInput.NameTh), step.NameTh, "กรุณากรอกชื่อขั้นตอน (ไทย)");
            CheckName(context, i, nameof(MilestoneStepInput.NameEn), step.NameEn, "กรุณากรอกชื่อขั้นตอน (อังกฤษ)");
            var field = Field(i, nameof(MilestoneStepInput.Date));
            if (string.IsNullOrWhiteSpace(step.Date))
            {
                context.AddFailure(new ValidationFailure(field, "กรุณากรอกวันที่"));
            }
            else if (ParseDate(step.Date) is not { } date)
            {
                context.AddFailure(new ValidationFailure(field, "วันที่ไม่ถูกต้อง"));
            }
            else if (date.Year < ce - 1 || date.Year > ce + 1)
            {
                context.AddFailure(new ValidationFailure(field,
                    $"วันที่ต้องอยู่ระหว่างปี พ.ศ. {ce - 1 + FiscalYear.BuddhistEraOffset} ถึง {ce + 1 + FiscalYear.BuddhistEraOffset} (ปฏิทิน ITA {input.AssessmentYear})"));
            }
            else
            {
                dates[i] = date;
            }
        }

        for (var i = 1; i < input.Steps.Count; i++)
        {
            if (dates[i - 1] is not { } before || dates[i] is not { } date)
            {
                continue;
            }

            var previous = input.Steps[i - 1];
            var strictly = previous.Key == "oit-open" && input.Steps[i].Key == "oit-close";
            if (strictly ? date <= before : date < before)
            {
                var name = previous.NameTh ?? previous.Key;
                context.AddFailure(new ValidationFailure(Field(i, nameof(MilestoneStepInput.Date)), strictly
                    ? $"ต้องอยู่หลังวัน{name} ({AlertText.Date(before)})"
                    : $"ต้องไม่ก่อนวัน{name} ({AlertText.Date(before)})"));
            }
        }
    }

    private static void CheckName(ValidationContext<SaveMilestonesInput> context, int index, string property, string? name, string required)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            context.AddFailure(new ValidationFailure(Field(index, property), required));
        }
        else if (name.Trim().Length > NameMaxLength)
        {
            context.AddFailure(new ValidationFailure(Field(index, property), $"ชื่อขั้นตอนยาวเกิน {NameMaxLength} ตัวอักษร"));
        }
    }

    private static string Field(int index, string property) => $"{nameof(SaveMilestonesInput.Steps)}[{index}].{property}";
}

public sealed record MilestonesSaved(int AssessmentYear) : CommandResult;

/// <summary>
/// An operator stores an assessment year's ITA calendar: dates, names, and which steps the NACC has announced
/// (confirmed) rather than estimated. The one way the calendar is written; planning and dashboards read it through
/// <see cref="MilestoneCalendar"/>.
/// </summary>
public sealed class SaveMilestonesHandler(PlatformDbContext db, IValidator<SaveMilestonesInput> validator, AuditLog audit, TimeProvider clock)
{
    public async Task<CommandResult> HandleAsync(SaveMilestonesInput input, CancellationToken cancellationToken = default)
    {
        if ((await validator.FieldErrorsAsync(input, cancellationToken)).AsInvalid() is { } invalid)
        {
            return invalid;
        }

        var stored = await db.AssessmentMilestones.Where(m => m.AssessmentYear == input.AssessmentYear)
            .ToDictionaryAsync(m => m.Key, StringComparer.Ordinal, cancellationToken);
        foreach (var step in input.Steps)
        {
            if (!stored.TryGetValue(step.Key, out var milestone))
            {
                milestone = new AssessmentMilestone { AssessmentYear = input.AssessmentYear, Key = step.Key, NameTh = "", NameEn = "" };
                db.AssessmentMilestones.Add(milestone);
            }

            milestone.NameTh = step.NameTh!.Trim();
            milestone.NameEn = step.NameEn!.Trim();
            milestone.Date = SaveMilestonesInputValidator.ParseDate(step.Date)!.Value;
            milestone.Provisional = !step.Confirmed;
            milestone.UpdatedAt = clock.GetUtcNow();
        }

        var details = JsonSerializer.Serialize(input.Steps.Select(s => new { s.Key, s.Date, s.Confirmed }));
        try
        {
            // The audit entry is saved with the calendar, in one transaction.
            await audit.RecordAsync(AuditActions.MilestonesSaved, subjectType: nameof(AssessmentMilestone),
                subjectId: input.AssessmentYear.ToString(CultureInfo.InvariantCulture), details: details, cancellationToken: cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another operator stored the year's first calendar at the same moment (the year and step are unique).
            return new CommandResult.Conflict("มีผู้อื่นบันทึกปฏิทินปีนี้ในเวลาเดียวกัน กรุณาโหลดหน้าใหม่แล้วบันทึกอีกครั้ง", Guid.Empty);
        }

        return new MilestonesSaved(input.AssessmentYear);
    }
}
