using FluentValidation;
using WiangHa.Platform.Domain.Compliance;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Compliance;

/// <summary>The proposals the clerk ticked: new-year item codes of the proposal from <paramref name="FromYear"/>.</summary>
public sealed record CarryDisclosuresInput(int FromYear, int ToYear, IReadOnlyList<string> ItemCodes);

public sealed class CarryDisclosuresInputValidator : AbstractValidator<CarryDisclosuresInput>
{
    public CarryDisclosuresInputValidator() =>
        RuleFor(i => i.ItemCodes).NotEmpty().WithMessage("เลือกอย่างน้อย 1 ข้อที่จะยกมา");
}

/// <summary>How many disclosures were copied into the new year.</summary>
public sealed record DisclosuresCarried(int Count) : CommandResult;

/// <summary>
/// Copies the ticked proposals into the new year, in one save: the proposal is made again from the tenant's own
/// rows, so only what it would show can be copied; a code it does not offer (or one already answered) refuses the
/// whole request. Existing answers of the new year are never overwritten.
/// </summary>
public sealed class CarryOverDisclosuresHandler(PlatformDbContext db, DisclosureCarryOverQueries proposals, IValidator<CarryDisclosuresInput> validator,
    IValidator<DisclosureInput> disclosureValidator, TimeProvider clock)
{
    public async Task<CommandResult> HandleAsync(CarryDisclosuresInput input, CancellationToken cancellationToken = default)
    {
        if ((await validator.FieldErrorsAsync(input, cancellationToken)).AsInvalid() is { } invalid)
        {
            return invalid;
        }

        if (await proposals.ProposeAsync(input.FromYear, input.ToYear, cancellationToken) is not { } proposal || proposal.FromYear != input.FromYear)
        {
            return new CommandResult.NotFound();
        }

        var offered = proposal.Proposals.Where(p => !p.AlreadyAnswered).ToDictionary(p => p.ToCode, StringComparer.OrdinalIgnoreCase);
        var unknown = input.ItemCodes.Where(c => !offered.ContainsKey(c)).ToList();
        if (unknown.Count > 0)
        {
            return CommandResult.InvalidField(nameof(input.ItemCodes), $"ข้อ {string.Join(", ", unknown)} ไม่อยู่ในรายการที่เสนอให้ยกมา (หรือมีคำตอบในปี {input.ToYear} แล้ว)");
        }

        var now = clock.GetUtcNow();
        foreach (var code in input.ItemCodes.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var p = offered[code];
            var check = new DisclosureInput(input.ToYear, p.ToCode, p.Answer, p.Urls, p.Explanation);
            if ((await disclosureValidator.FieldErrorsAsync(check, cancellationToken)).AsInvalid() is not null)
            {
                return CommandResult.InvalidField(nameof(input.ItemCodes), $"ข้อ {p.ToCode}: ข้อมูลเดิมไม่ครบตามแบบเปิดเผยข้อมูล — กรอกข้อนี้ใหม่แทนการยกมา");
            }

            db.ItemDisclosures.Add(new ItemDisclosure
            {
                AssessmentYear = input.ToYear, ItemCode = p.ToCode, Answer = p.Answer, Urls = [.. check.CleanUrls], Explanation = p.Explanation, UpdatedAt = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return new DisclosuresCarried(input.ItemCodes.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }
}
