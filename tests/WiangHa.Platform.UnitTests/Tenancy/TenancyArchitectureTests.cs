using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Tenancy;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Tenancy;

namespace WiangHa.Platform.UnitTests.Tenancy;

/// <summary>
/// The two tenancy tiers hold only if nobody forgets them: every entity that carries a tenant or organisation key is
/// covered by a named filter, and the ways around the filters are confined to types that say so in their name.
/// </summary>
public sealed partial class TenancyArchitectureTests
{
    private static readonly string[] KeyNames = ["TenantId", "OrganisationId"];

    /// <summary>Calls that read or write past the query filters.</summary>
    [GeneratedRegex(@"\.(IgnoreQueryFilters|FromSql\w*|SqlQuery\w*|ExecuteSql\w*|ExecuteUpdate\w*|ExecuteDelete\w*)\s*[<(]")]
    private static partial Regex FilterBypass();

    [GeneratedRegex(@"\b(?:class|record|struct|interface)\s+(\w+)")]
    private static partial Regex TypeDeclaration();

    /// <summary>
    /// Raw SQL that touches no rows: the SQLite journal mode is a setting of the database file, not a query, so it
    /// needs no tenant. Anything else outside a <c>CrossTenant…</c> type fails the test.
    /// </summary>
    private static readonly (string Type, string Call)[] Exempt = [("DatabaseInitializer", "ExecuteSqlRawAsync")];

    /// <summary>
    /// The dashboards' read model carries an organisation key but no filter on purpose: it is the cross-tenant
    /// projection supervisors read, authorised by their province scope. It may be touched only by the types in
    /// <see cref="ReadModelTypes"/> (checked below).
    /// </summary>
    private static readonly string[] ReadModels = ["LaoStanding"];

    private static readonly string[] ReadModelTypes = ["DashboardQueries", "LaoStandingWriter", "ProvinceDayFigureWriter", "PlatformDbContext"];

    [Fact]
    public void Every_entity_with_a_tenant_or_organisation_key_is_covered_by_a_named_filter()
    {
        using var db = NewContext();
        var keyed = db.Model.GetEntityTypes()
            .Where(e => e.GetProperties().Any(p => KeyNames.Contains(p.Name)) && !ReadModels.Contains(e.ClrType.Name))
            .ToList();

        keyed.Count.ShouldBeGreaterThan(10, "the model has a dozen tenant-owned entities; finding fewer means the scan is broken");
        var uncovered = keyed
            .Where(e => e.GetRootType().FindDeclaredQueryFilter(PlatformDbContext.TenantFilter) is null
                        && e.GetRootType().FindDeclaredQueryFilter(PlatformDbContext.OrganisationFilter) is null)
            .Select(e => e.DisplayName())
            .ToList();
        uncovered.ShouldBeEmpty();

        // The tiers do not overlap, and each filter's entities carry the interface that the write guard reads.
        foreach (var entity in keyed)
        {
            var clr = entity.GetRootType().ClrType;
            if (entity.GetRootType().FindDeclaredQueryFilter(PlatformDbContext.TenantFilter) is not null)
            {
                typeof(ITenantOwned).IsAssignableFrom(clr).ShouldBeTrue(clr.Name);
            }
            else
            {
                typeof(IOrganisationScoped).IsAssignableFrom(clr).ShouldBeTrue(clr.Name);
            }
        }

        keyed.Select(e => e.ClrType.Name).ShouldContain("Membership");
        keyed.Select(e => e.ClrType.Name).ShouldContain("Invitation");
        keyed.Select(e => e.ClrType.Name).ShouldContain("AuditEvent");
    }

    [Fact]
    public void The_dashboards_read_model_is_read_and_written_only_by_its_own_types_and_cross_tenant_ones()
    {
        var touching = Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(".Migrations.", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains(".LaoStandings", StringComparison.Ordinal))
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .ToList();
        touching.ShouldNotBeEmpty();
        touching.Where(t => !ReadModelTypes.Contains(t) && !t.StartsWith("CrossTenant", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Fact]
    public void Filters_are_stepped_over_and_raw_sql_is_run_only_in_types_named_cross_tenant()
    {
        var sources = Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        // Migrations are the schema itself, written by EF Core's tools.
                        && !f.Contains(".Migrations.", StringComparison.Ordinal))
            .ToList();
        sources.Count.ShouldBeGreaterThan(100);

        var found = new List<(string File, string Type, string Call)>();
        foreach (var file in sources)
        {
            var text = File.ReadAllText(file);
            foreach (Match call in FilterBypass().Matches(text))
            {
                // The enclosing type is the last one declared before the call (our files declare types one after another).
                var type = TypeDeclaration().Matches(text[..call.Index]).LastOrDefault()?.Groups[1].Value ?? "(none)";
                found.Add((Path.GetFileName(file), type, call.Groups[1].Value));
            }
        }

        found.ShouldContain(f => f.Type.StartsWith("CrossTenant", StringComparison.Ordinal), "the known cross-tenant readers must be found, or the scan is broken");
        var offenders = found
            .Where(f => !f.Type.StartsWith("CrossTenant", StringComparison.Ordinal) && !Exempt.Contains((f.Type, f.Call)))
            .Select(f => $"{f.File}: {f.Type} calls {f.Call}")
            .ToList();
        offenders.ShouldBeEmpty();
    }

    private static PlatformDbContext NewContext()
    {
        // The model only: nothing is opened, so no database file is made.
        var options = new DbContextOptionsBuilder<PlatformDbContext>();
        options.UseProvider(DatabaseProvider.Sqlite, "Data Source=:memory:");
        return new PlatformDbContext(options.Options, new AsyncLocalMultiTenantContextAccessor());
    }
}
