using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace WiangHa.Platform.Web.Identity;

/// <summary>
/// The API's rate limit (<c>Security:RateLimits:ApiPerMinute</c>): a fixed window of one minute per caller — a token's
/// client and the person it acts for (a machine client's token: the client), a cookie's user, and only for anonymous
/// calls the IP address. Every <c>/api</c> answer says where the caller stands (<c>RateLimit-Policy: 600;w=60</c>,
/// <c>RateLimit: limit=600, remaining=599, reset=42</c>, draft-ietf-httpapi-ratelimit-headers-07); past the limit the
/// answer is a 429 ProblemDetails with <c>Retry-After</c>. Counts are per replica (ADR 0007), windows on the injected clock.
/// </summary>
public sealed class ApiRateLimiter(RequestDelegate next, IOptionsMonitor<RateLimitOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>Above this many callers, windows that have ended are dropped before a new caller is counted.</summary>
    private const int SweepAbove = 10_000;

    private readonly ConcurrentDictionary<string, Counter> _counters = new(StringComparer.Ordinal);

    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        if (!context.Request.Path.StartsWithSegments("/api") || HttpMethods.IsOptions(context.Request.Method))
        {
            await next(context);
            return;
        }

        var limit = options.CurrentValue.ApiPerMinute;
        var now = clock.GetUtcNow();
        var windowStart = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % Window.Ticks), TimeSpan.Zero);
        var reset = (int)Math.Ceiling((windowStart + Window - now).TotalSeconds);
        var used = Take(PartitionOf(context), windowStart);
        var headers = context.Response.Headers;
        headers["RateLimit-Policy"] = string.Create(CultureInfo.InvariantCulture, $"{limit};w={(int)Window.TotalSeconds}");
        headers["RateLimit"] = string.Create(CultureInfo.InvariantCulture, $"limit={limit}, remaining={Math.Max(0, limit - used)}, reset={reset}");
        if (used <= limit)
        {
            await next(context);
            return;
        }

        headers.RetryAfter = reset.ToString(CultureInfo.InvariantCulture);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "เรียกใช้ API ถี่เกินไป (too many requests)",
                Detail = string.Create(CultureInfo.InvariantCulture,
                    $"เรียกได้ไม่เกิน {limit} ครั้งต่อนาที กรุณาลองใหม่ใน {reset} วินาที (at most {limit} calls a minute; retry in {reset} s)"),
            },
        });
    }

    /// <summary>Whom a call counts against: the token's client (and person), the cookie's user, or the IP address.</summary>
    public static string PartitionOf(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true)
        {
            var subject = user.GetClaim(Claims.Subject) ?? user.FindFirstValue(ClaimTypes.NameIdentifier);
            if (user.IsBearer())
            {
                var client = user.GetClaim(Claims.ClientId) ?? user.GetClaim(Claims.Private.Presenter) ?? "";
                return client == subject ? $"client:{client}" : $"client:{client}|user:{subject}";
            }

            if (subject is not null)
            {
                return $"user:{subject}";
            }
        }

        return $"ip:{context.Connection.RemoteIpAddress}";
    }

    private int Take(string partition, DateTimeOffset windowStart)
    {
        if (_counters.Count > SweepAbove)
        {
            foreach (var (key, counter) in _counters)
            {
                if (counter.WindowStart < windowStart)
                {
                    _counters.TryRemove(key, out _);
                }
            }
        }

        var current = _counters.AddOrUpdate(partition, _ => new Counter(windowStart), (_, c) => c.WindowStart < windowStart ? new Counter(windowStart) : c);
        return current.Add();
    }

    private sealed class Counter(DateTimeOffset windowStart)
    {
        private int _count;

        public DateTimeOffset WindowStart { get; } = windowStart;

        public int Add() => Interlocked.Increment(ref _count);
    }
}
