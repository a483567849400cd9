using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.HttpResults;
using WiangHa.Platform.Infrastructure.Alerts;
using WiangHa.Platform.Infrastructure.Common;

namespace WiangHa.Platform.Web.Alerts;

/// <summary>The alerts' one public endpoint: RFC 8058 one-click unsubscribe, POSTed by a mail app's own button.</summary>
public static class AlertEndpoints
{
    public static IEndpointRouteBuilder MapAlertEndpoints(this IEndpointRouteBuilder app)
    {
        // No cookie and no antiforgery token: the mail app posts with nothing but the link; the token is the authority.
        app.MapPost("/alerts/unsubscribe", UnsubscribeAsync).WithName("UnsubscribeFromAlertEmails").DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> UnsubscribeAsync(
        string? token, IDataProtectionProvider protection, TimeProvider clock, AlertPreferencesQueries queries, SaveAlertPreferencesHandler save,
        CancellationToken cancellationToken)
    {
        var preferences = AlertPreferenceLinks.UserFrom(protection, clock, token) is { } user ? await queries.ForUserAsync(user, cancellationToken) : null;
        if (preferences is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "ลิงก์หมดอายุหรือไม่ถูกต้อง", detail: "The unsubscribe link has expired or is not valid.");
        }

        var result = await save.HandleAsync(preferences.UserId, new AlertPreferencesInput(EmailsOn: false, preferences.Language), cancellationToken);
        return result is CommandResult.Success ? TypedResults.NoContent() : TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "บันทึกไม่สำเร็จ");
    }
}
