using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Compliance;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Ita;

namespace WiangHa.Platform.Infrastructure.Compliance;

/// <summary>What the clerk enters for one item: answer, URL(s) (one per line in the form), explanation.</summary>
public sealed record DisclosureInput(int AssessmentYear, string ItemCode, DisclosureAnswer Answer, IReadOnlyList<string> Urls, string? Explanation, Guid? Version = null);

/// <summary>Creates or updates the current tenant's disclosure of one item (one row per year and item).</summary>
public sealed class SaveItemDisclosure(PlatformDbContext db, ItaCatalogueQueries catalogues, TimeProvider clock)
{
    public const int MaxUrls = 10;
    public const int MaxUrlLength = 2000;
    public const int MaxExplanationLength = 4000;

    public async Task<CommandResult> HandleAsync(DisclosureInput input, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string[]>();
        var manual = await catalogues.PublishedAsync(input.AssessmentYear, cancellationToken);
        if (manual?.Catalogue.FindItem(input.ItemCode) is null)
        {
            errors[nameof(input.ItemCode)] = [$"ไม่มีข้อ {input.ItemCode} ในคู่มือ ITA ปี {input.AssessmentYear} ที่เผยแพร่"];
        }

        if (!Enum.IsDefined(input.Answer) || input.Answer == DisclosureAnswer.None)
        {
            errors[nameof(input.Answer)] = ["เลือกคำตอบ \"มี\" หรือ \"ไม่มี\""];
        }

        var urls = (input.Urls ?? []).Select(u => u?.Trim() ?? "").Where(u => u.Length > 0).ToList();
        var urlErrors = new List<string>();
        if (urls.Count > MaxUrls)
        {
            urlErrors.Add($"ใส่ได้ไม่เกิน {MaxUrls} ลิงก์");
        }

        foreach (var url in urls)
        {
            if (url.Length > MaxUrlLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                urlErrors.Add($"\"{Shorten(url)}\" ไม่ใช่ลิงก์เว็บที่ถูกต้อง (ต้องขึ้นต้นด้วย http:// หรือ https://)");
            }
        }

        if (input.Answer == DisclosureAnswer.Yes && urls.Count == 0)
        {
            urlErrors.Add("ตอบ \"มี\" ต้องใส่ลิงก์ของข้อมูลบนเว็บไซต์อย่างน้อย 1 ลิงก์");
        }

        if (urlErrors.Count > 0)
        {
            errors[nameof(input.Urls)] = [.. urlErrors];
        }

        if (input.Explanation?.Length > MaxExplanationLength)
        {
            errors[nameof(input.Explanation)] = [$"คำอธิบายยาวได้ไม่เกิน {MaxExplanationLength} ตัวอักษร"];
        }

        if (errors.Count > 0)
        {
            return new CommandResult.Invalid(errors);
        }

        var code = manual!.Catalogue.FindItem(input.ItemCode)!.Code;
        var row = await db.ItemDisclosures.SingleOrDefaultAsync(d => d.AssessmentYear == input.AssessmentYear && d.ItemCode == code, cancellationToken);
        if (row is null)
        {
            row = new ItemDisclosure { AssessmentYear = input.AssessmentYear, ItemCode = code };
            db.ItemDisclosures.Add(row);
        }
        else if (input.Version is { } expected && expected != row.Version)
        {
            return new CommandResult.Conflict("มีผู้อื่นแก้ไขข้อนี้หลังจากที่คุณเปิดหน้า — ตรวจข้อมูลล่าสุดแล้วบันทึกอีกครั้ง", row.Version);
        }

        row.Answer = input.Answer;
        row.Urls = urls;
        row.Explanation = string.IsNullOrWhiteSpace(input.Explanation) ? null : input.Explanation.Trim();
        row.UpdatedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new CommandResult.Conflict("มีผู้อื่นแก้ไขข้อนี้พร้อมกัน — ลองอีกครั้ง", row.Version);
        }

