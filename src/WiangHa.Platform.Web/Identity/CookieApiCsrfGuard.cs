namespace WiangHa.Platform.Web.Identity;

/// <summary>
/// The API takes the UI cookie as well as bearer tokens, so another site could make a signed-in browser send it a
/// write: a plain HTML form (which can only send form-encoded, multipart or text/plain bodies) or a script request
/// that announces its origin. A cookie-borne write to <c>/api</c> is refused when it comes from another origin or with
/// a body a cross-site form could send. Bearer requests are not concerned: a browser never adds a token by itself.
/// </summary>
public sealed class CookieApiCsrfGuard(RequestDelegate next)
{
    private static readonly string[] FormContentTypes = ["application/x-www-form-urlencoded", "multipart/form-data", "text/plain"];

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/api") && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method)
            && !request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && (FromAnotherOrigin(request) || FormContentTypes.Any(t => request.ContentType?.StartsWith(t, StringComparison.OrdinalIgnoreCase) == true)))
        {
            await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "คำขอจากเว็บไซต์อื่นถูกปฏิเสธ",
                detail: "A write to the API with the session cookie must come from this site as JSON, or carry a bearer token.").ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    private static bool FromAnotherOrigin(HttpRequest request) =>
        string.Equals(request.Headers["Sec-Fetch-Site"], "cross-site", StringComparison.OrdinalIgnoreCase)
        || (request.Headers.Origin.ToString() is { Length: > 0 } origin
            && (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || !string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)));
}
