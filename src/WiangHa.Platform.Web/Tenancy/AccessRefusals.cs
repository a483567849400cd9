using WiangHa.Platform.Infrastructure.Audit;
using WiangHa.Platform.Infrastructure.Tenancy;

namespace WiangHa.Platform.Web.Tenancy;

/// <summary>
/// Records refused cross-tenant attempts of signed-in users (<see cref="AuditActions.AccessRefused"/>): another LAO's
/// slug, or another LAO's id inside one's own LAO. Unknown slugs, anonymous requests and 404s on ids nobody owns write
/// nothing; <see cref="AccessRefusalThrottle"/> bounds the rest. Written in a scope of its own, outside any tenant, so
/// nothing the refused request left in its unit of work is saved with it.
/// </summary>
public static class AccessRefusals
{
    public static async Task SlugRefusedAsync(HttpContext context, TenantInfo target)
    {
        if (UserOf(context) is { } userId)
        {
            await RecordAsync(context, (refusals, ct) => refusals.RecordAsync(userId, new RefusedTarget(target.Id, target.Name), context.Request.Method, context.Request.Path, ct));
        }
    }

    /// <summary>After a 404 inside <paramref name="current"/>: was the route's id another LAO's row?</summary>
    public static async Task NotFoundAsync(HttpContext context, TenantInfo current)
    {
        if (context.Response.StatusCode != StatusCodes.Status404NotFound
            || context.GetRouteValue("id") is not string text || !Guid.TryParse(text, out var id)
            || UserOf(context) is not { } userId
            || !context.RequestServices.GetRequiredService<AccessRefusalThrottle>().TryProbe(userId))
        {
            return;
        }

        await RecordAsync(context, async (refusals, ct) =>
        {
            if (await refusals.ForeignOwnerAsync(id, current.Id, ct) is { } target)
            {
                await refusals.RecordAsync(userId, target, context.Request.Method, context.Request.Path, ct);
            }
        });
    }

    private static Guid? UserOf(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true ? context.RequestServices.GetRequiredService<IAuditActorAccessor>().Current.UserId : null;

    private static async Task RecordAsync(HttpContext context, Func<CrossTenantAccessRefusals, CancellationToken, Task> record)
    {
        await using var scope = context.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        // Not the request's token: a client hanging up must not spare the scanner its entry.
        await record(scope.ServiceProvider.GetRequiredService<CrossTenantAccessRefusals>(), CancellationToken.None);
    }
}
