using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Domain.Measures;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Domain.Reports;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Measures;

namespace WiangHa.Platform.Infrastructure.Reports.Import;

public sealed record PreviewRow(ImportRow Row, IReadOnlyList<string> MatchedUnits, IReadOnlyList<string> UnknownUnits, bool TitleExists);

/// <param name="ItaItems">The cited ITA items that will be stored with every measure in the chosen year.</param>
/// <param name="Notices">What the reading decided for the whole file (rows left out, year or items not found) in Thai.</param>
public sealed record ImportPreview(
    Guid BatchId, string FileName, ImportFormat Format, int FiscalYear, int? DetectedFiscalYear, IReadOnlyList<PreviewRow> Rows, ImportBatch? EarlierImport,
    IReadOnlyList<string> ItaItems, IReadOnlyList<string> Notices, bool ThaiDigits)
{
    public IReadOnlyList<string> UnknownUnits => Rows.SelectMany(r => r.UnknownUnits).Distinct().ToList();
}

public sealed record SkippedRow(int Position, string Title, string Reason);

public abstract record ImportOutcome
{
    public sealed record Imported(int FiscalYear, int Created, IReadOnlyList<SkippedRow> Skipped, IReadOnlyList<string> CreatedUnits) : ImportOutcome;

    /// <summary>The same file was imported into the same year before: nothing was created again.</summary>
    public sealed record AlreadyImported(int FiscalYear, DateTimeOffset ImportedAt) : ImportOutcome;

    /// <summary>Nothing was created; the reasons are in Thai.</summary>
    public sealed record Refused(IReadOnlyList<string> Errors) : ImportOutcome;

    public sealed record NotFound : ImportOutcome;
}

