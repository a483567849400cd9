using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using WiangHa.Platform.Domain.Compliance;
using WiangHa.Platform.Domain.Ita;
using WiangHa.Platform.Domain.Measures;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Domain.Reports;

namespace WiangHa.Platform.Infrastructure.Audit;

/// <summary>
/// How a change of one audited entity becomes an entry: its action (null: the change is not worth one), the readable
/// name stored with it (so the trail never shows a GUID, and still names a deleted row), the year it concerns, and
/// which properties its before/after lists (<see cref="Only"/>) or leaves out (<see cref="Skip"/>).
/// </summary>
internal sealed record AuditRule(
    Func<EntityEntry, string?> Action,
    Func<object, string?> Label,
    Func<object, int?>? Year = null,
    IReadOnlySet<string>? Only = null,
    IReadOnlySet<string>? Skip = null)
{
    /// <summary><c>{entity}.added|modified|deleted</c>, the action names the trail has always used.</summary>
    public static AuditRule Standard(Func<object, string?> label, Func<object, int?>? year = null) => new(StateAction, label, year);

    public static string StateAction(EntityEntry entry) =>
        $"{AuditedEntities.Kebab(entry.Metadata.ClrType.Name)}.{entry.State.ToString().ToLowerInvariant()}";
}

/// <summary>The entities whose every change is audited, and how (see <see cref="AuditInterceptor"/>).</summary>
internal static class AuditedEntities
{
    public static readonly IReadOnlyDictionary<Type, AuditRule> Rules = new Dictionary<Type, AuditRule>
    {
        [typeof(Measure)] = AuditRule.Standard(e => ((Measure)e).Title, e => ((Measure)e).FiscalYear),
        [typeof(OrgUnit)] = AuditRule.Standard(e => ((OrgUnit)e).Name),
        [typeof(EvidenceLink)] = AuditRule.Standard(e => EvidenceLink.Label(((EvidenceLink)e).Title, ((EvidenceLink)e).Url)),
        [typeof(Membership)] = AuditRule.Standard(_ => null),
        [typeof(ItemDisclosure)] = AuditRule.Standard(e => ((ItemDisclosure)e).ItemCode, e => ((ItemDisclosure)e).AssessmentYear),
        [typeof(AssessmentAnalysis)] = AuditRule.Standard(_ => null, e => ((AssessmentAnalysis)e).FiscalYear),
        [typeof(ReportPublication)] = new(PublicationAction, _ => null, e => ((ReportPublication)e).FiscalYear),
        [typeof(ImportBatch)] = new(ImportAction, e => ((ImportBatch)e).FileName, e => ((ImportBatch)e).FiscalYear,
            Only: new HashSet<string> { nameof(ImportBatch.CreatedCount), nameof(ImportBatch.SkippedCount) }),
        [typeof(ItaManualVersion)] = new(ManualAction, e => ((ItaManualVersion)e).Number.ToString(CultureInfo.InvariantCulture), e => ((ItaManualVersion)e).Year,
            Only: new HashSet<string> { nameof(ItaManualVersion.Status), nameof(ItaManualVersion.ItemCount), nameof(ItaManualVersion.SourceFileName) }),
        [typeof(Organisation)] = new(OrganisationAction, e => ((Organisation)e).NameTh,
            Only: new HashSet<string> { nameof(Organisation.Status) }),
    };

    /// <summary>Making a year public (or private again) is its own action; other settings are the row's edit.</summary>
    private static string PublicationAction(EntityEntry entry)
    {
        var published = entry.Property(nameof(ReportPublication.IsPublished));
        return entry.State switch
        {
            EntityState.Added when (bool)published.CurrentValue! => AuditActions.ReportPublished,
            EntityState.Modified when published.IsModified && (bool)published.CurrentValue! != (bool)published.OriginalValue! =>
                (bool)published.CurrentValue! ? AuditActions.ReportPublished : AuditActions.ReportUnpublished,
            _ => AuditRule.StateAction(entry),
        };
    }

    /// <summary>A preview is nobody's change yet; confirming it is (the measures it creates are audited one by one).</summary>
    private static string? ImportAction(EntityEntry entry) =>
        StatusBecame(entry, nameof(ImportBatch.Status), ImportBatchStatus.Imported) ? AuditActions.ReportImportConfirmed : null;

    private static string? ManualAction(EntityEntry entry) =>
        entry.State == EntityState.Added ? AuditActions.ItaManualImported
        : StatusBecame(entry, nameof(ItaManualVersion.Status), ItaManualVersionStatus.Published) ? AuditActions.ItaManualPublished
        : null;

    private static string? OrganisationAction(EntityEntry entry) =>
        StatusBecame(entry, nameof(Organisation.Status), OrganisationStatus.Suspended) ? AuditActions.OrganisationSuspended
        : StatusBecame(entry, nameof(Organisation.Status), OrganisationStatus.Active) ? AuditActions.OrganisationReactivated
        : null;

    private static bool StatusBecame<T>(EntityEntry entry, string property, T value) where T : struct, Enum
    {
        var status = entry.Property(property);
        return entry.State == EntityState.Modified && status.IsModified
            && Equals(status.CurrentValue, value) && !Equals(status.OriginalValue, value);
    }

    public static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
