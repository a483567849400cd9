using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.Domain.Common;

namespace WiangHa.Platform.Infrastructure.Common;

/// <summary>
/// A use case's validator plus one rule for every text of its input: no control characters (see
/// <see cref="TextHygiene"/>). The failures are keyed by field like the validator's own, so a form shows the Thai
/// message beside the field and the API names the field in its ProblemDetails.
/// </summary>
public sealed class TextHygieneValidator<T> : AbstractValidator<T>
{
    public TextHygieneValidator(IValidator<T> inner)
    {
        // First: a field shows its first message, and this one says what is really wrong with the text.
        RuleFor(input => input).Custom((input, context) =>
        {
            foreach (var (field, message) in TextHygiene.ProblemsIn(input))
            {
                context.AddFailure(field, message);
            }
        });
        Include(inner);
    }
}

public static class TextHygieneRegistration
{
    /// <summary>
    /// Wraps every registered use-case validator in a <see cref="TextHygieneValidator{T}"/>, so no input, whichever
    /// way its handler runs the validator, reaches the database with a control character. Call after the features.
    /// </summary>
    public static IServiceCollection RefuseControlCharacters(this IServiceCollection services)
    {
        for (var i = 0; i < services.Count; i++)
        {
            var descriptor = services[i];
            if (descriptor.ServiceType is not { IsGenericType: true } service
                || service.GetGenericTypeDefinition() != typeof(IValidator<>)
                || descriptor.ImplementationType is not { } implementation)
            {
                continue;
            }

            var wrapper = typeof(TextHygieneValidator<>).MakeGenericType(service.GenericTypeArguments[0]);
            services[i] = new ServiceDescriptor(service, sp => Activator.CreateInstance(wrapper, ActivatorUtilities.CreateInstance(sp, implementation))!, descriptor.Lifetime);
        }

        return services;
    }
}
