using Microsoft.AspNetCore.Http.HttpResults;
using WiangHa.Platform.Domain.Compliance;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Compliance;
using WiangHa.Platform.Infrastructure.Tenancy;
using WiangHa.Platform.Web.Common;
using WiangHa.Platform.Web.Identity;
using WiangHa.Platform.Web.Tenancy;

namespace WiangHa.Platform.Web.Compliance;

/// <summary>The disclosure sheet of one item as the API shows it.</summary>
public sealed record DisclosureView(Guid Id, int AssessmentYear, string ItemCode, DisclosureAnswer Answer, IReadOnlyList<string> Urls, string? Explanation, Guid Version, DateTimeOffset UpdatedAt)
{
    public static DisclosureView From(ItemDisclosure d) => new(d.Id, d.AssessmentYear, d.ItemCode, d.Answer, d.Urls, d.Explanation, d.Version, d.UpdatedAt);
}

/// <summary>Body of a disclosure write: no tenant field — the tenant is the route's, always.</summary>
public sealed record DisclosureBody(int AssessmentYear, string ItemCode, DisclosureAnswer Answer, List<string>? Urls, string? Explanation);

/// <summary>The answer to "check now": the run queued, to be read at the Location given.</summary>
public sealed record CheckQueuedView(Guid RunId);

public sealed record ResultView(string ItemCode, ComplianceStatus Status, IReadOnlyList<string> Reasons, DateTimeOffset CheckedAt);

public sealed record RunView(Guid Id, int AssessmentYear, int ManualVersion, ComplianceRunKind Kind, ComplianceRunState State, string Slot,
    DateTimeOffset QueuedAt, DateTimeOffset? FinishedAt, decimal Score, bool Passes, string? Rating, int Applicable, int Passed, int Warnings, int Failed,
    IReadOnlyList<ResultView> Results)
{
    public static RunView From(ComplianceRun r) => new(r.Id, r.AssessmentYear, r.ManualVersionNumber, r.Kind, r.State, r.Slot, r.QueuedAt, r.FinishedAt,
        r.Score, r.Passes, r.Rating, r.Applicable, r.Passed, r.Warnings, r.Failed,
        r.Results.OrderBy(x => x.ItemCode.Length).ThenBy(x => x.ItemCode, StringComparer.Ordinal).Select(x => new ResultView(x.ItemCode, x.Status, x.Reasons, x.CheckedAt)).ToList());
}

/// <summary><c>/api/v1/t/{tenant}/compliance</c>: disclosures, check runs and their results for one LAO.</summary>
public static class ComplianceEndpoints
{
    public static IEndpointRouteBuilder MapComplianceEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/t/{tenant}/compliance")
            .WithTags("Compliance")
            .RequireAuthorization(ApiPolicies.MeasuresRead)
            .WithApiRules();

