namespace WiangHa.Platform.Web.Common;

/// <summary>
/// The base URL put in emailed links. Deployments set <c>Platform:PublicBaseUrl</c> so a forged Host header can
/// never redirect a password-reset link elsewhere; the embedded default uses the request's own address.
/// </summary>
public sealed class PublicUrls(IConfiguration configuration)
{
    public string Base(HttpRequest request) =>
        configuration["Platform:PublicBaseUrl"]?.TrimEnd('/') ?? $"{request.Scheme}://{request.Host}{request.PathBase}";
}
