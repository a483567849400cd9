using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Alerts;
using WiangHa.Platform.Infrastructure.Audit;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Alerts;

/// <summary>The lead days as typed ("30 14 7 3 1", commas allowed) and whether overdue notices go out.</summary>
public sealed record AlertPolicyInput(string? LeadDays, bool Overdue)
{
    public const int MinDays = 1;
    public const int MaxDays = 120;
    public const int MaxCount = 10;

    public IReadOnlyList<string> LeadDayTokens => (LeadDays ?? "").Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The days as stored: distinct, largest first, space-separated (only for valid input).</summary>
    public string NormalisedLeadDays =>
        string.Join(' ', LeadDayTokens.Select(t => int.Parse(t, NumberStyles.None, CultureInfo.InvariantCulture)).Distinct().OrderDescending());
}

public sealed class AlertPolicyInputValidator : AbstractValidator<AlertPolicyInput>
{
    public AlertPolicyInputValidator()
    {
        RuleFor(p => p.LeadDays).Custom((_, context) =>
        {
            var tokens = context.InstanceToValidate.LeadDayTokens;
            var wrong = tokens.Where(t => !IsDays(t)).ToList();
            if (tokens.Count == 0)
            {
                context.AddFailure("กรุณากรอกจำนวนวันล่วงหน้าอย่างน้อย 1 ค่า เช่น 30 14 7 3 1");
            }
            else if (wrong.Count > 0)
            {
                context.AddFailure($"จำนวนวันต้องเป็นจำนวนเต็มระหว่าง {AlertPolicyInput.MinDays} ถึง {AlertPolicyInput.MaxDays}: {string.Join(' ', wrong)}");
            }
            else if (tokens.Select(Days).Distinct().Count() != tokens.Count)
            {
                context.AddFailure("มีจำนวนวันซ้ำกัน");
            }
            else if (tokens.Count > AlertPolicyInput.MaxCount)
            {
                context.AddFailure($"กรอกได้ไม่เกิน {AlertPolicyInput.MaxCount} ค่า");
            }
        });
    }

    private static bool IsDays(string token) =>
        int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= AlertPolicyInput.MinDays and <= AlertPolicyInput.MaxDays;

    private static int Days(string token) => int.Parse(token, NumberStyles.None, CultureInfo.InvariantCulture);
}

/// <summary>An operator sets the platform's one alert policy (the row with id 1, added on the first save).</summary>
public sealed class SaveAlertPolicyHandler(PlatformDbContext db, IValidator<AlertPolicyInput> validator, AuditLog audit, TimeProvider clock)
{
    public async Task<CommandResult> HandleAsync(AlertPolicyInput input, CancellationToken cancellationToken = default)
    {
        if ((await validator.FieldErrorsAsync(input, cancellationToken)).AsInvalid() is { } invalid)
        {
            return invalid;
        }

        var policy = await db.AlertPolicies.SingleOrDefaultAsync(cancellationToken);
        if (policy is null)
        {
            policy = new AlertPolicy();
            db.AlertPolicies.Add(policy);
        }

        policy.LeadDays = input.NormalisedLeadDays;
        policy.Overdue = input.Overdue;
        policy.UpdatedAt = clock.GetUtcNow();
        try
        {
            // The audit entry is saved with the policy, in one transaction.
            await audit.RecordAsync(AuditActions.AlertPolicySaved, subjectType: nameof(AlertPolicy), subjectId: policy.Id.ToString(CultureInfo.InvariantCulture),
                details: $"{{\"leadDays\":\"{policy.LeadDays}\",\"overdue\":{(policy.Overdue ? "true" : "false")}}}", cancellationToken: cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another operator added the policy's one row at the same moment.
            return new CommandResult.Conflict("มีผู้อื่นบันทึกการตั้งค่านี้ในเวลาเดียวกัน กรุณาโหลดหน้าใหม่แล้วบันทึกอีกครั้ง", Guid.Empty);
        }

        return new CommandResult.Success(Guid.Empty, Guid.Empty);
    }
}
