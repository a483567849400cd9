using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace WiangHa.Platform.Web.Common;

/// <summary>Marks an endpoint that follows <see cref="ConditionalRequests"/>; the concurrency matrix test lists them by it.</summary>
public sealed class ConditionalRequestsMetadata;

/// <summary>
/// The API's one concurrency rule (RFC 9110 §13), written once and added to every resource's route group:
/// <list type="bullet">
/// <item>every read answers with an ETag — the row's version, or a hash of the body for a list — and
/// <c>If-None-Match</c> with a current tag gets 304;</item>
/// <item>every PUT and DELETE needs <c>If-Match</c> (the tag read, or <c>*</c> for "whatever is current"); a PUT that
/// creates sends <c>If-None-Match: *</c> instead; without either the answer is 428, with a malformed one 400, and
/// a stale tag gets 412 (see <see cref="ApiResults"/>) with nothing written.</item>
/// </list>
/// </summary>
public static class ConditionalRequests
{
    public static TBuilder WithConditionalRequests<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ConditionalRequestsMetadata()).AddEndpointFilter(FilterAsync);

    /// <summary>The API's rules for a route group: this concurrency rule and <see cref="StrictQuery"/>.</summary>
    public static TBuilder WithApiRules<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithConditionalRequests().WithStrictQuery();

    private static async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        if (HttpMethods.IsPut(request.Method) || HttpMethods.IsDelete(request.Method) || HttpMethods.IsPatch(request.Method))
        {
            return RefuseWrite(request) ?? await next(context);
        }

        var result = await next(context);
        return HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) ? AnswerRead(context.HttpContext, result) : result;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? RefuseWrite(HttpRequest request)
    {
        var ifMatch = request.Headers[HeaderNames.IfMatch].ToString();
        var ifNoneMatch = request.Headers[HeaderNames.IfNoneMatch].ToString();
        if (ifMatch.Length > 0)
        {
            return ETags.IfMatch(request) is null
                ? BadRequestProblems.Problem(HeaderNames.IfMatch, "If-Match ต้องเป็น ETag ที่ได้จากการอ่าน (เช่น \"0f8c…\") หรือ * (If-Match must be an ETag this API returned, or *)")
                : null;
        }

        if (ifNoneMatch.Length > 0)
        {
            return ifNoneMatch.Trim() == "*" && HttpMethods.IsPut(request.Method)
                ? null
                : BadRequestProblems.Problem(HeaderNames.IfNoneMatch, "การเขียนรับ If-None-Match ได้เฉพาะ * ใน PUT ที่สร้างรายการใหม่ (only If-None-Match: * on a PUT that creates)");
        }

        return ApiResults.PreconditionRequired(
            "การแก้ไขหรือลบต้องส่งส่วนหัว If-Match เป็น ETag ที่ได้จากการอ่าน (หรือ * ) เพื่อไม่ให้ทับการแก้ไขของผู้อื่น; การสร้างด้วย PUT ส่ง If-None-Match: * "
            + "(send If-Match with the ETag you read, or *; a PUT that creates sends If-None-Match: *)");
    }

    private static object? AnswerRead(HttpContext http, object? result)
    {
        // A handler's Results<Ok<T>, ProblemHttpResult> wraps the result it chose.
        var inner = result is INestedHttpResult nested ? nested.Result : result;
        if (inner is not IValueHttpResult { Value: { } value } || inner is IStatusCodeHttpResult { StatusCode: not (null or StatusCodes.Status200OK) })
        {
            return result;
        }

        var response = http.Response;
        var answer = (IResult)inner;
        if (response.Headers.ETag.Count == 0)
        {
            // A list has no version of its own: its tag is a hash of the bytes sent, which are then sent as they are.
            var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var body = JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), options);
            response.Headers.ETag = $"W/\"{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16))}\"";
            answer = TypedResults.Bytes(body, "application/json; charset=utf-8");
        }

        return Matches(http.Request.Headers[HeaderNames.IfNoneMatch].ToString(), response.Headers.ETag.ToString())
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : answer;
    }

    /// <summary>Weak comparison (RFC 9110 §8.8.3.2), as If-None-Match uses: any listed tag, or *.</summary>
    private static bool Matches(string ifNoneMatch, string etag)
    {
        if (ifNoneMatch.Length == 0)
        {
            return false;
        }

        var opaque = Opaque(etag);
        return ifNoneMatch.Split(',').Select(t => t.Trim()).Any(t => t == "*" || Opaque(t) == opaque);
    }

    private static string Opaque(string tag) => tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
}
