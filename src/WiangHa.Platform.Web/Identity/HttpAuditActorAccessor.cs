using System.Security.Claims;
using WiangHa.Platform.Infrastructure.Audit;

namespace WiangHa.Platform.Web.Identity;

/// <summary>The actor of the current request (user id, name, client IP); the system outside requests.</summary>
public sealed class HttpAuditActorAccessor(IHttpContextAccessor http) : IAuditActorAccessor
{
    public AuditActor Current
    {
        get
        {
            var context = http.HttpContext;
            if (context is null)
            {
                return AuditActor.System;
            }

            var user = context.User;
            var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.FindFirstValue(OpenIddict.Abstractions.OpenIddictConstants.Claims.Subject);
            return new AuditActor(
                Guid.TryParse(id, out var userId) ? userId : null,
                user.FindFirstValue(ClaimTypes.Email) ?? user.FindFirstValue(OpenIddict.Abstractions.OpenIddictConstants.Claims.Email) ?? user.Identity?.Name ?? id,
                context.Connection.RemoteIpAddress?.ToString());
        }
    }
}
