using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Ita;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Ita;

/// <summary>The file became draft <paramref name="Number"/> of the <paramref name="Year"/> manual.</summary>
public sealed record ItaCatalogueImported(Guid VersionId, int Year, int Number) : CommandResult;

/// <summary>
/// Imports a year's ITA catalogue from a file as a new <em>draft</em> version: parse, validate, store in one
/// SaveChanges (nothing half-imported). The shipped catalogues come through here too. Every reason a file is refused
/// comes back, in Thai, under <see cref="FileField"/>.
/// </summary>
public sealed class ImportItaCatalogueHandler(PlatformDbContext db, TimeProvider clock)
{
    public const string FileField = "File";

    public async Task<CommandResult> HandleAsync(Stream content, string fileName, string importedBy, CancellationToken cancellationToken = default)
    {
        if (ItaCatalogueFormats.FormatOf(fileName) is not { } format)
        {
            return Refused(["รองรับเฉพาะไฟล์ .json หรือ .xlsx"]);
        }

        var parsed = Parse(content, format, cancellationToken);
        if (parsed.Catalogue is not { } catalogue)
        {
            return Refused(parsed.Errors);
        }

        var errors = ItaCatalogueValidator.Validate(catalogue);
        if (errors.Count > 0)
        {
            return Refused(errors);
        }

        var version = await ItaManualDrafts.AddAsync(db, catalogue, Path.GetFileName(fileName), importedBy, clock.GetUtcNow(), note: null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new ItaCatalogueImported(version.Id, version.Year, version.Number);
    }

    /// <summary>Parses within the upload budget's time: a workbook that takes longer is refused like any bad file.</summary>
    private CatalogueParseResult Parse(Stream content, CatalogueFileFormat format, CancellationToken cancellationToken)
    {
        var budget = UploadBudget.OfficeFile;
        using var timeout = new CancellationTokenSource(budget.ParseTime, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return ItaCatalogueFormats.Parse(content, format, linked.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return CatalogueParseResult.Failed(budget.TooSlowMessage);
        }
    }

    private static CommandResult.Invalid Refused(IEnumerable<string> errors) =>
        new(new Dictionary<string, string[]> { [FileField] = [.. errors] });
}
