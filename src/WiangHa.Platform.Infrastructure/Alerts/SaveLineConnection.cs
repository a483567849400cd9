using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Alerts;
using WiangHa.Platform.Infrastructure.Audit;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Alerts;

/// <summary>A LINE Official Account to push to. <see cref="Token"/> left empty on an existing connection keeps the saved one.</summary>
public sealed record LineConnectionInput(Guid? Id, string? Token, string? Target, int? MonthlyQuota, bool Enabled = true);

public sealed partial class LineConnectionInputValidator : AbstractValidator<LineConnectionInput>
{
    public const int MaxQuota = 1_000_000;

    public LineConnectionInputValidator()
    {
        RuleFor(i => i.Token)
            .Must(t => !string.IsNullOrWhiteSpace(t)).When(i => i.Id is null).WithMessage("กรุณากรอก channel access token ของบัญชี LINE Official Account")
            .Must(t => t is null || (t.Trim().Length <= 1000 && !t.Trim().Any(char.IsWhiteSpace))).WithMessage("channel access token ไม่ถูกต้อง (ยาวเกินหรือมีช่องว่าง)");
        RuleFor(i => i.Target)
            .Must(t => t is not null && TargetShape().IsMatch(t.Trim()))
            .WithMessage("รหัสปลายทางต้องขึ้นต้นด้วย C (กลุ่ม) U (ผู้ใช้) หรือ R (ห้อง) ตามด้วยอักษรฐานสิบหก 32 ตัว รวม 33 ตัวอักษร");
        RuleFor(i => i.MonthlyQuota)
            .Must(q => q is >= 1 and <= MaxQuota).WithMessage($"กรุณากรอกโควตาต่อเดือนเป็นตัวเลข 1–{MaxQuota:N0}");
    }

    [GeneratedRegex("^[CUR][0-9a-fA-F]{32}$")]
    private static partial Regex TargetShape();
}

/// <summary>Connects a LINE Official Account to an LAO or a province, or changes one: the token stored protected.</summary>
public sealed class SaveLineConnectionHandler(PlatformDbContext db, IValidator<LineConnectionInput> validator, AlertSecrets secrets, AuditLog audit, TimeProvider clock)
{
    public async Task<CommandResult> HandleAsync(AlertConnectionOwner owner, LineConnectionInput input, CancellationToken cancellationToken = default)
    {
        if ((await validator.FieldErrorsAsync(input, cancellationToken)).AsInvalid() is { } invalid)
        {
            return invalid;
        }

        var connection = input.Id is { } id
            ? await owner.Of(db.AlertConnections).SingleOrDefaultAsync(c => c.Id == id && c.Channel == AlertChannel.Line, cancellationToken)
            : null;
        if (input.Id is not null && connection is null)
        {
            return new CommandResult.NotFound();
        }

        var token = string.IsNullOrWhiteSpace(input.Token) ? null : secrets.Protect(input.Token.Trim());
        if (connection is null)
        {
            connection = new AlertConnection
            {
                OrganisationId = owner.OrganisationId, ProvinceCode = owner.ProvinceCode, Channel = AlertChannel.Line,
                Target = "", ProtectedSecret = token!,
            };
            db.AlertConnections.Add(connection);
        }

        connection.Target = input.Target!.Trim();
        connection.ProtectedSecret = token ?? connection.ProtectedSecret;
        connection.MonthlyQuota = input.MonthlyQuota;
        connection.Enabled = input.Enabled;
        connection.UpdatedAt = clock.GetUtcNow();
        // Never the token: the trail says what changed and where it goes, not how to push there.
        await audit.RecordAsync("alerts.connection.saved", owner.OrganisationId, nameof(AlertConnection), connection.Id.ToString(),
            $"LINE → {connection.Target}, โควตา {connection.MonthlyQuota}/เดือน, {(connection.Enabled ? "เปิด" : "ปิด")}{(token is null ? "" : ", token ใหม่")}{owner.AuditScope}",
            cancellationToken: cancellationToken);
        return new CommandResult.Success(connection.Id, Guid.Empty);
    }
}
