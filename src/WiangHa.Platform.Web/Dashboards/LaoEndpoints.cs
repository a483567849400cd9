using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Dashboards;
using WiangHa.Platform.Infrastructure.Tenancy;
using WiangHa.Platform.Web.Common;
using WiangHa.Platform.Web.Identity;
using WiangHa.Platform.Web.Tenancy;

namespace WiangHa.Platform.Web.Dashboards;

/// <summary>One LAO's row of its province's dashboard, for the year shown.</summary>
public sealed record LaoDashboardView(int Year, LaoFigures Lao);

/// <summary>
/// The provincial system's API: <c>GET /api/v1/laos</c> lists the onboarded LAOs the caller may read (its provinces, or
/// every LAO for national scope, or its own LAO for an LAO's client), paged and filtered; <c>GET
/// /api/v1/t/{tenant}/dashboard</c> is that LAO's dashboard row (<c>dashboards:read</c>). Its documents are under
/// <c>/api/v1/t/{tenant}/reports</c> (<see cref="Reports.ReportEndpoints"/>, <c>reports:read</c>).
/// </summary>
public static class LaoEndpoints
{
    public const string ByName = "name";
    public const string ByCode = "code";

    public static IEndpointRouteBuilder MapLaoEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/laos")
            .WithTags("Laos")
            .RequireAuthorization(DashboardPolicies.LaoDirectory)
            .WithApiRules()
            .MapGet("/", ListLaosAsync)
            .WithName("ListLaos")
            .WithSummary("รายชื่อ อปท. ที่อ่านได้ (the LAOs the caller may read)");
        app.MapGroup("/api/v1/t/{tenant}/dashboard")
            .WithTags("Laos")
            .RequireAuthorization(DashboardPolicies.LaoDashboard)
            .WithApiRules()
            .MapGet("/", GetLaoDashboardAsync)
            .WithName("GetLaoDashboard")
            .WithSummary("แถวแดชบอร์ดของ อปท. (the LAO's dashboard row)");
        return app;
    }

    /// <summary>The LAOs in the caller's reach, paged (<see cref="ApiPaging"/>): filters <c>province</c>, <c>district</c>, <c>kind</c>; sort <c>name</c> (Thai order) or <c>code</c>.</summary>
    public static async Task<Results<Ok<IReadOnlyList<LaoListing>>, ProblemHttpResult>> ListLaosAsync(
        string? province, string? district, OrganisationType? kind, string? sort, int? limit, string? cursor, ClaimsPrincipal user, LaoQueries queries,
        HttpContext http, CancellationToken cancellationToken)
    {
        var badPage = ApiPaging.TryRead(limit, cursor, out var page);
        var badSort = sort is null or ByName or ByCode
            ? null
            : BadRequestProblems.Problem("sort", $"sort รับได้เฉพาะ {ByName} หรือ {ByCode} (sort must be {ByName} or {ByCode})");
        var badKind = kind is null || Enum.IsDefined(kind.Value)
            ? null
            : BadRequestProblems.Problem("kind", "kind ต้องเป็นชื่อประเภท อปท. (kind must be one of: " + string.Join(", ", Enum.GetNames<OrganisationType>()) + ")");
        if ((badPage ?? badSort ?? badKind) is { } refused)
        {
            return refused;
        }

        var order = sort == ByCode ? LaoOrder.Code : LaoOrder.Name;
        var rows = await queries.PageAsync(new LaoListQuery(user.LaoReach(), Blank(province), Blank(district), kind, order, page), cancellationToken);
        return rows is null ? ApiPaging.BadCursor() : ApiPaging.Send(http, rows);
    }

    /// <summary>The LAO's row as its province's dashboard shows it (readiness, projected score, failing items, measures).</summary>
    public static async Task<Results<Ok<LaoDashboardView>, ProblemHttpResult>> GetLaoDashboardAsync(
        int? year, DashboardQueries dashboards, IMultiTenantContextAccessor tenant, CancellationToken cancellationToken)
    {
        if (ApiYears.Refuse(year) is { } refused)
        {
            return refused;
        }

        return await dashboards.LaoAsync(tenant.CurrentTenant().Id, year, cancellationToken) is { } found
            ? TypedResults.Ok(new LaoDashboardView(found.Year, LaoFigures.From(found.Row)))
            : ApiResults.NotFound();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
