using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Reports;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Reports;

public sealed record PublicationInput(bool IsPublished, bool PublishResults, bool PublishMeasures, int RoundMonths, bool ThaiDigits, string? SignatoryName, string? SignatoryPosition);

public sealed record AnalysisInput(decimal? PreviousScore, string? Summary, IReadOnlyList<string>? UrgentWeaknesses, IReadOnlyList<string>? IssuesToImprove);

/// <summary>The per-year settings of the current tenant's documents: publication and signatory, and the analysis of the previous assessment.</summary>
public sealed class ReportSettings(PlatformDbContext db, TimeProvider clock)
{
    /// <summary>The year's publication settings; defaults (not public) when none were saved.</summary>
    public async Task<ReportPublication> PublicationAsync(int fiscalYear, CancellationToken cancellationToken = default) =>
        await db.ReportPublications.AsNoTracking().SingleOrDefaultAsync(p => p.FiscalYear == fiscalYear, cancellationToken)
        ?? new ReportPublication { FiscalYear = fiscalYear };

    public static ReportOptions OptionsOf(ReportPublication publication) =>
        new(publication.ThaiDigits, publication.RoundMonths, publication.SignatoryName, publication.SignatoryPosition);

    public async Task<CommandResult> SavePublicationAsync(int fiscalYear, PublicationInput input, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string[]>();
        if (input.RoundMonths is not (6 or 12))
        {
            errors[nameof(input.RoundMonths)] = ["รอบการรายงานต้องเป็น ๖ หรือ ๑๒ เดือน"];
        }

        if (input.SignatoryName?.Trim().Length > ReportPublication.SignatoryMaxLength)
        {
            errors[nameof(input.SignatoryName)] = [$"ชื่อผู้ลงนามยาวเกิน {ReportPublication.SignatoryMaxLength} ตัวอักษร"];
        }

        if (input.SignatoryPosition?.Trim().Length > ReportPublication.SignatoryMaxLength)
        {
            errors[nameof(input.SignatoryPosition)] = [$"ตำแหน่งผู้ลงนามยาวเกิน {ReportPublication.SignatoryMaxLength} ตัวอักษร"];
        }

        if (input.IsPublished && !input.PublishResults && !input.PublishMeasures)
        {
            errors[nameof(input.PublishResults)] = ["กรุณาเลือกเอกสารที่จะเผยแพร่อย่างน้อย 1 รายการ"];
        }

        if (errors.Count > 0)
        {
            return new CommandResult.Invalid(errors);
        }

        var publication = await db.ReportPublications.SingleOrDefaultAsync(p => p.FiscalYear == fiscalYear, cancellationToken);
        if (publication is null)
        {
            publication = new ReportPublication { FiscalYear = fiscalYear };
            db.ReportPublications.Add(publication);
        }

        publication.IsPublished = input.IsPublished;
        publication.PublishResults = input.PublishResults;
        publication.PublishMeasures = input.PublishMeasures;
        publication.RoundMonths = input.RoundMonths;
        publication.ThaiDigits = input.ThaiDigits;
        publication.SignatoryName = string.IsNullOrWhiteSpace(input.SignatoryName) ? null : input.SignatoryName.Trim();
        publication.SignatoryPosition = string.IsNullOrWhiteSpace(input.SignatoryPosition) ? null : input.SignatoryPosition.Trim();
        publication.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return new CommandResult.Success(publication.Id, publication.Version);
    }

    public async Task<AssessmentAnalysis?> AnalysisAsync(int fiscalYear, CancellationToken cancellationToken = default) =>
        await db.AssessmentAnalyses.AsNoTracking().SingleOrDefaultAsync(a => a.FiscalYear == fiscalYear, cancellationToken);

    public async Task<CommandResult> SaveAnalysisAsync(int fiscalYear, AnalysisInput input, CancellationToken cancellationToken = default)
    {
        var urgent = Clean(input.UrgentWeaknesses);
        var improve = Clean(input.IssuesToImprove);
        var errors = new Dictionary<string, string[]>();
        if (input.PreviousScore is < 0 or > 100)
        {
            errors[nameof(input.PreviousScore)] = ["คะแนนต้องอยู่ระหว่าง 0 ถึง 100"];
        }

        if (input.Summary?.Length > AssessmentAnalysis.SummaryMaxLength)
        {
            errors[nameof(input.Summary)] = [$"สรุปผลการวิเคราะห์ยาวเกิน {AssessmentAnalysis.SummaryMaxLength:N0} ตัวอักษร"];
        }

        foreach (var (field, items) in new[] { (nameof(input.UrgentWeaknesses), urgent), (nameof(input.IssuesToImprove), improve) })
        {
            if (items.Count > AssessmentAnalysis.MaxItems || items.Exists(i => i.Length > AssessmentAnalysis.ItemMaxLength))
            {
                errors[field] = [$"ระบุได้ไม่เกิน {AssessmentAnalysis.MaxItems} ข้อ ข้อละไม่เกิน {AssessmentAnalysis.ItemMaxLength:N0} ตัวอักษร"];
            }
        }

        if (errors.Count > 0)
        {
            return new CommandResult.Invalid(errors);
        }

        var analysis = await db.AssessmentAnalyses.SingleOrDefaultAsync(a => a.FiscalYear == fiscalYear, cancellationToken);
        if (analysis is null)
        {
            analysis = new AssessmentAnalysis { FiscalYear = fiscalYear };
            db.AssessmentAnalyses.Add(analysis);
        }

        analysis.PreviousScore = input.PreviousScore;
        analysis.Summary = string.IsNullOrWhiteSpace(input.Summary) ? null : input.Summary.Trim();
        analysis.UrgentWeaknesses = urgent;
        analysis.IssuesToImprove = improve;
        analysis.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return new CommandResult.Success(analysis.Id, analysis.Version);
    }

    private static List<string> Clean(IReadOnlyList<string>? items) =>
        (items ?? []).Select(i => i?.Trim() ?? "").Where(i => i.Length > 0).ToList();
}
