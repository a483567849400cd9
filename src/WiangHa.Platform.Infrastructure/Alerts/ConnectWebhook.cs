using FluentValidation;
using Microsoft.Extensions.Options;
using WiangHa.Platform.Domain.Alerts;
using WiangHa.Platform.Infrastructure.Audit;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Alerts;

public sealed record WebhookConnectionInput(string? Url);

public sealed class WebhookConnectionInputValidator : AbstractValidator<WebhookConnectionInput>
{
    public WebhookConnectionInputValidator(IOptions<AlertChannelOptions> options)
    {
        RuleFor(i => i.Url)
            .Must(u => !string.IsNullOrWhiteSpace(u)).WithMessage("กรุณากรอกที่อยู่ webhook")
            .Must(u => u is null || u.Trim().Length <= 500).WithMessage("ที่อยู่ webhook ยาวเกิน 500 ตัวอักษร")
            .Must(u => string.IsNullOrWhiteSpace(u) || options.Value.AllowsWebhook(u.Trim())).WithMessage("ที่อยู่ webhook ต้องเป็น URL ที่ขึ้นต้นด้วย https://");
    }
}

/// <summary>
/// The webhook was connected; <see cref="Key"/> is its signing key in plain text, shown to the person once and never
/// again (only its protected form is stored).
/// </summary>
public sealed record WebhookConnected(Guid Id, string Key) : CommandResult
{
    // Records print every property; this one must never put the key in a log line.
    public override string ToString() => $"{nameof(WebhookConnected)} {{ Id = {Id} }}";
}

/// <summary>Connects an outgoing webhook to an LAO or a province with a signing key the platform makes.</summary>
public sealed class ConnectWebhookHandler(PlatformDbContext db, IValidator<WebhookConnectionInput> validator, AlertSecrets secrets, AuditLog audit, TimeProvider clock)
{
    public async Task<CommandResult> HandleAsync(AlertConnectionOwner owner, WebhookConnectionInput input, CancellationToken cancellationToken = default)
    {
        if ((await validator.FieldErrorsAsync(input, cancellationToken)).AsInvalid() is { } invalid)
        {
            return invalid;
        }

        var key = AlertSecrets.NewWebhookKey();
        var connection = new AlertConnection
        {
            OrganisationId = owner.OrganisationId, ProvinceCode = owner.ProvinceCode, Channel = AlertChannel.Webhook,
            Target = input.Url!.Trim(), ProtectedSecret = secrets.Protect(key), UpdatedAt = clock.GetUtcNow(),
        };
        db.AlertConnections.Add(connection);
        await audit.RecordAsync("alerts.connection.saved", owner.OrganisationId, nameof(AlertConnection), connection.Id.ToString(),
            $"Webhook → {new Uri(connection.Target).GetLeftPart(UriPartial.Authority)}{owner.AuditScope}", cancellationToken: cancellationToken);
        return new WebhookConnected(connection.Id, key);
    }
}