/// <summary>
/// Imports an existing report into the current tenant in two steps: <see cref="PreviewAsync"/> reads the file and keeps
/// the rows found as an <see cref="ImportBatch"/>; <see cref="ConfirmAsync"/> creates the measures in one transaction
/// (all or nothing) through the measure use case's validation. Re-importing the same file (same SHA-256) into the same
/// year creates nothing; a measure whose title the year already has is skipped and listed.
/// </summary>
public sealed class ImportReportHandler(MeasureWriter writer, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <exception cref="ImportFormatException">The file cannot be imported at all (nothing is stored).</exception>
    public async Task<ImportPreview> PreviewAsync(string fileName, byte[] content, int? fiscalYear, CancellationToken cancellationToken = default)
    {
        var parsed = ReportTableInterpreter.Interpret(Read(fileName, content, cancellationToken));
        var db = writer.Db;
        var name = Path.GetFileName(fileName);
        var batch = new ImportBatch
        {
            FileName = name.Length > ImportBatch.FileNameMaxLength ? name[..ImportBatch.FileNameMaxLength] : name,
            FileSha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Format = ReportFileReader.FormatOf(fileName, content),
            DetectedFiscalYear = parsed.DetectedFiscalYear,
            RowsJson = JsonSerializer.Serialize(parsed, Json),
            CreatedAt = clock.GetUtcNow(),
        };
        var earlier = await db.ImportBatches.AsNoTracking()
            .Where(b => b.FileSha256 == batch.FileSha256 && b.Status == ImportBatchStatus.Imported)
            .OrderByDescending(b => b.ImportedAt).FirstOrDefaultAsync(cancellationToken);
        db.ImportBatches.Add(batch);
        await db.SaveChangesAsync(cancellationToken);

        var year = fiscalYear ?? parsed.DetectedFiscalYear ?? FiscalYear.Containing(clock.GetUtcNow()).BuddhistYear;
        return await PreviewOfAsync(batch, parsed, year, earlier, cancellationToken);
    }

    /// <summary>Reads the file within the upload budget's time: a file that takes longer is refused like any bad file.</summary>
    private RawReport Read(string fileName, byte[] content, CancellationToken cancellationToken)
    {
        var budget = UploadBudget.OfficeFile;
        using var timeout = new CancellationTokenSource(budget.ParseTime, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return ReportFileReader.Read(fileName, content, linked.Token);
        }
        catch (OperationCanceledException e) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ImportFormatException(budget.TooSlowMessage, e);
        }
    }

    /// <summary>The preview of a stored batch again (e.g. for another fiscal year).</summary>
    public async Task<ImportPreview?> GetPreviewAsync(Guid batchId, int fiscalYear, CancellationToken cancellationToken = default)
    {
        var batch = await writer.Db.ImportBatches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == batchId, cancellationToken);
        return batch is null ? null : await PreviewOfAsync(batch, ParsedOf(batch), fiscalYear, null, cancellationToken);
    }

    private async Task<ImportPreview> PreviewOfAsync(ImportBatch batch, ParsedReport parsed, int fiscalYear, ImportBatch? earlier, CancellationToken cancellationToken)
    {
        var rows = parsed.Rows;
        var db = writer.Db;
        var units = await db.OrgUnits.AsNoTracking().ToListAsync(cancellationToken);
        var titles = await db.Measures.Where(m => m.FiscalYear == fiscalYear).Select(m => m.Title).ToListAsync(cancellationToken);
        var preview = rows.Select(row =>
        {
            var match = OrgUnitMatcher.Find(row.UnitNames, units);
            return new PreviewRow(row, match.Units.Select(u => u.Name).ToList(), match.Unknown, titles.Contains(row.Title));
        }).ToList();
        var items = ItemsFor(parsed, fiscalYear);
        var notices = (parsed.Notices ?? []).ToList();
        var left = parsed.ItaItems.Except(items).ToList();
        if (left.Count > 0)
        {
            notices.Add($"เอกสารอ้างถึงข้อการประเมิน {string.Join(", ", left)} ซึ่งไม่ใช่ของปีงบประมาณ {fiscalYear} หรือปีถัดไป จึงไม่บันทึกข้อเหล่านี้กับมาตรการ");
        }

        return new ImportPreview(batch.Id, batch.FileName, batch.Format, fiscalYear, batch.DetectedFiscalYear, preview, earlier, items, notices, parsed.ThaiDigits);
    }

    /// <summary>The ITA items the document cites apply only when it goes into the year it reports on (or the next year's manual).</summary>
    private static List<string> ItemsFor(ParsedReport parsed, int fiscalYear) =>
        parsed.ItaItems.Where(i => i.StartsWith($"{fiscalYear}/", StringComparison.Ordinal) || i.StartsWith($"{fiscalYear + 1}/", StringComparison.Ordinal)).ToList();

    /// <summary>
    /// Imports the previewed rows. Of the units the preview proposed as new, only those the clerk ticked
    /// (<paramref name="unitsToCreate"/>) are created: a unit is never created by default, so a misread name cannot
    /// become a unit that later imports match.
    /// </summary>
    public async Task<ImportOutcome> ConfirmAsync(Guid batchId, int fiscalYear, IReadOnlyCollection<string> unitsToCreate, CancellationToken cancellationToken = default)
    {
        var db = writer.Db;
        var batch = await db.ImportBatches.SingleOrDefaultAsync(b => b.Id == batchId, cancellationToken);
        if (batch is null)
        {
            return new ImportOutcome.NotFound();
        }

        if (batch.Status == ImportBatchStatus.Previewed && batch.CreatedAt < clock.GetUtcNow() - CrossTenantImportPreviewRetention.PreviewLifetime)
        {
            // The nightly job deletes it soon anyway; confirming a day-old preview would import what nobody just checked.
            return new ImportOutcome.Refused(["ตัวอย่างการนำเข้านี้หมดอายุแล้ว (เกิน 24 ชั่วโมง) กรุณาอัปโหลดไฟล์อีกครั้งเพื่อตรวจสอบก่อนนำเข้า"]);
        }

        if (!FiscalYear.IsPlausible(fiscalYear))
        {
            return new ImportOutcome.Refused([$"ปีงบประมาณต้องเป็นปี พ.ศ. ระหว่าง {FiscalYear.MinBuddhistYear} ถึง {FiscalYear.MaxBuddhistYear}"]);
        }

        var done = await db.ImportBatches.AsNoTracking()
            .Where(b => b.FileSha256 == batch.FileSha256 && b.FiscalYear == fiscalYear && b.Status == ImportBatchStatus.Imported)
            .FirstOrDefaultAsync(cancellationToken);
        if (done is not null)
        {
            return new ImportOutcome.AlreadyImported(fiscalYear, done.ImportedAt ?? done.CreatedAt);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var units = await db.OrgUnits.ToListAsync(cancellationToken);
        var parsed = ParsedOf(batch);
        var rows = parsed.Rows;
        var itaItems = ItemsFor(parsed, fiscalYear);
        var createdUnits = new List<string>();
        if (unitsToCreate.Count > 0)
        {
            var order = units.Count == 0 ? 0 : units.Max(u => u.SortOrder);
            var ticked = unitsToCreate.ToHashSet(StringComparer.Ordinal);
            foreach (var name in rows.Where(r => !r.Blocking).SelectMany(r => OrgUnitMatcher.Find(r.UnitNames, units).Unknown).Distinct().Where(ticked.Contains))
            {
                if (name.Length > OrgUnit.NameMaxLength)
                {
                    continue;
                }

                var unit = new OrgUnit { Name = name, SortOrder = ++order };
                db.OrgUnits.Add(unit);
                units.Add(unit);
                createdUnits.Add(name);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        var existingTitles = (await db.Measures.Where(m => m.FiscalYear == fiscalYear).Select(m => m.Title).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var numbers = (await db.Measures.Where(m => m.FiscalYear == fiscalYear).Select(m => m.Number).ToListAsync(cancellationToken)).ToHashSet();
        var newTitles = rows.Where(r => !r.Blocking).Select(r => r.Title).Distinct(StringComparer.Ordinal).Count(t => !existingTitles.Contains(t));
        if (numbers.Count + newTitles > MeasureLimits.MaxNumber)
        {
            // Measures are numbered 1–999 in a year: refuse the whole file rather than import part of it.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return new ImportOutcome.Refused([string.Create(CultureInfo.InvariantCulture,
                $"ไฟล์นี้มีมาตรการใหม่ {newTitles:N0} รายการ และปีงบประมาณ {fiscalYear} มีอยู่แล้ว {numbers.Count:N0} รายการ แต่ปีงบประมาณหนึ่งมีมาตรการได้ไม่เกิน {MeasureLimits.MaxNumber:N0} รายการ จึงไม่นำเข้า กรุณาตรวจว่าตารางในไฟล์เป็นตารางมาตรการจริง หรือลบแถวที่ไม่ใช่มาตรการก่อนนำเข้า")]);
        }

        var skipped = new List<SkippedRow>();
        var errors = new List<string>();
        var created = 0;
        foreach (var row in rows)
        {
            if (row.Blocking)
            {
                skipped.Add(new SkippedRow(row.Position, row.Title, string.Join(" ", row.Problems)));
                continue;
            }

            if (!existingTitles.Add(row.Title))
            {
                skipped.Add(new SkippedRow(row.Position, row.Title, $"มีมาตรการชื่อนี้แล้วในปีงบประมาณ {fiscalYear} (ไม่สร้างซ้ำ)"));
                continue;
            }

            var match = OrgUnitMatcher.Find(row.UnitNames, units);
            var input = ToInput(row, fiscalYear, match.Units, itaItems).Normalised();
            var (invalid, matchedUnits) = await writer.ValidateAsync(input, measureId: null, cancellationToken);
            if (invalid is not null)
            {
                errors.Add($"แถวที่ {row.Position} ({Shorten(row.Title)}): {string.Join(" ", invalid.Errors.Values.SelectMany(v => v))}");
                continue;
            }

            var number = row.Number is { } n && n is >= 1 and <= MeasureLimits.MaxNumber && !numbers.Contains(n) ? n : Enumerable.Range(1, MeasureLimits.MaxNumber).First(i => !numbers.Contains(i));
            numbers.Add(number);
            writer.Add(input, matchedUnits, number);
            created++;
        }

        if (errors.Count > 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return new ImportOutcome.Refused(errors);
        }

        batch.Status = ImportBatchStatus.Imported;
        batch.FiscalYear = fiscalYear;
        batch.CreatedCount = created;
        batch.SkippedCount = skipped.Count;
        batch.ImportedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ImportOutcome.Imported(fiscalYear, created, skipped, createdUnits);
    }

    private static MeasureInput ToInput(ImportRow row, int fiscalYear, IReadOnlyList<OrgUnit> units, List<string> itaItems)
    {
        var fiscal = new FiscalYear(fiscalYear);
        return new MeasureInput
        {
            FiscalYear = fiscalYear,
            Title = row.Title,
            Steps = row.Steps,
            ResponsibleUnitIds = units.Select(u => u.Id).ToList(),
            PeriodFromYear = row.FromYear ?? fiscalYear - 1,
            PeriodFromMonth = row.FromMonth ?? fiscal.Start.Month,
            PeriodToYear = row.ToYear ?? fiscalYear,
            PeriodToMonth = row.ToMonth ?? fiscal.End.Month,
            PeriodText = row.PeriodText.Length <= MeasureLimits.PeriodTextMaxLength ? row.PeriodText : row.PeriodText[..MeasureLimits.PeriodTextMaxLength],
            Status = row.ResultPoints.Count > 0 || row.Outcome is not null ? Domain.Measures.MeasureStatus.Completed : Domain.Measures.MeasureStatus.Planned,
            ResultPoints = row.ResultPoints,
            Outcome = row.Outcome,
            ItaItems = itaItems,
            EvidenceLinks = [],
        };
    }

    private static ParsedReport ParsedOf(ImportBatch batch) => JsonSerializer.Deserialize<ParsedReport>(batch.RowsJson, Json) ?? new ParsedReport(null, [], []);

    private static string Shorten(string title) => title.Length <= 60 ? title : title[..60] + "…";
}
