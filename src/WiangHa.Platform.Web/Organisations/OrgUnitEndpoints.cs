using Microsoft.AspNetCore.Http.HttpResults;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Organisations;
using WiangHa.Platform.Infrastructure.Tenancy;
using WiangHa.Platform.Web.Common;
using WiangHa.Platform.Web.Identity;
using WiangHa.Platform.Web.Tenancy;

namespace WiangHa.Platform.Web.Organisations;

/// <summary><c>/api/v1/t/{tenant}/org-units</c>: the LAO's units (ส่วนราชการ). Everyone reads; the tenant admin writes.</summary>
public static class OrgUnitEndpoints
{
    public static IEndpointRouteBuilder MapOrgUnitEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/t/{tenant}/org-units")
            .WithTags("OrgUnits")
            .RequireAuthorization(ApiPolicies.MeasuresRead)
            .WithApiRules();

        group.MapGet("/", ListOrgUnitsAsync).WithName("ListOrgUnits");
        group.MapGet("/{id:guid}", GetOrgUnitAsync).WithName("GetOrgUnit");
        group.MapPost("/", CreateOrgUnitAsync).WithName("CreateOrgUnit").Produces<OrgUnitView>(StatusCodes.Status201Created).RequireAuthorization(ApiPolicies.OrgUnitsWrite);
        group.MapPut("/{id:guid}", UpdateOrgUnitAsync).WithName("UpdateOrgUnit").Produces<OrgUnitView>().RequireAuthorization(ApiPolicies.OrgUnitsWrite);
        group.MapDelete("/{id:guid}", DeleteOrgUnitAsync).WithName("DeleteOrgUnit").RequireAuthorization(ApiPolicies.OrgUnitsWrite);
        return app;
    }

    /// <summary>The LAO's units, paged (<see cref="ApiPaging"/>): filter by <c>active</c> and <c>updatedSince</c>.</summary>
    public static async Task<Results<Ok<IReadOnlyList<OrgUnitView>>, ProblemHttpResult>> ListOrgUnitsAsync(
        bool? active, DateTimeOffset? updatedSince, string? sort, int? limit, string? cursor, OrgUnitQueries units, HttpContext http,
        CancellationToken cancellationToken)
    {
        var badPage = ApiPaging.TryRead(limit, cursor, out var page);
        var badSort = ApiPaging.TryReadSort(sort, "sortOrder", out var byUpdate);
        if ((badPage ?? badSort) is { } refused)
        {
            return refused;
        }

        var rows = await units.PageAsync(new OrgUnitListQuery(active, updatedSince, byUpdate, page), cancellationToken);
        return rows is null ? ApiPaging.BadCursor() : ApiPaging.Send(http, rows);
    }

    public static async Task<Results<Ok<OrgUnitView>, ProblemHttpResult>> GetOrgUnitAsync(
        Guid id, OrgUnitQueries units, HttpResponse response, CancellationToken cancellationToken)
    {
        var unit = await units.GetAsync(id, cancellationToken);
        if (unit is null)
        {
            return ApiResults.NotFound();
        }

        response.Headers.ETag = ETags.For(unit.Version);
        return TypedResults.Ok(unit);
    }

    public static async Task<IResult> CreateOrgUnitAsync(
        OrgUnitInput input, CreateOrgUnitHandler handler, OrgUnitQueries units, IMultiTenantContextAccessor tenant, HttpResponse response,
        CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(input, cancellationToken);
        if (result is not CommandResult.Success success)
        {
            return ApiResults.Failure(result);
        }

        response.Headers.ETag = ETags.For(success.Version);
        return TypedResults.Created($"/api/v1/t/{tenant.CurrentTenant().Identifier}/org-units/{success.Id}", await units.GetAsync(success.Id, cancellationToken));
    }

    public static async Task<IResult> UpdateOrgUnitAsync(
        Guid id, OrgUnitInput input, UpdateOrgUnitHandler handler, OrgUnitQueries units, HttpRequest request, HttpResponse response,
        CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(id, input, ETags.Expected(request), cancellationToken);
        if (result is not CommandResult.Success success)
        {
            return ApiResults.Failure(result);
        }

        response.Headers.ETag = ETags.For(success.Version);
        return TypedResults.Ok(await units.GetAsync(id, cancellationToken));
    }

    public static async Task<IResult> DeleteOrgUnitAsync(Guid id, DeleteOrgUnitHandler handler, HttpRequest request, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(id, ETags.Expected(request), cancellationToken);
        return result is CommandResult.Success ? TypedResults.NoContent() : ApiResults.Failure(result);
    }
}
