using FluentValidation;
using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Common;
using WiangHa.Platform.Domain.Reports;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Reports;

public sealed record AnalysisInput(decimal? PreviousScore, [property: MultiLineText] string? Summary, IReadOnlyList<string>? UrgentWeaknesses, IReadOnlyList<string>? IssuesToImprove)
{
    /// <summary>The points as stored: trimmed, blank lines dropped.</summary>
    public static List<string> Clean(IReadOnlyList<string>? items) =>
        (items ?? []).Select(i => i?.Trim() ?? "").Where(i => i.Length > 0).ToList();
}

public sealed class AnalysisInputValidator : AbstractValidator<AnalysisInput>
{
    public AnalysisInputValidator()
    {
        RuleFor(a => a.PreviousScore).InclusiveBetween(0, 100).When(a => a.PreviousScore is not null)
            .WithMessage("คะแนนต้องอยู่ระหว่าง 0 ถึง 100");
        RuleFor(a => a.Summary).MaximumLength(AssessmentAnalysis.SummaryMaxLength)
            .WithMessage($"สรุปผลการวิเคราะห์ยาวเกิน {AssessmentAnalysis.SummaryMaxLength:N0} ตัวอักษร");
        RuleFor(a => a.UrgentWeaknesses).Must(FitsTheLimits).WithMessage(LimitsMessage);
        RuleFor(a => a.IssuesToImprove).Must(FitsTheLimits).WithMessage(LimitsMessage);
    }

    private static readonly string LimitsMessage =
        $"ระบุได้ไม่เกิน {AssessmentAnalysis.MaxItems} ข้อ ข้อละไม่เกิน {AssessmentAnalysis.ItemMaxLength:N0} ตัวอักษร";

    private static bool FitsTheLimits(IReadOnlyList<string>? items)
    {
        var clean = AnalysisInput.Clean(items);
        return clean.Count <= AssessmentAnalysis.MaxItems && !clean.Exists(i => i.Length > AssessmentAnalysis.ItemMaxLength);
    }
}

/// <summary>Saves the current tenant's analysis of its previous assessment for a fiscal year (one row per year).</summary>
public sealed class SaveAssessmentAnalysisHandler(PlatformDbContext db, IValidator<AnalysisInput> validator, TimeProvider clock)
{
    public async Task<CommandResult> HandleAsync(int fiscalYear, AnalysisInput input, CancellationToken cancellationToken = default)
    {
        if ((await validator.FieldErrorsAsync(input, cancellationToken)).AsInvalid() is { } invalid)
        {
            return invalid;
        }

        var analysis = await db.AssessmentAnalyses.SingleOrDefaultAsync(a => a.FiscalYear == fiscalYear, cancellationToken);
        if (analysis is null)
        {
            analysis = new AssessmentAnalysis { FiscalYear = fiscalYear };
            db.AssessmentAnalyses.Add(analysis);
        }

        analysis.PreviousScore = input.PreviousScore;
        analysis.Summary = string.IsNullOrWhiteSpace(input.Summary) ? null : input.Summary.Trim();
        analysis.UrgentWeaknesses = AnalysisInput.Clean(input.UrgentWeaknesses);
        analysis.IssuesToImprove = AnalysisInput.Clean(input.IssuesToImprove);
        analysis.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return new CommandResult.Success(analysis.Id, analysis.Version);
    }
}
