using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Infrastructure.Common;

namespace WiangHa.Platform.Infrastructure.Measures;

/// <summary>Edits a measure of the current tenant if nobody saved it since <c>expectedVersion</c> was read (ADR 0008).</summary>
public sealed class UpdateMeasureHandler(MeasureWriter writer)
{
    public async Task<CommandResult> HandleAsync(Guid id, MeasureInput input, ExpectedVersion expectedVersion, CancellationToken cancellationToken = default)
    {
        var db = writer.Db;
        var measure = await db.Measures
            .Include(m => m.ResponsibleUnits)
            .Include(m => m.EvidenceLinks)
            .AsSplitQuery()
            .SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (measure is null)
        {
            return new CommandResult.NotFound();
        }

        if (CommandResult.CheckVersion(measure.Version, expectedVersion, MeasureWriter.VersionRequiredMessage, MeasureWriter.ConflictMessage) is { } refused)
        {
            return refused;
        }

        input = input.Normalised();
        var (errors, units) = await writer.ValidateAsync(input, id, cancellationToken);
        if (errors is not null)
        {
            return errors;
        }

        if (input.Number is { } number)
        {
            measure.Number = number;
        }

        MeasureWriter.Apply(measure, input, units);
        writer.ReplaceEvidenceLinks(measure, input);
        measure.UpdatedAt = writer.Now;
        // Compare against the version the editor saw, so a save that races between our read and write also fails.
        db.Entry(measure).Property(m => m.Version).OriginalValue = expectedVersion.OriginalFor(measure.Version);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Measures.Where(m => m.Id == id).Select(m => (Guid?)m.Version).SingleOrDefaultAsync(cancellationToken);
            return current is null ? new CommandResult.NotFound() : new CommandResult.Conflict(MeasureWriter.ConflictMessage, current.Value);
        }

        return new CommandResult.Success(measure.Id, measure.Version);
    }
}
