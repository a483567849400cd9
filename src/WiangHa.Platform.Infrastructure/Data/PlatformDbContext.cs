using System.Linq.Expressions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using WiangHa.Platform.Domain.Alerts;
using WiangHa.Platform.Domain.Compliance;
using WiangHa.Platform.Domain.Dashboards;
using WiangHa.Platform.Domain.Geography;
using WiangHa.Platform.Domain.Ita;
using WiangHa.Platform.Domain.Measures;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Domain.Reports;
using WiangHa.Platform.Domain.Tenancy;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.Infrastructure.Tenancy;

namespace WiangHa.Platform.Infrastructure.Data;

/// <summary>
/// The one DbContext of the platform, Identity tables included. Every <see cref="ITenantOwned"/> entity gets the
/// named query filter <see cref="TenantFilter"/>, which reads the tenant from this instance at query time.
/// </summary>
public sealed class PlatformDbContext(DbContextOptions<PlatformDbContext> options, IMultiTenantContextAccessor tenantAccessor)
    : IdentityDbContext<PlatformUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>Name of the tenant query filter; only <c>CrossTenant…</c> types may ignore it.</summary>
    public const string TenantFilter = "Tenant";

    /// <summary>Name of the second tier's filter (<see cref="IOrganisationScoped"/>); only <c>CrossTenant…</c> types may ignore it.</summary>
    public const string OrganisationFilter = "Organisation";

    public DbSet<Province> Provinces => Set<Province>();
    public DbSet<District> Districts => Set<District>();
    public DbSet<RegisteredLao> RegisteredLaos => Set<RegisteredLao>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();
    public DbSet<Measure> Measures => Set<Measure>();
    public DbSet<EvidenceLink> EvidenceLinks => Set<EvidenceLink>();
    public DbSet<ReportPublication> ReportPublications => Set<ReportPublication>();
    public DbSet<AssessmentAnalysis> AssessmentAnalyses => Set<AssessmentAnalysis>();
    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();

    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<SignInAttempt> SignInAttempts => Set<SignInAttempt>();
    public DbSet<Email.OutgoingMail> OutgoingMails => Set<Email.OutgoingMail>();
    public DbSet<SupervisorAssignment> SupervisorAssignments => Set<SupervisorAssignment>();
    public DbSet<Audit.AuditEvent> AuditEvents => Set<Audit.AuditEvent>();
    public DbSet<ItaManual> ItaManuals => Set<ItaManual>();
    public DbSet<ItaManualVersion> ItaManualVersions => Set<ItaManualVersion>();
    public DbSet<ItaItemMapping> ItaItemMappings => Set<ItaItemMapping>();
    public DbSet<ItemDisclosure> ItemDisclosures => Set<ItemDisclosure>();
    public DbSet<ComplianceRun> ComplianceRuns => Set<ComplianceRun>();
    public DbSet<ComplianceResult> ComplianceResults => Set<ComplianceResult>();
    public DbSet<LinkCheck> LinkChecks => Set<LinkCheck>();

    /// <summary>The dashboards' read model (see <see cref="LaoStanding"/>): read only by <c>DashboardQueries</c>.</summary>
    public DbSet<LaoStanding> LaoStandings => Set<LaoStanding>();
    public DbSet<ProvinceDayFigure> ProvinceDayFigures => Set<ProvinceDayFigure>();

    /// <summary>The ITA calendar as operators keep it, and the alerts' policy, outbox and notification centre.</summary>
    public DbSet<AssessmentMilestone> AssessmentMilestones => Set<AssessmentMilestone>();
    public DbSet<AlertPolicy> AlertPolicies => Set<AlertPolicy>();
    public DbSet<AlertMessage> AlertMessages => Set<AlertMessage>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<AlertConnection> AlertConnections => Set<AlertConnection>();

    /// <summary>ASP.NET Core data-protection keys (cookies, antiforgery), shared by every replica through the database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// The tenant the filter compares with. <see cref="Guid.Empty"/> when none is in effect, so a query outside any
    /// tenant sees no tenant-owned rows at all rather than everybody's.
    /// </summary>
    public Guid CurrentTenantId => tenantAccessor.MultiTenantContext.TenantInfo?.Id ?? Guid.Empty;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (Database.IsSqlite())
        {
            // SQLite has no date type; stored as sortable integers, instants can be ordered and compared in SQL.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict();
        builder.ApplyConfigurationsFromAssembly(typeof(PlatformDbContext).Assembly);

        foreach (var entityType in builder.Model.GetEntityTypes())
        {
            if (typeof(ITenantOwned).IsAssignableFrom(entityType.ClrType))
            {
                builder.Entity(entityType.ClrType).HasQueryFilter(TenantFilter, TenantFilterFor(entityType.ClrType));
                // Unless an index already leads with it: a second one serves no query and costs every insert.
                if (!entityType.GetIndexes().Any(i => i.Properties[0].Name == nameof(ITenantOwned.TenantId)))
                {
                    builder.Entity(entityType.ClrType).HasIndex(nameof(ITenantOwned.TenantId));
                }
            }
        }

        // The second tier, keyed by organisation and read before a tenant is chosen: see IOrganisationScoped.
        HasOrganisationFilter<Membership>(builder, m => m.OrganisationId);
        HasOrganisationFilter<Invitation>(builder, i => i.OrganisationId);
        HasOrganisationFilter<Audit.AuditEvent>(builder, a => a.TenantId);
        HasOrganisationFilter<AlertMessage>(builder, m => m.OrganisationId);
        HasOrganisationFilter<AlertConnection>(builder, c => c.OrganisationId);
    }

    /// <summary>
    /// Builds <c>e =&gt; this.CurrentTenantId == Guid.Empty || e.{key} == this.CurrentTenantId</c>: every row outside a
    /// tenant, the tenant's own rows inside one.
    /// </summary>
    private void HasOrganisationFilter<TEntity>(ModelBuilder builder, Expression<Func<TEntity, Guid?>> key)
        where TEntity : class, IOrganisationScoped
    {
        var current = Expression.Property(Expression.Constant(this), nameof(CurrentTenantId));
        var body = Expression.OrElse(
            Expression.Equal(current, Expression.Constant(Guid.Empty)),
            Expression.Equal(key.Body, Expression.Convert(current, typeof(Guid?))));
        builder.Entity<TEntity>().HasQueryFilter(OrganisationFilter, Expression.Lambda<Func<TEntity, bool>>(body, key.Parameters));
    }

    /// <summary>Builds <c>e =&gt; e.TenantId == this.CurrentTenantId</c>; EF Core parameterises the context member.</summary>
    private LambdaExpression TenantFilterFor(Type clrType)
    {
        var entity = Expression.Parameter(clrType, "e");
        var body = Expression.Equal(
            Expression.Property(entity, nameof(ITenantOwned.TenantId)),
            Expression.Property(Expression.Constant(this), nameof(CurrentTenantId)));
        return Expression.Lambda(body, entity);
    }
}
