using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Infrastructure.Common;

namespace WiangHa.Platform.Infrastructure.Measures;

/// <summary>Creates a measure in the current tenant. A repeated <c>submissionKey</c> creates nothing.</summary>
public sealed class CreateMeasureHandler(MeasureWriter writer)
{
    public const string DuplicateMessage = "รายการนี้ถูกบันทึกไปแล้ว (ส่งแบบฟอร์มซ้ำ) ระบบไม่ได้สร้างมาตรการใหม่";

    public async Task<CommandResult> HandleAsync(MeasureInput input, Guid? submissionKey, CancellationToken cancellationToken = default)
    {
        var db = writer.Db;
        if (await FindBySubmissionKeyAsync(submissionKey, cancellationToken) is { } existingId)
        {
            return new CommandResult.Duplicate(DuplicateMessage, existingId);
        }

        input = input.Normalised();
        var (errors, units) = await writer.ValidateAsync(input, measureId: null, cancellationToken);
        if (errors is not null)
        {
            return errors;
        }

        var number = input.Number
            ?? (await db.Measures.Where(m => m.FiscalYear == input.FiscalYear).MaxAsync(m => (int?)m.Number, cancellationToken) ?? 0) + 1;
        var measure = writer.Add(input, units, number, submissionKey);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (submissionKey is not null)
        {
            // Two identical submissions raced; the unique index let exactly one through.
            db.ChangeTracker.Clear();
            if (await FindBySubmissionKeyAsync(submissionKey, cancellationToken) is { } raceWinner)
            {
                return new CommandResult.Duplicate(DuplicateMessage, raceWinner);
            }

            throw;
        }

        return new CommandResult.Success(measure.Id, measure.Version);
    }

    private async Task<Guid?> FindBySubmissionKeyAsync(Guid? submissionKey, CancellationToken cancellationToken) =>
        submissionKey is null
            ? null
            : await writer.Db.Measures.Where(m => m.SubmissionKey == submissionKey).Select(m => (Guid?)m.Id).SingleOrDefaultAsync(cancellationToken);
}
