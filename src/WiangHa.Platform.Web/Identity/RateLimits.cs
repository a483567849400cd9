using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace WiangHa.Platform.Web.Identity;

/// <summary>
/// Per-client-IP limits on the doors attackers knock on: the sign-in form, the forgotten-password form and the token
/// endpoint. The forgotten-password form is also capped per address (<c>RequestPasswordResetHandler</c>), silently.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "Security:RateLimits";

    public int SignInPerMinute { get; set; } = 20;
    public int TokenPerMinute { get; set; } = 60;
    public int ForgotPasswordPerMinute { get; set; } = 5;

    /// <summary>API calls a minute per client, person or (anonymous) IP (<see cref="ApiRateLimiter"/>).</summary>
    public int ApiPerMinute { get; set; } = 600;
}

public static class RateLimits
{
    public static IServiceCollection AddPlatformRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName)
            .Validate(o => o.SignInPerMinute > 0 && o.TokenPerMinute > 0 && o.ForgotPasswordPerMinute > 0 && o.ApiPerMinute > 0, "Security:RateLimits needs positive limits.")
            .ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // A global limiter, keyed by path and IP, because OpenIddict answers /connect/token before endpoint
            // routing would apply an endpoint policy.
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var door = Door(context.Request);
                var options = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                return door is null
                    ? RateLimitPartition.GetNoLimiter("open")
                    : RateLimitPartition.GetFixedWindowLimiter($"{door}|{context.Connection.RemoteIpAddress}", _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = door switch
                        {
                            "sign-in" => options.SignInPerMinute,
                            "forgot-password" => options.ForgotPasswordPerMinute,
                            _ => options.TokenPerMinute,
                        },
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    });
            });
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var response = context.HttpContext.Response;
                response.Headers.RetryAfter = "60";
                var door = Door(context.HttpContext.Request);
                if (door == "token")
                {
                    // OAuth clients read errors as JSON (RFC 6749 §5.2), so the token endpoint answers as one.
                    response.Headers.CacheControl = "no-store";
                    await response.WriteAsJsonAsync(
                        new Dictionary<string, string>
                        {
                            ["error"] = "temporarily_unavailable",
                            ["error_description"] = "มีการขอโทเค็นถี่เกินไป กรุณารอ 1 นาทีแล้วลองใหม่ (too many token requests, retry in a minute)",
                        },
                        cancellationToken);
                    return;
                }

                response.ContentType = "text/plain; charset=utf-8";
                await response.WriteAsync(
                    door == "forgot-password"
                        ? "มีคำขอตั้งรหัสผ่านใหม่ถี่เกินไป กรุณารอ 1 นาทีแล้วลองใหม่ (too many reset requests, retry in a minute)"
                        : "มีการพยายามเข้าสู่ระบบถี่เกินไป กรุณารอ 1 นาทีแล้วลองใหม่ (too many attempts, retry in a minute)",
                    cancellationToken);
            };
        });
        return services;
    }

    private static string? Door(HttpRequest request) =>
        !HttpMethods.IsPost(request.Method) ? null
        : request.Path.StartsWithSegments("/account/sign-in") || request.Path.StartsWithSegments("/account/sign-in-2fa") ? "sign-in"
        : request.Path.StartsWithSegments("/account/forgot-password") ? "forgot-password"
        : request.Path.StartsWithSegments("/connect/token") ? "token"
        : null;
}
