using FluentValidation;
using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Ita;

/// <summary>Whether unreachable evidence links fail items of <paramref name="Year"/>'s manual or only warn.</summary>
public sealed record UnreachableLinkPolicyInput(int Year, bool WarnOnly);

public sealed class UnreachableLinkPolicyInputValidator : AbstractValidator<UnreachableLinkPolicyInput>
{
    public UnreachableLinkPolicyInputValidator() =>
        RuleFor(x => x.Year).Must(FiscalYear.IsPlausible).WithMessage($"ปีการประเมินต้องเป็นปี พ.ศ. ระหว่าง {FiscalYear.MinBuddhistYear} ถึง {FiscalYear.MaxBuddhistYear}");
}

/// <summary>
/// Operators set, per year's manual, whether a link the checker could not reach fails the item (the default, as an
/// assessor who cannot open it gives 0) or is only a warning. Takes effect at each LAO's next check.
/// </summary>
public sealed class SetUnreachableLinkPolicyHandler(PlatformDbContext db, IValidator<UnreachableLinkPolicyInput> validator)
{
    public async Task<CommandResult> HandleAsync(UnreachableLinkPolicyInput input, CancellationToken cancellationToken = default)
    {
        if ((await validator.FieldErrorsAsync(input, cancellationToken)).AsInvalid() is { } invalid)
        {
            return invalid;
        }

        var manual = await db.ItaManuals.SingleOrDefaultAsync(m => m.Year == input.Year, cancellationToken);
        if (manual is null)
        {
            return new CommandResult.NotFound();
        }

        manual.UnreachableLinksWarnOnly = input.WarnOnly;
        await db.SaveChangesAsync(cancellationToken);
        return new CommandResult.Success(manual.Id, Guid.Empty);
    }
}
