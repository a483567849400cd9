using Microsoft.AspNetCore.Authentication;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Tenancy;
using WiangHa.Platform.Web.Identity;

namespace WiangHa.Platform.Web.Tenancy;

/// <summary>
/// Resolves the tenant of routes with a <c>{tenant}</c> segment (<c>/t/{tenant}/…</c>, <c>/api/v1/t/{tenant}/…</c>).
/// The route only <em>selects</em> among the user's memberships: an unknown tenant and a tenant the user does not
/// belong to both give 404, so a URL never grants access nor reveals that a tenant exists.
/// </summary>
public sealed class TenantResolutionMiddleware(RequestDelegate next)
{
    public const string RouteParameter = "tenant";

    /// <summary>Set when the tenant is suspended, so the status page can say so.</summary>
    public const string SuspendedTenantItem = "wh:suspended-tenant";

    public async Task InvokeAsync(HttpContext context, TenantStore store, IMultiTenantContextSetter setter, IProblemDetailsService problems)
    {
        if (context.GetRouteValue(RouteParameter) is not string identifier)
        {
            await next(context);
            return;
        }

        if (context.User.Identity?.IsAuthenticated != true)
        {
            await context.ChallengeAsync();
            return;
        }

        var tenant = identifier.Length <= 63 ? await store.FindByIdentifierAsync(identifier, context.RequestAborted) : null;
        if (tenant is null || !context.User.CanRead(tenant))
        {
            if (tenant is not null)
            {
                await AccessRefusals.SlugRefusedAsync(context, tenant);
            }

            await RefuseAsync(context, problems, StatusCodes.Status404NotFound, "ไม่พบหน่วยงานนี้ หรือท่านไม่ได้เป็นสมาชิกของหน่วยงานนี้");
            return;
        }

        if (tenant.Status == OrganisationStatus.Suspended)
        {
            context.Items[SuspendedTenantItem] = tenant;
            await RefuseAsync(context, problems, StatusCodes.Status403Forbidden, $"{tenant.Name} ถูกระงับการใช้งานชั่วคราว ข้อมูลยังคงอยู่ครบถ้วน กรุณาติดต่อผู้ดูแลระบบ");
            return;
        }

        setter.MultiTenantContext = new MultiTenantContext(tenant);
        try
        {
            await next(context);
        }
        finally
        {
            setter.MultiTenantContext = MultiTenantContext.Empty;
        }

        await AccessRefusals.NotFoundAsync(context, tenant);
    }

    /// <summary>API callers get a ProblemDetails; pages get the status, which the status-code page renders in Thai.</summary>
    private static async Task RefuseAsync(HttpContext context, IProblemDetailsService problems, int status, string detail)
    {
        context.Response.StatusCode = status;
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = status, Detail = detail },
            });
        }
    }
}

public static class TenantHttpContextExtensions
{
    /// <summary>The tenant resolved for this request; throws on a route without a tenant (a programming error).</summary>
    public static TenantInfo CurrentTenant(this IMultiTenantContextAccessor accessor) =>
        accessor.MultiTenantContext.TenantInfo ?? throw new InvalidOperationException("No tenant was resolved for this request.");
}
