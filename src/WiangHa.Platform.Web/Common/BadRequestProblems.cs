using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;

namespace WiangHa.Platform.Web.Common;

/// <summary>
/// Every malformed API input — a query value that is not a number, JSON that does not parse, an unknown enum name, a
/// missing body — is a 400 ProblemDetails naming the parameter, in every environment. Minimal APIs are told to throw
/// on such input (<c>ThrowOnBadRequest</c>, so Development and Production behave alike) and this handler answers; the
/// few minimal endpoints outside the API (file downloads) get the same sentence as text.
/// </summary>
public sealed partial class BadRequestProblems(IProblemDetailsService problems) : IExceptionHandler
{
    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Problem(string parameter, string detail, int status = StatusCodes.Status400BadRequest) => TypedResults.Problem(
        statusCode: status,
        title: "คำขอไม่ถูกต้อง (bad request)",
        detail: detail,
        extensions: new Dictionary<string, object?> { ["parameter"] = parameter });

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        var (parameter, detail) = Describe(bad);
        httpContext.Response.StatusCode = bad.StatusCode;
        if (!httpContext.Request.Path.StartsWithSegments("/api"))
        {
            // A file link (report, dashboard export) with a bad value: a short answer, not the 500 page.
            await httpContext.Response.WriteAsync($"คำขอไม่ถูกต้อง: {detail}", cancellationToken);
            return true;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = bad.StatusCode,
                Title = "คำขอไม่ถูกต้อง (bad request)",
                Detail = detail,
                Extensions = { ["parameter"] = parameter },
            },
        });
    }

    /// <summary>The parameter the framework names in its message (<c>parameter "int? year"</c>) and a Thai + English sentence.</summary>
    public static (string Parameter, string Detail) Describe(BadHttpRequestException bad)
    {
        var parameter = ParameterPattern().Match(bad.Message) is { Success: true } m ? m.Groups["name"].Value : "request";
        if (bad.InnerException is JsonException json)
        {
            var path = json.Path is { Length: > 1 } p ? p : "$";
            return (path == "$" ? parameter : path, $"เนื้อหา JSON ไม่ถูกต้องที่ {path} (the JSON body is not valid at {path}: {FirstSentence(json.Message)})");
        }

        if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return (parameter, "ต้องส่งเนื้อหาเป็น application/json (the body must be application/json)");
        }

        if (bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase))
        {
            return (parameter, $"ต้องส่งเนื้อหา JSON ของ {parameter} (the JSON body \"{parameter}\" is missing or unreadable)");
        }

        if (bad.Message.StartsWith("Required", StringComparison.Ordinal))
        {
            return (parameter, $"ต้องระบุ {parameter} (\"{parameter}\" is required)");
        }

        var value = ValuePattern().Match(bad.Message) is { Success: true } v ? v.Groups["value"].Value : "";
        return (parameter, $"ค่า \"{value}\" ของ {parameter} ไม่ถูกต้อง (\"{value}\" is not a valid {parameter})");
    }

    private static string FirstSentence(string message) => message.Split(". ", 2)[0].TrimEnd('.');

    [GeneratedRegex("parameter \"(?:[^\"]* )?(?<name>[A-Za-z_][A-Za-z0-9_]*)\"")]
    private static partial Regex ParameterPattern();

    [GeneratedRegex("from \"(?<value>.*)\"\\.?$")]
    private static partial Regex ValuePattern();
}
