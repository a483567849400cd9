using FluentValidation;

namespace WiangHa.Platform.Infrastructure.Common;

public static class ValidatorExtensions
{
    /// <summary>Runs the field rules; the errors keyed by property name, ready to add rules that need the database.</summary>
    public static async Task<Dictionary<string, string[]>> FieldErrorsAsync<T>(this IValidator<T> validator, T input, CancellationToken cancellationToken)
    {
        var result = await validator.ValidateAsync(input, cancellationToken);
        return result.Errors
            .GroupBy(e => e.PropertyName)
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
    }

    /// <summary>The errors as the use case's answer, or null when there are none.</summary>
    public static CommandResult.Invalid? AsInvalid(this Dictionary<string, string[]> errors) =>
        errors.Count > 0 ? new CommandResult.Invalid(errors) : null;
}