        return new CommandResult.Success(row.Id, row.Version);
    }

    private static string Shorten(string url) => url.Length > 80 ? url[..80] + "…" : url;
}

/// <summary>Reads the current tenant's disclosures, runs and results.</summary>
public sealed class ComplianceQueries(PlatformDbContext db)
{
    public Task<ItemDisclosure?> DisclosureAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.ItemDisclosures.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);

    public async Task<IReadOnlyList<ItemDisclosure>> DisclosuresAsync(int year, CancellationToken cancellationToken = default) =>
        await db.ItemDisclosures.AsNoTracking().Where(d => d.AssessmentYear == year).ToListAsync(cancellationToken);

    public Task<ComplianceRun?> RunAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.ComplianceRuns.AsNoTracking().Include(r => r.Results).AsSplitQuery().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

    /// <summary>The newest completed run of a year, with its results.</summary>
    public Task<ComplianceRun?> LatestRunAsync(int year, CancellationToken cancellationToken = default) =>
        db.ComplianceRuns.AsNoTracking().Include(r => r.Results)
            .Where(r => r.AssessmentYear == year && r.State == ComplianceRunState.Completed)
            .OrderByDescending(r => r.FinishedAt).ThenByDescending(r => r.Id).AsSplitQuery().FirstOrDefaultAsync(cancellationToken);

    /// <summary>Score history of a year, oldest first (for trends).</summary>
    public async Task<IReadOnlyList<(DateTimeOffset At, decimal Score)>> ScoreHistoryAsync(int year, int take, CancellationToken cancellationToken = default)
    {
        var rows = await db.ComplianceRuns.AsNoTracking()
            .Where(r => r.AssessmentYear == year && r.State == ComplianceRunState.Completed)
            .OrderByDescending(r => r.FinishedAt).Take(take).Select(r => new { r.FinishedAt, r.Score }).ToListAsync(cancellationToken);
        return rows.Select(r => (r.FinishedAt!.Value, r.Score)).Reverse().ToList();
    }

    /// <summary>Assessment years the LAO has filled in disclosures for, newest first.</summary>
    public async Task<IReadOnlyList<int>> DisclosedYearsAsync(CancellationToken cancellationToken = default) =>
        await db.ItemDisclosures.Select(d => d.AssessmentYear).Distinct().OrderByDescending(y => y).ToListAsync(cancellationToken);

    /// <summary>One item's verdicts over time, newest first.</summary>
    public async Task<IReadOnlyList<ComplianceResult>> ItemHistoryAsync(int year, string code, int take, CancellationToken cancellationToken = default) =>
        await db.ComplianceResults.AsNoTracking().Where(r => r.AssessmentYear == year && r.ItemCode == code)
            .OrderByDescending(r => r.CheckedAt).Take(take).ToListAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<string, LinkCheck>> LinkChecksAsync(CancellationToken cancellationToken = default) =>
        await db.LinkChecks.AsNoTracking().ToDictionaryAsync(l => l.Url, StringComparer.Ordinal, cancellationToken);
}

/// <summary>Removes one of the current tenant's disclosures (another tenant's id is not found).</summary>
public sealed class DeleteItemDisclosure(PlatformDbContext db)
{
    public async Task<CommandResult> HandleAsync(Guid id, Guid? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        var row = await db.ItemDisclosures.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (row is null)
        {
            return new CommandResult.NotFound();
        }

        if (expectedVersion is { } version && version != row.Version)
        {
            return new CommandResult.Conflict("มีผู้อื่นแก้ไขแบบเปิดเผยข้อมูลนี้หลังจากที่ท่านเปิดดู ระบบจึงยังไม่ลบ กรุณาตรวจสอบข้อมูลล่าสุดอีกครั้ง", row.Version);
        }

        db.ItemDisclosures.Remove(row);
        await db.SaveChangesAsync(cancellationToken);
        return new CommandResult.Success(row.Id, row.Version);
    }
}
