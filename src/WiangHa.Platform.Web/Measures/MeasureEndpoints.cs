using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Measures;
using WiangHa.Platform.Infrastructure.Tenancy;
using WiangHa.Platform.Web.Common;
using WiangHa.Platform.Web.Identity;
using WiangHa.Platform.Web.Tenancy;

namespace WiangHa.Platform.Web.Measures;

/// <summary><c>/api/v1/t/{tenant}/measures</c>: the measure catalogue of one LAO.</summary>
public static class MeasureEndpoints
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static IEndpointRouteBuilder MapMeasureEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/t/{tenant}/measures")
            .WithTags("Measures")
            .RequireAuthorization(ApiPolicies.MeasuresRead)
            .WithApiRules();

        group.MapGet("/", ListMeasuresAsync).WithName("ListMeasures");
        group.MapGet("/{id:guid}", GetMeasureAsync).WithName("GetMeasure");
        group.MapPost("/", CreateMeasureAsync).WithName("CreateMeasure").Produces<MeasureView>(StatusCodes.Status201Created).RequireAuthorization(ApiPolicies.MeasuresWrite);
        group.MapPut("/{id:guid}", UpdateMeasureAsync).WithName("UpdateMeasure").Produces<MeasureView>().RequireAuthorization(ApiPolicies.MeasuresWrite);
        group.MapDelete("/{id:guid}", DeleteMeasureAsync).WithName("DeleteMeasure").RequireAuthorization(ApiPolicies.MeasuresWrite);
        return app;
    }

    /// <summary>The LAO's measures, paged (<see cref="ApiPaging"/>): filter by fiscal <c>year</c> and <c>updatedSince</c>.</summary>
    public static async Task<Results<Ok<IReadOnlyList<MeasureView>>, ProblemHttpResult>> ListMeasuresAsync(
        int? year, DateTimeOffset? updatedSince, string? sort, int? limit, string? cursor, MeasureQueries queries, HttpContext http,
        CancellationToken cancellationToken)
    {
        var badPage = ApiPaging.TryRead(limit, cursor, out var page);
        var badSort = ApiPaging.TryReadSort(sort, "number", out var byUpdate);
        if ((ApiYears.Refuse(year) ?? badPage ?? badSort) is { } refused)
        {
            return refused;
        }

        var rows = await queries.PageAsync(new MeasureListQuery(year, updatedSince, byUpdate, page), cancellationToken);
        return rows is null ? ApiPaging.BadCursor() : ApiPaging.Send(http, rows);
    }

    public static async Task<Results<Ok<MeasureView>, ProblemHttpResult>> GetMeasureAsync(
        Guid id, MeasureQueries queries, HttpResponse response, CancellationToken cancellationToken)
    {
        var measure = await queries.GetAsync(id, cancellationToken);
        if (measure is null)
        {
            return ApiResults.NotFound();
        }

        response.Headers.ETag = ETags.For(measure.Version);
        return TypedResults.Ok(measure);
    }

    public static async Task<IResult> CreateMeasureAsync(
        MeasureInput input,
        [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey,
        CreateMeasureHandler handler,
        MeasureQueries queries,
        IMultiTenantContextAccessor tenant,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        Guid? submissionKey = null;
        if (!string.IsNullOrEmpty(idempotencyKey))
        {
            if (!Guid.TryParse(idempotencyKey, out var key))
            {
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status400BadRequest,
                    title: "Idempotency-Key ไม่ถูกต้อง",
                    detail: "Idempotency-Key ต้องเป็น UUID");
            }

            submissionKey = key;
        }

        var result = await handler.HandleAsync(input, submissionKey, cancellationToken);
        if (result is not CommandResult.Success success)
        {
            return ApiResults.Failure(result);
        }

        response.Headers.ETag = ETags.For(success.Version);
        var created = await queries.GetAsync(success.Id, cancellationToken);
        return TypedResults.Created($"/api/v1/t/{tenant.CurrentTenant().Identifier}/measures/{success.Id}", created);
    }

    public static async Task<IResult> UpdateMeasureAsync(
        Guid id, MeasureInput input, UpdateMeasureHandler handler, MeasureQueries queries, HttpRequest request, HttpResponse response,
        CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(id, input, ETags.Expected(request), cancellationToken);
        if (result is not CommandResult.Success success)
        {
            return ApiResults.Failure(result);
        }

        response.Headers.ETag = ETags.For(success.Version);
        return TypedResults.Ok(await queries.GetAsync(id, cancellationToken));
    }

    public static async Task<IResult> DeleteMeasureAsync(Guid id, DeleteMeasureHandler handler, HttpRequest request, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(id, ETags.Expected(request), cancellationToken);
        return result is CommandResult.Success ? TypedResults.NoContent() : ApiResults.Failure(result);
    }
}
