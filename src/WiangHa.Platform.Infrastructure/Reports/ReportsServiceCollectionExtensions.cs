using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.Infrastructure.Reports.Import;

namespace WiangHa.Platform.Infrastructure.Reports;

public static class ReportsServiceCollectionExtensions
{
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddScoped<ReportBuilder>();
        services.AddSingleton<IValidator<PublicationInput>, PublicationInputValidator>();
        services.AddSingleton<IValidator<AnalysisInput>, AnalysisInputValidator>();
        services.AddScoped<ReportSettingsQueries>();
        services.AddScoped<SaveReportPublicationHandler>();
        services.AddScoped<SaveAssessmentAnalysisHandler>();
        services.AddScoped<ImportReportHandler>();
        services.AddScoped<CrossTenantImportPreviewRetention>();
        services.AddScoped<CrossTenantPublicReports>();
        services.AddOptions<PdfRenderingOptions>().BindConfiguration(PdfRenderingOptions.SectionName)
            .Validate(o => o.TimeoutSeconds is >= 5 and <= 600, "Reports:Pdf:TimeoutSeconds must be between 5 and 600.").ValidateOnStart();
        services.AddSingleton<LibreOfficePdfRenderer>();
        return services;
    }
}
