using FluentValidation;
using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Common;
using WiangHa.Platform.Domain.Compliance;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Ita;

namespace WiangHa.Platform.Infrastructure.Compliance;

/// <summary>What the clerk enters for one item: answer, URL(s) (one per line in the form), explanation.</summary>
public sealed record DisclosureInput(int AssessmentYear, string ItemCode, DisclosureAnswer Answer, IReadOnlyList<string> Urls, [property: MultiLineText] string? Explanation)
{
    public const int MaxUrls = 10;
    public const int MaxUrlLength = 2000;
    public const int MaxExplanationLength = 4000;

    /// <summary>The URLs as stored: trimmed, blank lines dropped.</summary>
    public IReadOnlyList<string> CleanUrls => (Urls ?? []).Select(u => u?.Trim() ?? "").Where(u => u.Length > 0).ToList();
}

public sealed class DisclosureInputValidator : AbstractValidator<DisclosureInput>
{
    public DisclosureInputValidator()
    {
        RuleFor(d => d.Answer).Must(a => Enum.IsDefined(a) && a != DisclosureAnswer.None).WithMessage("เลือกคำตอบ \"มี\" หรือ \"ไม่มี\"");
        RuleFor(d => d.Urls).Custom((_, context) =>
        {
            var input = context.InstanceToValidate;
            var urls = input.CleanUrls;
            if (urls.Count > DisclosureInput.MaxUrls)
            {
                context.AddFailure(nameof(DisclosureInput.Urls), $"ใส่ได้ไม่เกิน {DisclosureInput.MaxUrls} ลิงก์");
            }

            foreach (var url in urls.Where(u => !IsWebUrl(u)))
            {
                context.AddFailure(nameof(DisclosureInput.Urls), $"\"{Shorten(url)}\" ไม่ใช่ลิงก์เว็บที่ถูกต้อง (ต้องขึ้นต้นด้วย http:// หรือ https://)");
            }

            if (input.Answer == DisclosureAnswer.Yes && urls.Count == 0)
            {
                context.AddFailure(nameof(DisclosureInput.Urls), "ตอบ \"มี\" ต้องใส่ลิงก์ของข้อมูลบนเว็บไซต์อย่างน้อย 1 ลิงก์");
            }
        });
        RuleFor(d => d.Explanation).MaximumLength(DisclosureInput.MaxExplanationLength)
            .WithMessage($"คำอธิบายยาวได้ไม่เกิน {DisclosureInput.MaxExplanationLength} ตัวอักษร");
    }

    private static bool IsWebUrl(string url) =>
        url.Length <= DisclosureInput.MaxUrlLength
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static string Shorten(string url) => url.Length > 80 ? url[..80] + "…" : url;
}

/// <summary>
/// Creates or replaces the current tenant's disclosure of one item (one row per year and item). With a version, a
/// row saved by someone else since is a conflict.
/// </summary>
public sealed class SaveItemDisclosureHandler(DisclosureWriter writer)
{
    /// <param name="input">The sheet.</param>
    /// <param name="expected">The version the caller read (the API's <c>If-Match</c>/<c>If-None-Match</c>, the form's hidden
    /// field); null only for the platform's own writes (seeding, carry-over), which hold no version.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public Task<CommandResult> HandleAsync(DisclosureInput input, ExpectedVersion? expected = null, CancellationToken cancellationToken = default) =>
        writer.SaveAsync(input, row: null, expected, cancellationToken);
}

/// <summary>What saving and updating a disclosure share: field rules, the rule that needs the manual, and the write.</summary>
public sealed class DisclosureWriter(PlatformDbContext db, ItaCatalogueQueries catalogues, IValidator<DisclosureInput> validator, TimeProvider clock)
{
    public const string ConflictMessage = "มีผู้อื่นแก้ไขข้อนี้หลังจากที่คุณเปิดหน้า — ตรวจข้อมูลล่าสุดแล้วบันทึกอีกครั้ง";

    public PlatformDbContext Db => db;

    /// <summary>
    /// Validates <paramref name="input"/> and writes it onto <paramref name="row"/>; without a row, onto the year's row
    /// of the item (its code as the manual spells it), or a new one.
    /// </summary>
    public async Task<CommandResult> SaveAsync(DisclosureInput input, ItemDisclosure? row, ExpectedVersion? expected, CancellationToken cancellationToken)
    {
        var errors = await validator.FieldErrorsAsync(input, cancellationToken);
        var manual = await catalogues.PublishedAsync(input.AssessmentYear, cancellationToken);
        var item = manual?.Catalogue.FindItem(input.ItemCode);
        if (item is null)
        {
            errors[nameof(input.ItemCode)] = [$"ไม่มีข้อ {input.ItemCode} ในคู่มือ ITA ปี {input.AssessmentYear} ที่เผยแพร่"];
        }

        if (errors.AsInvalid() is { } invalid)
        {
            return invalid;
        }

        row ??= await db.ItemDisclosures.SingleOrDefaultAsync(d => d.AssessmentYear == input.AssessmentYear && d.ItemCode == item!.Code, cancellationToken);
        if (row is null)
        {
            if (expected is { AllowsCreate: false })
            {
                return new CommandResult.Conflict(ConflictMessage, Guid.Empty);
            }

            row = new ItemDisclosure { AssessmentYear = input.AssessmentYear, ItemCode = item!.Code };
            db.ItemDisclosures.Add(row);
        }
        else if (expected?.Check(row.Version, UpdateItemDisclosureHandler.VersionRequiredMessage, ConflictMessage) is { } refused)
        {
            return refused;
        }

        row.Answer = input.Answer;
        row.Urls = [.. input.CleanUrls];
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
}
