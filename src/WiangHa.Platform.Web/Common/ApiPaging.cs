using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using WiangHa.Platform.Infrastructure.Common;

namespace WiangHa.Platform.Web.Common;

/// <summary>
/// How every API list pages (docs/api.md): <c>limit</c> (1–500, default 100) and the opaque <c>cursor</c> of the
/// previous page; the body stays a JSON array, and a <c>Link: &lt;…&gt;; rel="next"</c> header points to the next page
/// until the last. <c>sort</c> names the order: the list's natural one, or <c>updatedAt</c> (oldest change first,
/// for syncs with <c>updatedSince</c>).
/// </summary>
public static class ApiPaging
{
    public const string ByUpdate = "updatedAt";

    /// <summary>The page asked for, or the 400 that names the parameter at fault.</summary>
    public static ProblemHttpResult? TryRead(int? limit, string? cursor, out PageRequest page)
    {
        page = new PageRequest(limit ?? PageRequest.DefaultLimit, string.IsNullOrEmpty(cursor) ? null : cursor);
        return page.Limit is < 1 or > PageRequest.MaxLimit
            ? BadRequestProblems.Problem("limit", $"limit ต้องอยู่ระหว่าง 1 ถึง {PageRequest.MaxLimit} (limit must be 1–{PageRequest.MaxLimit})")
            : null;
    }

    /// <summary>Reads <c>sort</c>: the list's natural order (its name given) or <see cref="ByUpdate"/>.</summary>
    public static ProblemHttpResult? TryReadSort(string? sort, string natural, out bool byUpdate)
    {
        byUpdate = string.Equals(sort, ByUpdate, StringComparison.OrdinalIgnoreCase);
        return sort is null || byUpdate || string.Equals(sort, natural, StringComparison.OrdinalIgnoreCase)
            ? null
            : BadRequestProblems.Problem("sort", $"sort รับได้เฉพาะ {natural} หรือ {ByUpdate} (sort must be {natural} or {ByUpdate})");
    }

    public static ProblemHttpResult BadCursor() =>
        BadRequestProblems.Problem("cursor", "cursor ไม่ใช่ค่าที่หน้าก่อนหน้าให้มาสำหรับลำดับนี้ — เริ่มอ่านจากหน้าแรกใหม่ (cursor was not handed out by this list with this sort: start again)");

    /// <summary>The page's rows, with the Link to the next page when there is one (same query, new cursor).</summary>
    public static Ok<IReadOnlyList<T>> Send<T>(HttpContext http, Page<T> page)
    {
        if (page.NextCursor is { } next)
        {
            var query = new QueryBuilder(http.Request.Query.Where(q => !q.Key.Equals("cursor", StringComparison.OrdinalIgnoreCase)))
            {
                { "cursor", next },
            };
            http.Response.Headers.Link = $"<{http.Request.PathBase}{http.Request.Path}{query}>; rel=\"next\"";
        }

        return TypedResults.Ok(page.Items);
    }
}

/// <summary>The one name for a year in the API's query strings: <c>year</c>, a Buddhist Era year.</summary>
public static class ApiYears
{
    public static ProblemHttpResult? Refuse(int? year) =>
        year is { } y && !Domain.Calendar.FiscalYear.IsPlausible(y)
            ? BadRequestProblems.Problem(
                "year",
                $"year ต้องเป็นปี พ.ศ. ระหว่าง {Domain.Calendar.FiscalYear.MinBuddhistYear} ถึง {Domain.Calendar.FiscalYear.MaxBuddhistYear} (year is a Buddhist Era year)")
            : null;
}
