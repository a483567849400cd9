using FluentValidation;
using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Reports;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Reports;

public sealed record PublicationInput(bool IsPublished, bool PublishResults, bool PublishMeasures, int RoundMonths, bool ThaiDigits, string? SignatoryName, string? SignatoryPosition);

public sealed class PublicationInputValidator : AbstractValidator<PublicationInput>
{
    public PublicationInputValidator()
    {
        RuleFor(p => p.RoundMonths).Must(m => m is 6 or 12).WithMessage("รอบการรายงานต้องเป็น ๖ หรือ ๑๒ เดือน");
        RuleFor(p => p.SignatoryName).Must(n => n is null || n.Trim().Length <= ReportPublication.SignatoryMaxLength)
            .WithMessage($"ชื่อผู้ลงนามยาวเกิน {ReportPublication.SignatoryMaxLength} ตัวอักษร");
        RuleFor(p => p.SignatoryPosition).Must(n => n is null || n.Trim().Length <= ReportPublication.SignatoryMaxLength)
            .WithMessage($"ตำแหน่งผู้ลงนามยาวเกิน {ReportPublication.SignatoryMaxLength} ตัวอักษร");
        RuleFor(p => p.PublishResults).Must((p, _) => !p.IsPublished || p.PublishResults || p.PublishMeasures)
            .WithMessage("กรุณาเลือกเอกสารที่จะเผยแพร่อย่างน้อย 1 รายการ");
    }
}

/// <summary>Saves whether and what the current tenant publishes for a fiscal year, and who signs (one row per year).</summary>
public sealed class SaveReportPublicationHandler(PlatformDbContext db, IValidator<PublicationInput> validator, TimeProvider clock)
{
    public async Task<CommandResult> HandleAsync(int fiscalYear, PublicationInput input, CancellationToken cancellationToken = default)
    {
        if ((await validator.FieldErrorsAsync(input, cancellationToken)).AsInvalid() is { } invalid)
        {
            return invalid;
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
}
