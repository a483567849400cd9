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
            .RequireAuthorization(ApiPolicies.MeasuresRead);

        group.MapGet("/", ListOrgUnitsAsync).WithName("ListOrgUnits");
        group.MapGet("/{id:guid}", GetOrgUnitAsync).WithName("GetOrgUnit");
        group.MapPost("/", CreateOrgUnitAsync).WithName("CreateOrgUnit").RequireAuthorization(ApiPolicies.OrgUnitsWrite);
        group.MapPut("/{id:guid}", UpdateOrgUnitAsync).WithName("UpdateOrgUnit").RequireAuthorization(ApiPolicies.OrgUnitsWrite);
        group.MapDelete("/{id:guid}", DeleteOrgUnitAsync).WithName("DeleteOrgUnit").RequireAuthorization(ApiPolicies.OrgUnitsWrite);
        return app;
    }

    public static async Task<Ok<IReadOnlyList<OrgUnitView>>> ListOrgUnitsAsync(OrgUnitCommands units, CancellationToken cancellationToken) =>
        TypedResults.Ok(await units.ListAsync(cancellationToken: cancellationToken));

    public static async Task<Results<Ok<OrgUnitView>, ProblemHttpResult>> GetOrgUnitAsync(
        Guid id, OrgUnitCommands units, HttpResponse response, CancellationToken cancellationToken)
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
        OrgUnitInput input, OrgUnitCommands units, IMultiTenantContextAccessor tenant, CancellationToken cancellationToken)
    {
        var result = await units.CreateAsync(input, cancellationToken);
        return result is CommandResult.Success success
            ? TypedResults.Created($"/api/v1/t/{tenant.CurrentTenant().Identifier}/org-units/{success.Id}", await units.GetAsync(success.Id, cancellationToken))
            : ApiResults.Failure(result);
    }

    public static async Task<IResult> UpdateOrgUnitAsync(
        Guid id, OrgUnitInput input, OrgUnitCommands units, HttpRequest request, CancellationToken cancellationToken)
    {
        if (ETags.IfMatch(request) is not { } expectedVersion)
        {
            return ApiResults.PreconditionRequired("การแก้ไขต้องส่งส่วนหัว If-Match เป็น ETag ที่ได้จากการอ่านหน่วยงาน");
        }

        var result = await units.UpdateAsync(id, input, expectedVersion, cancellationToken);
        return result is CommandResult.Success ? TypedResults.Ok(await units.GetAsync(id, cancellationToken)) : ApiResults.Failure(result);
    }

    public static async Task<IResult> DeleteOrgUnitAsync(Guid id, OrgUnitCommands units, CancellationToken cancellationToken)
    {
        var result = await units.DeleteAsync(id, cancellationToken);
        return result is CommandResult.Success ? TypedResults.NoContent() : ApiResults.Failure(result);
    }
}