        group.MapGet("/disclosures", ListDisclosuresAsync).WithName("ListDisclosures");
        group.MapGet("/disclosures/{id:guid}", GetDisclosureAsync).WithName("GetDisclosure");
        group.MapPut("/disclosures", SaveDisclosureAsync).WithName("SaveDisclosure").Produces<DisclosureView>().RequireAuthorization(ApiPolicies.MeasuresWrite);
        group.MapPut("/disclosures/{id:guid}", UpdateDisclosureAsync).WithName("UpdateDisclosure").Produces<DisclosureView>().RequireAuthorization(ApiPolicies.MeasuresWrite);
        group.MapDelete("/disclosures/{id:guid}", DeleteDisclosureAsync).WithName("DeleteDisclosure").RequireAuthorization(ApiPolicies.MeasuresWrite);
        group.MapGet("/runs/{id:guid}", GetRunAsync).WithName("GetComplianceRun");
        group.MapGet("/{year:int}", GetLatestRunAsync).WithName("GetLatestComplianceRun");
        group.MapPost("/{year:int}/check-now", CheckNowAsync).WithName("CheckComplianceNow").Produces<CheckQueuedView>(StatusCodes.Status202Accepted).RequireAuthorization(ApiPolicies.MeasuresWrite);
        return app;
    }

    /// <summary>The LAO's disclosure sheets, paged (<see cref="ApiPaging"/>): filter by assessment <c>year</c>, <c>answer</c>, <c>updatedSince</c>.</summary>
    public static async Task<Results<Ok<IReadOnlyList<DisclosureView>>, ProblemHttpResult>> ListDisclosuresAsync(
        int? year, DisclosureAnswer? answer, DateTimeOffset? updatedSince, string? sort, int? limit, string? cursor, ComplianceQueries queries,
        HttpContext http, CancellationToken cancellationToken)
    {
        var badPage = ApiPaging.TryRead(limit, cursor, out var page);
        var badSort = ApiPaging.TryReadSort(sort, "item", out var byUpdate);
        if ((ApiYears.Refuse(year) ?? badPage ?? badSort) is { } refused)
        {
            return refused;
        }

        var rows = await queries.DisclosurePageAsync(new DisclosureListQuery(year, answer, updatedSince, byUpdate, page), cancellationToken);
        return rows is null ? ApiPaging.BadCursor() : ApiPaging.Send(http, new Page<DisclosureView>([.. rows.Items.Select(DisclosureView.From)], rows.NextCursor));
    }

    public static async Task<Results<Ok<DisclosureView>, ProblemHttpResult>> GetDisclosureAsync(
        Guid id, ComplianceQueries queries, HttpResponse response, CancellationToken cancellationToken)
    {
        if (await queries.DisclosureAsync(id, cancellationToken) is not { } row)
        {
            return ApiResults.NotFound();
        }

        response.Headers.ETag = ETags.For(row.Version);
        return TypedResults.Ok(DisclosureView.From(row));
    }

    /// <summary>
    /// Creates (<c>If-None-Match: *</c>) or replaces (<c>If-Match</c>) the sheet of one year and item: the API's one
    /// concurrency rule holds for the upsert too, so two systems never overwrite each other unseen.
    /// </summary>
    public static async Task<IResult> SaveDisclosureAsync(
        DisclosureBody body, SaveItemDisclosureHandler handler, ComplianceQueries queries, HttpRequest request, HttpResponse response,
        CancellationToken cancellationToken)
    {
        var input = new DisclosureInput(body.AssessmentYear, body.ItemCode ?? "", body.Answer, body.Urls ?? [], body.Explanation);
        var result = await handler.HandleAsync(input, ETags.Expected(request), cancellationToken);
        return result is CommandResult.Success success ? await DisclosureOkAsync(success, queries, response, cancellationToken) : ApiResults.Failure(result);
    }

    public static async Task<IResult> UpdateDisclosureAsync(
        Guid id, DisclosureBody body, UpdateItemDisclosureHandler handler, ComplianceQueries queries, HttpRequest request, HttpResponse response,
        CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(id, new DisclosureChange(body.Answer, body.Urls, body.Explanation), ETags.Expected(request), cancellationToken);
        return result is CommandResult.Success success ? await DisclosureOkAsync(success, queries, response, cancellationToken) : ApiResults.Failure(result);
    }

    public static async Task<IResult> DeleteDisclosureAsync(Guid id, DeleteItemDisclosureHandler handler, HttpRequest request, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(id, ETags.Expected(request), cancellationToken);
        return result is CommandResult.Success ? TypedResults.NoContent() : ApiResults.Failure(result);
    }

    public static async Task<Results<Ok<RunView>, ProblemHttpResult>> GetRunAsync(Guid id, ComplianceQueries queries, CancellationToken cancellationToken) =>
        await queries.RunAsync(id, cancellationToken) is { } run ? TypedResults.Ok(RunView.From(run)) : ApiResults.NotFound();

    public static async Task<Results<Ok<RunView>, ProblemHttpResult>> GetLatestRunAsync(int year, ComplianceQueries queries, CancellationToken cancellationToken) =>
        await queries.LatestRunAsync(year, cancellationToken) is { } run ? TypedResults.Ok(RunView.From(run)) : ApiResults.NotFound();

    public static async Task<IResult> CheckNowAsync(int year, RequestComplianceCheckHandler handler, IMultiTenantContextAccessor tenant, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(tenant.CurrentTenant().Id, year, cancellationToken);
        return result is ComplianceCheckQueued queued
            ? TypedResults.Accepted($"/api/v1/t/{tenant.CurrentTenant().Identifier}/compliance/runs/{queued.RunId}", new CheckQueuedView(queued.RunId))
            : ApiResults.Failure(result);
    }

    private static async Task<IResult> DisclosureOkAsync(CommandResult.Success success, ComplianceQueries queries, HttpResponse response, CancellationToken cancellationToken)
    {
        response.Headers.ETag = ETags.For(success.Version);
        return TypedResults.Ok(DisclosureView.From((await queries.DisclosureAsync(success.Id, cancellationToken))!));
    }
}
