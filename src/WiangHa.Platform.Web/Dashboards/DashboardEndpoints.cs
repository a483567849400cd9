using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using WiangHa.Platform.Domain.Ita;
using WiangHa.Platform.Infrastructure.Audit;
using WiangHa.Platform.Infrastructure.Dashboards;
using WiangHa.Platform.Web.Common;
using WiangHa.Platform.Web.Identity;

namespace WiangHa.Platform.Web.Dashboards;

/// <summary>The provinces in the caller's scope, ranked nationally.</summary>
public sealed record ProvinceListView(int Year, IReadOnlyList<int> Years, int RankedProvinces, IReadOnlyList<ProvinceFigures> Provinces);

/// <summary>A province and every LAO of it (onboarded or not), with the items that fail most there.</summary>
public sealed record ProvinceView(
    int Year, IReadOnlyList<int> Years, ProvinceFigures Province, int RankedProvinces, IReadOnlyList<LaoFigures> Laos, IReadOnlyList<ItemFailure> ItemFailures,
    ItaDeadline NextMilestone, int DaysToNextMilestone);

/// <summary>The nation's figures, every province ranked, and the items that fail most nationally.</summary>
public sealed record NationalView(
    int Year, IReadOnlyList<int> Years, ProvinceFigures Nation, IReadOnlyList<ProvinceFigures> Provinces, IReadOnlyList<ItemFailure> ItemFailures,
    ItaDeadline NextMilestone, int DaysToNextMilestone);

/// <summary>
/// The supervisors' figures for programs and files. <c>/api/v1/dashboards</c> (bearer with <c>dashboards:read</c>, or
/// a supervisor's cookie): what the dashboards show, scoped like them — a province outside the caller's scope is 404,
/// the national figures need national scope (403). <c>/dashboards/national.{csv|xlsx}</c> and
/// <c>/dashboards/provinces/{code}.{csv|xlsx}</c> (cookie): the pages' tables as files, each download audited.
/// </summary>
public static class DashboardEndpoints
{
    public static IEndpointRouteBuilder MapDashboardEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/dashboards")
            .WithTags("Dashboards")
            .RequireAuthorization(DashboardPolicies.ApiRead)
            .WithApiRules();
        api.MapGet("/provinces", ListProvincesAsync).WithName("ListDashboardProvinces");
        api.MapGet("/provinces/{code}", GetProvinceAsync).WithName("GetDashboardProvince");
        api.MapGet("/provinces/{code}/trend", GetProvinceTrendAsync).WithName("GetDashboardProvinceTrend");
        api.MapGet("/national", GetNationalAsync).WithName("GetDashboardNational");

