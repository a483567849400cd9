using FluentValidation;
using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Common;
using WiangHa.Platform.Domain.Ita;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Ita;

/// <summary>
/// One item of a draft manual as the operator edits it, with its mapping to the year before. Without
/// <see cref="OriginalCode"/> the item is added. <see cref="Elements"/> and <see cref="FromCodes"/> are as typed: one
/// element per line; old codes separated by commas or spaces.
/// </summary>
public sealed record DraftItemInput(
    Guid VersionId,
    string? ExpectedHash,
    string? OriginalCode,
    string? Code,
    string? Title,
    ItaItemKind Kind,
    string? SubIndicatorCode,
    [property: MultiLineText] string? Elements,
    int? DataYearOffset,
    string? DataYearText,
    bool Confirmed,
    ItaMappingKind MappingKind,
    [property: MultiLineText] string? FromCodes,
    bool MappingConfirmed,
    [property: MultiLineText] string? MappingNote,
    [property: MultiLineText] string? RequirementClause = null)
{
    public const int MaxTitleLength = 500;
    public const int MaxElementLength = 1000;

    public IReadOnlyList<string> ElementLines => Lines(Elements);

    public static IReadOnlyList<string> Lines(string? text) => (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public IReadOnlyList<string> FromCodeList =>
        (FromCodes ?? "").Split([',', ' ', '+', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.ToUpperInvariant()).Distinct().ToList();

    public string CleanCode => (Code ?? "").Trim().ToUpperInvariant();
}

public sealed class DraftItemInputValidator : AbstractValidator<DraftItemInput>
{
    public DraftItemInputValidator()
    {
        RuleFor(i => i.Code).NotEmpty().WithMessage("กรอกรหัสข้อ เช่น O12")
            .Matches("^\\s*[A-Za-z]{1,3}[0-9]{1,3}\\s*$").WithMessage("รหัสข้อต้องเป็นตัวอักษรตามด้วยตัวเลข เช่น O12");
        RuleFor(i => i.Title).NotEmpty().WithMessage("กรอกชื่อข้อ")
            .MaximumLength(DraftItemInput.MaxTitleLength).WithMessage($"ชื่อข้อยาวได้ไม่เกิน {DraftItemInput.MaxTitleLength} ตัวอักษร");
        RuleFor(i => i.Kind).IsInEnum().WithMessage("เลือกประเภทข้อ");
        RuleFor(i => i.SubIndicatorCode).NotEmpty().WithMessage("เลือกตัวชี้วัดย่อย");
        RuleFor(i => i.Elements).Must(e => DraftItemInput.Lines(e).All(line => line.Length <= DraftItemInput.MaxElementLength))
            .WithMessage($"องค์ประกอบแต่ละบรรทัดยาวได้ไม่เกิน {DraftItemInput.MaxElementLength} ตัวอักษร");
        RuleFor(i => i.RequirementClause).MaximumLength(ItaItem.MaxRequirementClauseLength)
            .WithMessage($"ข้อความที่คู่มือกำหนดยาวได้ไม่เกิน {ItaItem.MaxRequirementClauseLength} ตัวอักษร");
        RuleFor(i => i.DataYearOffset).InclusiveBetween(-5, 1).WithMessage("ปีของข้อมูลต้องอยู่ระหว่าง -5 (ห้าปีก่อน) ถึง 1 (ปีถัดไป)");
        RuleFor(i => i.DataYearText).MaximumLength(200).WithMessage("ข้อความเงื่อนไขปีของข้อมูลยาวได้ไม่เกิน 200 ตัวอักษร");
        RuleFor(i => i.MappingKind).IsInEnum().WithMessage("เลือกความสัมพันธ์กับข้อของปีก่อน");
        RuleFor(i => i.MappingNote).MaximumLength(2000).WithMessage("หมายเหตุการจับคู่ยาวได้ไม่เกิน 2000 ตัวอักษร");
        RuleFor(i => i.FromCodes).Custom((_, context) =>
        {
            var input = context.InstanceToValidate;
            var codes = input.FromCodeList;
            var message = input.MappingKind switch
            {
                ItaMappingKind.New when codes.Count > 0 => "ข้อใหม่ไม่มีข้อเดิม — ลบรหัสข้อเดิมออก หรือเลือกความสัมพันธ์อื่น",
                ItaMappingKind.Dropped => "ข้อที่ยังอยู่ในคู่มือเลือก \"ยกเลิก\" ไม่ได้ — ถ้าจะยกเลิกให้ลบข้อนี้",
                ItaMappingKind.Merged when codes.Count < 2 => "รวมข้อต้องระบุรหัสข้อเดิมอย่างน้อย 2 ข้อ คั่นด้วยจุลภาค เช่น O21, O22",
                ItaMappingKind.Same or ItaMappingKind.Renumbered or ItaMappingKind.Split when codes.Count != 1 => "ระบุรหัสข้อเดิม 1 ข้อ",
                ItaMappingKind.Same when !string.Equals(codes[0], input.CleanCode, StringComparison.Ordinal) => "รหัสข้อเดิมต่างจากรหัสข้อ — เลือก \"เปลี่ยนรหัส\"",
                ItaMappingKind.Renumbered when string.Equals(codes[0], input.CleanCode, StringComparison.Ordinal) => "รหัสข้อเดิมเหมือนรหัสข้อ — เลือก \"เหมือนเดิม\"",
                _ => null,
            };
            if (message is not null)
            {
                context.AddFailure(nameof(DraftItemInput.FromCodes), message);
            }
        });
    }
}

/// <summary>The draft after the edit: its new content hash (the token the next edit must send).</summary>
public sealed record ItaDraftItemSaved(Guid VersionId, string Code, string ContentHash) : CommandResult;

/// <summary>
/// Adds or edits one item of a draft manual (published versions never change) together with its mapping from the
/// year before: renumbering moves every mapping row that named the old code. The whole catalogue is checked again
/// before it is stored; a draft changed by someone else since the form was opened is a conflict.
/// </summary>
public sealed class SaveItaDraftItemHandler(PlatformDbContext db, ItaCatalogueQueries catalogues, ItaMappingQueries mappings, IValidator<DraftItemInput> validator, TimeProvider clock)
{
    public const string ConflictMessage = "มีผู้อื่นแก้ไขร่างนี้หลังจากที่คุณเปิดหน้า — โหลดหน้าใหม่แล้วแก้ไขอีกครั้ง";

    public async Task<CommandResult> HandleAsync(DraftItemInput input, string editedBy, CancellationToken cancellationToken = default)
    {
        var version = await db.ItaManualVersions.SingleOrDefaultAsync(v => v.Id == input.VersionId, cancellationToken);
        if (version is null || version.Status != ItaManualVersionStatus.Draft)
        {
            return new CommandResult.NotFound();
        }

        if (input.ExpectedHash is not null && input.ExpectedHash != version.ContentHash)
        {
            return new CommandResult.Conflict(ConflictMessage, Guid.Empty);
        }

        var catalogue = ItaCatalogueFormats.FromStoredJson(version.Document);
        var original = input.OriginalCode is null ? null : catalogue.FindItem(input.OriginalCode);
        if (input.OriginalCode is not null && original is null)
        {
            return new CommandResult.NotFound();
        }

        var errors = await validator.FieldErrorsAsync(input, cancellationToken);
        var code = input.CleanCode;
        if (!errors.ContainsKey(nameof(input.Code)) && catalogue.AllItems().Any(i => i != original && string.Equals(i.Code, code, StringComparison.OrdinalIgnoreCase)))
        {
            errors[nameof(input.Code)] = [$"มีข้อ {code} อยู่แล้วในคู่มือปี {version.Year} — รหัสข้อต้องไม่ซ้ำกัน"];
        }

        var target = catalogue.Indicators.SelectMany(i => i.SubIndicators).FirstOrDefault(s => s.Code == input.SubIndicatorCode?.Trim());
        if (target is null && !errors.ContainsKey(nameof(input.SubIndicatorCode)))
        {
            errors[nameof(input.SubIndicatorCode)] = [$"ไม่มีตัวชี้วัดย่อย {input.SubIndicatorCode} ในคู่มือนี้"];
        }

        var fromYear = await mappings.PreviousYearAsync(version.Year, cancellationToken);
        if (!errors.ContainsKey(nameof(input.FromCodes)) && input.FromCodeList.Count > 0)
        {
            var previous = fromYear is { } y ? (await catalogues.CurrentOrDraftAsync(y, cancellationToken))?.Catalogue : null;
            var missing = input.FromCodeList.Where(c => previous?.FindItem(c) is null).ToList();
            if (missing.Count > 0)
            {
                errors[nameof(input.FromCodes)] = [fromYear is null ? "ยังไม่มีคู่มือปีก่อนให้จับคู่" : $"ไม่มีข้อ {string.Join(", ", missing)} ในคู่มือปี {fromYear}"];
            }
        }

        if (errors.AsInvalid() is { } invalid)
        {
            return invalid;
        }

        var item = (original ?? new ItaItem()) with
        {
            Code = code,
            Title = input.Title!.Trim(),
            Kind = input.Kind,
            Confirmed = input.Confirmed,
            RequirementClause = string.IsNullOrWhiteSpace(input.RequirementClause) ? null : input.RequirementClause.Trim(),
            Elements = input.ElementLines.Select(line => original?.Elements.FirstOrDefault(e => e.Text == line) ?? new ItaElement { Text = line, Confirmed = input.Confirmed }).ToList(),
            DataYear = input.DataYearOffset is { } offset
                ? new ItaDataYearRule { Offset = offset, Text = string.IsNullOrWhiteSpace(input.DataYearText) ? null : input.DataYearText.Trim(), Confirmed = input.Confirmed }
                : null,
        };
        Place(catalogue, original, item, target!);
        var problems = ItaCatalogueValidator.Validate(catalogue);
        if (problems.Count > 0)
        {
            return new CommandResult.Invalid(new Dictionary<string, string[]> { [""] = [.. problems] });
        }

        ItaManualDrafts.SetDocument(version, catalogue);
        await RemapAsync(version.Year, fromYear, input, original?.Code, code, editedBy, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new ItaDraftItemSaved(version.Id, code, version.ContentHash);
    }

    /// <summary>Puts the item where the original was (same sub-indicator), else at the end of the chosen sub-indicator.</summary>
    private static void Place(ItaCatalogue catalogue, ItaItem? original, ItaItem item, ItaSubIndicator target)
    {
        var from = original is null ? null : catalogue.SubIndicatorOf(original.Code);
        if (from == target)
        {
            target.Items[target.Items.IndexOf(original!)] = item;
            return;
        }

        from?.Items.Remove(original!);
        target.Items.Add(item);
    }

    private async Task RemapAsync(int year, int? fromYear, DraftItemInput input, string? originalCode, string code, string editedBy, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var named = originalCode ?? code;
        var rows = await db.ItaItemMappings.Where(m => m.ToYear == year && m.ToCode == named).ToListAsync(cancellationToken);
        foreach (var row in rows.Where(r => r.FromYear != fromYear))
        {
            // Rows from other years (a skip over unknown manuals) follow the renumbering.
            row.ToCode = code;
            row.UpdatedAt = now;
            row.UpdatedBy = editedBy;
        }

        if (fromYear is null)
        {
            return;
        }

        db.ItaItemMappings.RemoveRange(rows.Where(r => r.FromYear == fromYear));
        var from = input.FromCodeList;
        var kind = input.MappingKind;
        db.ItaItemMappings.Add(new ItaItemMapping
        {
            FromYear = fromYear.Value, FromCodes = [.. from], ToYear = year, ToCode = code, Kind = kind, Confirmed = input.MappingConfirmed,
            Note = string.IsNullOrWhiteSpace(input.MappingNote) ? null : input.MappingNote.Trim(), UpdatedAt = now, UpdatedBy = editedBy,
        });
    }
}
