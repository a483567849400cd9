using System.Text.Json;

namespace WiangHa.Platform.Infrastructure.Seeding;

/// <summary>Reads the JSON files under <c>Seeding/Data</c>, embedded in this assembly.</summary>
internal static class EmbeddedData
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static T Read<T>(string fileName)
    {
        var assembly = typeof(EmbeddedData).Assembly;
        var name = $"{assembly.GetName().Name}.Seeding.Data.{fileName}";
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        return JsonSerializer.Deserialize<T>(stream, Options) ?? throw new InvalidOperationException($"{name} is empty.");
    }
}
