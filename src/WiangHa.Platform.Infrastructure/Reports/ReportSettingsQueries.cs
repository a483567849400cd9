using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Reports;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Reports;

/// <summary>The per-year settings of the current tenant's documents: publication and signatory, and the analysis of the previous assessment.</summary>
public sealed class ReportSettingsQueries(PlatformDbContext db)
{
    /// <summary>The year's publication settings; defaults (not public) when none were saved.</summary>
    public async Task<ReportPublication> PublicationAsync(int fiscalYear, CancellationToken cancellationToken = default) =>
        await db.ReportPublications.AsNoTracking().SingleOrDefaultAsync(p => p.FiscalYear == fiscalYear, cancellationToken)
        ?? new ReportPublication { FiscalYear = fiscalYear };

    public static ReportOptions OptionsOf(ReportPublication publication) =>
        new(publication.ThaiDigits, publication.RoundMonths, publication.SignatoryName, publication.SignatoryPosition);

    public async Task<AssessmentAnalysis?> AnalysisAsync(int fiscalYear, CancellationToken cancellationToken = default) =>
        await db.AssessmentAnalyses.AsNoTracking().SingleOrDefaultAsync(a => a.FiscalYear == fiscalYear, cancellationToken);
}
