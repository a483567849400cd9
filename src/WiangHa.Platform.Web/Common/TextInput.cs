using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using WiangHa.Platform.Domain.Common;

namespace WiangHa.Platform.Web.Common;

/// <summary>
/// Text as it enters through a form or a JSON body: in NFC, once, before any use case sees it (issue 11). Refusing
/// control characters is the use cases' validators' part (<c>TextHygieneValidator</c>), which keys the message by
/// field; here a JSON string with a lone surrogate (<c>"\ud800"</c>) is read as it is, so that the validator can
/// name the field, instead of failing the whole body.
/// </summary>
public static class TextInput
{
    public static IServiceCollection AddTextInput(this IServiceCollection services)
    {
        // Just before the simple-type binder, so header, body and service bindings keep theirs.
        services.Configure<MvcOptions>(o => o.ModelBinderProviders.Insert(
            Math.Max(0, o.ModelBinderProviders.ToList().FindIndex(p => p is SimpleTypeModelBinderProvider)), new NfcStringBinderProvider()));
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new NfcStringConverter()));
        return services;
    }

    /// <summary>Form, query and route strings in NFC; passwords are left exactly as typed.</summary>
    public sealed class NfcStringBinderProvider : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            var metadata = context.Metadata;
            var name = metadata.PropertyName ?? metadata.ParameterName ?? "";
            return metadata.ModelType == typeof(string) && !name.Contains("Password", StringComparison.OrdinalIgnoreCase)
                ? new NfcStringBinder(new SimpleTypeModelBinder(typeof(string), context.Services.GetRequiredService<ILoggerFactory>()))
                : null;
        }
    }

    private sealed class NfcStringBinder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext bindingContext)
        {
            await inner.BindModelAsync(bindingContext);
            if (bindingContext.Result is { IsModelSet: true, Model: string text })
            {
                bindingContext.Result = ModelBindingResult.Success(TextHygiene.Normalise(text));
            }
        }
    }

    /// <summary>Every JSON string of the API: read even with a lone surrogate, kept in NFC; written always as valid JSON.</summary>
    public sealed class NfcStringConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException($"Expected a string, found {reader.TokenType}.");
            }

            string text;
            try
            {
                text = reader.GetString()!;
            }
            catch (InvalidOperationException)
            {
                // Escaped UTF-16 that is not well-formed ("\ud800"): decoded by hand, refused later by field.
                text = Unescape(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);
            }

            return TextHygiene.Normalise(text);
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            // A lone surrogate stored before the input refused them would otherwise make the whole answer fail.
            writer.WriteStringValue(TextHygiene.IsWellFormed(value) ? value : WithoutLoneSurrogates(value));
        }

        private static string WithoutLoneSurrogates(string value)
        {
            var builder = new StringBuilder(value.Length);
            for (var i = 0; i < value.Length; i++)
            {
                if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    builder.Append(value[i]).Append(value[++i]);
                }
                else
                {
                    builder.Append(char.IsSurrogate(value[i]) ? '\uFFFD' : value[i]);
                }
            }

            return builder.ToString();
        }

        /// <summary>A JSON string's raw UTF-8 (between the quotes) with its escapes decoded, surrogates kept as they come.</summary>
        private static string Unescape(ReadOnlySpan<byte> raw)
        {
            var builder = new StringBuilder(raw.Length);
            var start = 0;
            for (var i = 0; i < raw.Length; i++)
            {
                if (raw[i] != (byte)'\\')
                {
                    continue;
                }

                builder.Append(Encoding.UTF8.GetString(raw[start..i]));
                var escape = (char)raw[++i];
                if (escape == 'u')
                {
                    builder.Append((char)int.Parse(Encoding.ASCII.GetString(raw.Slice(i + 1, 4)), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 4;
                }
                else
                {
                    builder.Append(escape switch { 'n' => '\n', 'r' => '\r', 't' => '\t', 'b' => '\b', 'f' => '\f', _ => escape });
                }

                start = i + 1;
            }

            return builder.Append(Encoding.UTF8.GetString(raw[start..])).ToString();
        }
    }
}
