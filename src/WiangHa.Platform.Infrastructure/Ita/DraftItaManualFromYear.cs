using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Domain.Ita;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Ita;

/// <summary>Start year <paramref name="ToYear"/>'s manual as a copy of <paramref name="FromYear"/>'s.</summary>
public sealed record DraftManualInput(int FromYear, int ToYear, string? Note = null);

public sealed class DraftManualInputValidator : AbstractValidator<DraftManualInput>
{
    public DraftManualInputValidator()
    {
        RuleFor(i => i.FromYear).Must(FiscalYear.IsPlausible).WithMessage("เลือกปีของคู่มือต้นแบบ");
        RuleFor(i => i.ToYear).Must(FiscalYear.IsPlausible)
            .WithMessage($"ปีของคู่มือใหม่ต้องเป็นปี พ.ศ. ระหว่าง {FiscalYear.MinBuddhistYear} ถึง {FiscalYear.MaxBuddhistYear}");
        RuleFor(i => i.ToYear).GreaterThan(i => i.FromYear).When(i => FiscalYear.IsPlausible(i.ToYear))
            .WithMessage("ปีของคู่มือใหม่ต้องอยู่หลังปีของคู่มือต้นแบบ");
        RuleFor(i => i.Note).MaximumLength(500).WithMessage("หมายเหตุยาวได้ไม่เกิน 500 ตัวอักษร");
    }
}

/// <summary>The new year's draft version.</summary>
public sealed record ItaManualDrafted(Guid VersionId, int Year, int Number, int Items) : CommandResult;

/// <summary>
/// Drafts next year's manual from an earlier year's (its published version, else its newest draft): every item is
/// copied, marked unconfirmed, with the years in its wording moved on; the years pair gets a same-code mapping,
/// marked inferred, for the operator to correct beside each item. The draft is edited in place until published.
/// </summary>
public sealed partial class DraftItaManualFromYearHandler(PlatformDbContext db, ItaCatalogueQueries catalogues, IValidator<DraftManualInput> validator, TimeProvider clock)
{
    public async Task<CommandResult> HandleAsync(DraftManualInput input, string createdBy, CancellationToken cancellationToken = default)
    {
        if ((await validator.FieldErrorsAsync(input, cancellationToken)).AsInvalid() is { } invalid)
        {
            return invalid;
        }

        if (await catalogues.CurrentOrDraftAsync(input.FromYear, cancellationToken) is not { } source)
        {
            return CommandResult.InvalidField(nameof(input.FromYear), $"ยังไม่มีคู่มือปี {input.FromYear} ให้คัดลอก");
        }

        if (await catalogues.DraftAsync(input.ToYear, cancellationToken) is { } existing)
        {
            if (!await IsUntouchedShippedDraftAsync(existing, cancellationToken))
            {
                return CommandResult.InvalidField(nameof(input.ToYear),
                    $"คู่มือปี {input.ToYear} มีร่างฉบับที่ {existing.Number} อยู่แล้ว — แก้ไขร่างนั้นต่อ หรือเผยแพร่ก่อนสร้างร่างใหม่");
            }

            // The start-up draft nobody has edited yet gives way to the operator's own (drafts are used by nothing).
            db.ItaManualVersions.Remove(await db.ItaManualVersions.SingleAsync(v => v.Id == existing.Id, cancellationToken));
            db.ItaItemMappings.RemoveRange(await db.ItaItemMappings.Where(m => m.ToYear == input.ToYear).ToListAsync(cancellationToken));
            await db.SaveChangesAsync(cancellationToken);
        }

        var shift = input.ToYear - input.FromYear;
        var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        var catalogue = Copy(source.Catalogue, input.FromYear, shift,
            $"ร่างคัดลอกจากคู่มือปี {input.FromYear} ฉบับที่ {source.Number}" + (note is null ? "" : $" — {note}") + "; ทุกข้อยังไม่ยืนยันกับคู่มือของปีใหม่");
        var version = await ItaManualDrafts.AddAsync(db, catalogue, fileName: null, createdBy, clock.GetUtcNow(),
            note ?? $"คัดลอกจากคู่มือปี {input.FromYear}", cancellationToken);

        var mapped = await db.ItaItemMappings.AnyAsync(m => m.FromYear == input.FromYear && m.ToYear == input.ToYear, cancellationToken);
        if (!mapped)
        {
            foreach (var item in catalogue.AllItems())
            {
                db.ItaItemMappings.Add(new ItaItemMapping
                {
                    FromYear = input.FromYear, FromCodes = [item.Code], ToYear = input.ToYear, ToCode = item.Code, Kind = ItaMappingKind.Same,
                    Confirmed = false, Note = $"คัดลอกจากปี {input.FromYear}: รหัสเดิม (อนุมาน)", UpdatedAt = clock.GetUtcNow(), UpdatedBy = createdBy,
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return new ItaManualDrafted(version.Id, version.Year, version.Number, version.ItemCount);
    }

    private async Task<bool> IsUntouchedShippedDraftAsync(ItaManualVersion draft, CancellationToken cancellationToken) =>
        draft.CreatedBy == ShippedMappings.SystemUser
        && !await db.ItaItemMappings.AnyAsync(m => m.ToYear == draft.Year && m.UpdatedBy != ShippedMappings.SystemUser, cancellationToken);

    /// <summary>The catalogue moved on by <paramref name="shift"/> years: wording, data years, milestones; nothing confirmed.</summary>
    public static ItaCatalogue Copy(ItaCatalogue source, int fromYear, int shift, string sourceNote) => source with
    {
        Year = fromYear + shift,
        Title = ShiftYears(source.Title, fromYear, shift),
        Source = sourceNote,
        Indicators = source.Indicators.Select(i => i with
        {
            SubIndicators = i.SubIndicators.Select(s => s with
            {
                Items = s.Items.Select(item => item with
                {
                    Title = ShiftYears(item.Title, fromYear, shift),
                    Confirmed = false,
                    Elements = item.Elements.Select(e => e with { Text = ShiftYears(e.Text, fromYear, shift), Confirmed = false }).ToList(),
                    DataYear = item.DataYear is { } rule ? rule with { Text = rule.Text is null ? null : ShiftYears(rule.Text, fromYear, shift), Confirmed = false } : null,
                    AppliesTo = [.. item.AppliesTo],
                }).ToList(),
            }).ToList(),
        }).ToList(),
        Scoring = source.Scoring with { Tiers = [.. source.Scoring.Tiers] },
        Milestones = source.Milestones.Select(m => m with { From = m.From?.AddYears(shift), To = m.To?.AddYears(shift), Confirmed = false }).ToList(),
    };

    /// <summary>
    /// "ปีงบประมาณ พ.ศ. 2568" in a 2569 text becomes 2569 in the 2570 copy: only years near the source year move, so
    /// the names of acts ("พ.ร.บ. … พ.ศ. 2560") stay as they are.
    /// </summary>
    public static string ShiftYears(string text, int fromYear, int shift) => YearPattern().Replace(text, m =>
    {
        var year = int.Parse(m.Value, CultureInfo.InvariantCulture);
        return year >= fromYear - 3 && year <= fromYear + 1 ? (year + shift).ToString(CultureInfo.InvariantCulture) : m.Value;
    });

    [GeneratedRegex(@"(?<!\d)25\d{2}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex YearPattern();
}
