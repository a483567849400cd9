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
        var group = app.MapGroup("/api/v1/t/{tenant}/compliance").WithTags("Compliance").RequireAuthorization(ApiPolicies.MeasuresRead);
        group.MapGet("/disclosures", async (int year, ComplianceQueries queries, CancellationToken ct) =>
            TypedResults.Ok((await queries.DisclosuresAsync(year, ct)).Select(DisclosureView.From).ToList()));
        group.MapGet("/disclosures/{id:guid}", GetDisclosureAsync);
        group.MapPut("/disclosures", SaveDisclosureAsync).RequireAuthorization(ApiPolicies.MeasuresWrite);
        group.MapPut("/disclosures/{id:guid}", UpdateDisclosureAsync).RequireAuthorization(ApiPolicies.MeasuresWrite);
        group.MapDelete("/disclosures/{id:guid}", async (Guid id, DeleteItemDisclosure handler, HttpRequest request, CancellationToken ct) =>
            await handler.HandleAsync(id, ETags.IfMatch(request), ct) is var result && result is CommandResult.Success ? Results.NoContent() : ApiResults.Failure(result))
            .RequireAuthorization(ApiPolicies.MeasuresWrite);
        group.MapGet("/runs/{id:guid}", async Task<Results<Ok<RunView>, ProblemHttpResult>> (Guid id, ComplianceQueries queries, CancellationToken ct) =>
            await queries.RunAsync(id, ct) is { } run ? TypedResults.Ok(RunView.From(run)) : ApiResults.NotFound());
        group.MapGet("/{year:int}", async Task<Results<Ok<RunView>, ProblemHttpResult>> (int year, ComplianceQueries queries, CancellationToken ct) =>
            await queries.LatestRunAsync(year, ct) is { } run ? TypedResults.Ok(RunView.From(run)) : ApiResults.NotFound());
        group.MapPost("/{year:int}/check-now", CheckNowAsync).RequireAuthorization(ApiPolicies.MeasuresWrite);
        return app;
    }

    private static async Task<Results<Ok<DisclosureView>, ProblemHttpResult>> GetDisclosureAsync(Guid id, ComplianceQueries queries, HttpResponse response, CancellationToken ct)
    {
        if (await queries.DisclosureAsync(id, ct) is not { } row)
        {
            return ApiResults.NotFound();
        }

        response.Headers.ETag = ETags.For(row.Version);
        return TypedResults.Ok(DisclosureView.From(row));
    }

    private static async Task<IResult> SaveDisclosureAsync(DisclosureBody body, SaveItemDisclosure handler, ComplianceQueries queries, CancellationToken ct)
    {
        var result = await handler.HandleAsync(new DisclosureInput(body.AssessmentYear, body.ItemCode ?? "", body.Answer, body.Urls ?? [], body.Explanation), ct);
        return result is CommandResult.Success success
            ? TypedResults.Ok(DisclosureView.From((await queries.DisclosureAsync(success.Id, ct))!))
            : ApiResults.Failure(result);
    }

    private static async Task<IResult> UpdateDisclosureAsync(Guid id, DisclosureBody body, SaveItemDisclosure handler, ComplianceQueries queries, HttpRequest request, CancellationToken ct)
    {
        // The id decides the row (and so the tenant, through the filter); year and item come from it, not the body.
        if (await queries.DisclosureAsync(id, ct) is not { } row)
        {
            return ApiResults.NotFound();
        }

        // If-Match (the ETag of GET) makes a stale edit a 409 instead of overwriting.
        var result = await handler.HandleAsync(new DisclosureInput(row.AssessmentYear, row.ItemCode, body.Answer, body.Urls ?? [], body.Explanation, ETags.IfMatch(request)), ct);
        return result is CommandResult.Success
            ? TypedResults.Ok(DisclosureView.From((await queries.DisclosureAsync(id, ct))!))
            : ApiResults.Failure(result);
    }

    private static async Task<IResult> CheckNowAsync(int year, RequestComplianceCheck handler, IMultiTenantContextAccessor tenant, CancellationToken ct)
    {
        var runId = await handler.HandleAsync(tenant.CurrentTenant().Id, year, ct);
        return runId is { } id
            ? TypedResults.Accepted($"/api/v1/t/{tenant.CurrentTenant().Identifier}/compliance/runs/{id}", new { runId = id })
            : ApiResults.NotFound();
    }
}