        // The pages' own tables: same policy as the pages (Pages/Dashboards), files instead of HTML.
        var files = app.MapGroup("/dashboards")
            .RequireAuthorization(DashboardPolicies.Read)
            .ExcludeFromDescription();
        files.MapGet("/national.{format}", ExportNationalAsync).WithName("ExportNationalDashboard");
        files.MapGet("/provinces/{code}.{format}", ExportProvinceAsync).WithName("ExportProvinceDashboard");
        return app;
    }

    public static async Task<Results<Ok<ProvinceListView>, ProblemHttpResult>> ListProvincesAsync(
        int? year, ClaimsPrincipal user, DashboardQueries dashboards, CancellationToken cancellationToken)
    {
        var (shown, invalid) = await YearAsync(year, dashboards, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        var scope = user.DashboardScope();
        var national = await dashboards.NationalAsync(shown, cancellationToken);
        return TypedResults.Ok(new ProvinceListView(national.Year, national.Years, national.Provinces.Count(p => p.Rank is not null),
            national.Provinces.Where(p => scope.Allows(p.Summary.Code)).Select(ProvinceFigures.From).ToList()));
    }

    public static async Task<Results<Ok<ProvinceView>, ProblemHttpResult>> GetProvinceAsync(
        string code, int? year, ClaimsPrincipal user, DashboardQueries dashboards, CancellationToken cancellationToken)
    {
        var (shown, invalid) = await YearAsync(year, dashboards, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        if (await dashboards.ProvinceAsync(user.DashboardScope(), code, shown, cancellationToken) is not { } d)
        {
            return ProvinceNotFound();
        }

        return TypedResults.Ok(new ProvinceView(d.Year, d.Years, ProvinceFigures.From(d.Summary, d.NationalRank), d.RankedProvinces,
            d.Laos.Select(LaoFigures.From).ToList(), d.ItemFailures, d.NextMilestone, d.DaysToNextMilestone));
    }

    public static async Task<Results<Ok<Trend>, ProblemHttpResult>> GetProvinceTrendAsync(
        string code, int? year, ClaimsPrincipal user, DashboardQueries dashboards, CancellationToken cancellationToken)
    {
        var (shown, invalid) = await YearAsync(year, dashboards, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        return await dashboards.TrendAsync(user.DashboardScope(), code, shown, cancellationToken) is { } trend ? TypedResults.Ok(trend) : ProvinceNotFound();
    }

    public static async Task<Results<Ok<NationalView>, ProblemHttpResult>> GetNationalAsync(
        int? year, ClaimsPrincipal user, DashboardQueries dashboards, CancellationToken cancellationToken)
    {
        // Not hidden like a province (its existence is no secret): a provincial caller is told it lacks the scope.
        if (!user.DashboardScope().IsNational)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "เฉพาะผู้กำกับดูแลระดับประเทศ (national scope required)",
                detail: "ผู้กำกับดูแลระดับจังหวัดอ่านได้เฉพาะจังหวัดของตน: /api/v1/dashboards/provinces");
        }

        var (shown, invalid) = await YearAsync(year, dashboards, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        var d = await dashboards.NationalAsync(shown, cancellationToken);
        return TypedResults.Ok(new NationalView(d.Year, d.Years, ProvinceFigures.From(d.Nation, null), d.Provinces.Select(ProvinceFigures.From).ToList(),
            d.ItemFailures, d.NextMilestone, d.DaysToNextMilestone));
    }

    /// <summary>The national ranking as the national page shows it to every supervisor (figures per province only).</summary>
    public static async Task<IResult> ExportNationalAsync(string format, int? year, DashboardQueries dashboards, AuditLog audit, CancellationToken cancellationToken)
    {
        if (!TableExports.Formats.Contains(format))
        {
            return TypedResults.NotFound();
        }

        var d = await dashboards.NationalAsync(year, cancellationToken);
        var table = DashboardTables.Of("จังหวัด", DashboardTables.Provinces, d.Provinces.Select(ProvinceFigures.From));
        return await FileAsync(table, d.Year, "ทุกจังหวัด", format, audit, cancellationToken);
    }

    public static async Task<IResult> ExportProvinceAsync(
        string code, string format, int? year, ClaimsPrincipal user, DashboardQueries dashboards, AuditLog audit, CancellationToken cancellationToken)
    {
        if (!TableExports.Formats.Contains(format) || await dashboards.ProvinceAsync(user.DashboardScope(), code, year, cancellationToken) is not { } d)
        {
            return TypedResults.NotFound();
        }

        var table = DashboardTables.Of(d.Summary.NameTh, DashboardTables.Laos, d.Laos.Select(LaoFigures.From));
        return await FileAsync(table, d.Year, d.Summary.NameTh, format, audit, cancellationToken);
    }

    /// <summary>"ita-2569-เชียงราย.csv"; the Content-Disposition carries it as <c>filename*</c> (UTF-8) beside an ASCII fallback.</summary>
    private static async Task<IResult> FileAsync(ExportTable table, int year, string area, string format, AuditLog audit, CancellationToken cancellationToken)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"ita-{year}-{area}.{format}");
        // Exports leave the platform: the trail says who took which table.
        await audit.RecordAsync(AuditActions.Export, subjectType: "Dashboard", subjectId: name, cancellationToken: cancellationToken);
        return TypedResults.File(TableExports.ToBytes(table, format), TableExports.ContentType(format), name);
    }

    /// <summary>The year asked for, or the dashboards' default; a year without a published manual is a 400.</summary>
    private static async Task<(int Year, ProblemHttpResult? Invalid)> YearAsync(int? asked, DashboardQueries dashboards, CancellationToken cancellationToken)
    {
        var (years, preferred) = await dashboards.YearsAsync(cancellationToken);
        if (asked is { } year && !years.Contains(year))
        {
            return (0, TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "ปีที่ประเมินไม่ถูกต้อง (invalid assessment year)",
                detail: "year ต้องเป็นปี พ.ศ. ที่มีคู่มือ ITA: " + string.Join(", ", years.Select(y => y.ToString(CultureInfo.InvariantCulture)))));
        }

        return (asked ?? preferred ?? 0, null);
    }

    private static ProblemHttpResult ProvinceNotFound() => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "ไม่พบข้อมูล (not found)",
        detail: "ไม่พบจังหวัดนี้ในขอบเขตที่ท่านกำกับดูแล");
}
