using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.Extensions.DependencyInjection;
using NSwag.CodeGeneration.CSharp;
using NSwag.CodeGeneration.OperationNameGenerators;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Common;

/// <summary>
/// The OpenAPI document the app serves (docs/api.md): an independent validator (Redocly CLI, through
/// <c>scripts/openapi-lint.sh</c>) finds neither error nor warning, every <c>/api</c> route is in it with what an
/// integrator needs, and a client generated from it (NSwag, compiled here with Roslyn) calls the real app.
/// </summary>
public sealed partial class OpenApiDocumentTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    private async Task<string> DocumentAsync() => await BrowserlessClient.Anonymous(factory).Http.GetStringAsync("/openapi/v1.json");

    [Fact]
    public async Task An_independent_validator_finds_no_error_and_no_warning()
    {
        var folder = Path.Combine(TestSupport.RepositoryPaths.Root, "artifacts", "openapi");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "v1.json");
        await File.WriteAllTextAsync(file, await DocumentAsync());

        var (exitCode, output) = await RunAsync("bash", Path.Combine("scripts", "openapi-lint.sh"), file);

        exitCode.ShouldBe(0, output);
        output.ShouldContain("Your API description is valid", Case.Sensitive, output);
        output.ShouldNotMatch(@"You have \d+ warning", output);
    }

    [Fact]
    public async Task Every_api_route_is_described_with_its_id_summary_security_parameters_and_problems()
    {
        using var document = JsonDocument.Parse(await DocumentAsync());
        var root = document.RootElement;
        var paths = root.GetProperty("paths");
        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Path: PathOf(e.RoutePattern.RawText!), Method: m.ToLowerInvariant())))
            .ToList();
        routes.Count.ShouldBeGreaterThan(15);
        var operationIds = new HashSet<string>();
        var faults = new List<string>();

        foreach (var (path, method) in routes)
        {
            if (!paths.TryGetProperty(path, out var item) || !item.TryGetProperty(method, out var operation))
            {
                faults.Add($"{method} {path}: not in the document");
                continue;
            }

            var at = $"{method} {path}";
            var id = operation.TryGetProperty("operationId", out var idElement) ? idElement.GetString() : null;
            if (string.IsNullOrEmpty(id) || !operationIds.Add(id))
            {
                faults.Add($"{at}: no operationId, or a repeated one ({id})");
            }

            if (!operation.TryGetProperty("summary", out var summary) || !ThaiWithEnglish().IsMatch(summary.GetString() ?? ""))
            {
                faults.Add($"{at}: no summary in Thai with its English in brackets");
            }

            var scopes = operation.TryGetProperty("security", out var security)
                ? security.EnumerateArray().SelectMany(r => r.TryGetProperty("oauth2", out var s) ? s.EnumerateArray().Select(x => x.GetString()!) : []).ToList()
                : [];
            if (scopes.Count == 0)
            {
                faults.Add($"{at}: no oauth2 security requirement with its scopes");
            }

            var parameters = operation.TryGetProperty("parameters", out var list) ? list.EnumerateArray().ToList() : [];
            foreach (Match name in RouteParameter().Matches(path))
            {
                if (!parameters.Any(p => p.GetProperty("in").GetString() == "path" && p.GetProperty("name").GetString() == name.Groups[1].Value))
                {
                    faults.Add($"{at}: route parameter {name.Value} is not declared");
                }
            }

            var responses = operation.GetProperty("responses");
            var expected = new List<string> { "400", "401", "403" };
            if (path.Contains('{', StringComparison.Ordinal))
            {
                expected.Add("404");
            }

            if (method is "put" or "delete")
            {
                expected.AddRange(["412", "428"]);
                if (!parameters.Any(p => p.GetProperty("name").GetString() == "If-Match"))
                {
                    faults.Add($"{at}: no If-Match header");
                }
            }

            foreach (var status in expected)
            {
                if (!responses.TryGetProperty(status, out var problem)
                    || problem.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString() != "#/components/schemas/ProblemDetails")
                {
                    faults.Add($"{at}: no {status} ProblemDetails response");
                }
            }

            if (method == "get" && !responses.TryGetProperty("304", out _))
            {
                faults.Add($"{at}: no 304 for If-None-Match");
            }

            if (!responses.EnumerateObject().Any(r => r.Name.StartsWith('2')))
            {
                faults.Add($"{at}: no success response");
            }
        }

        faults.ShouldBeEmpty();
        Scopes(paths, "/api/v1/t/{tenant}/measures", "post").ShouldBe(["measures:read", "measures:write"], ignoreOrder: true);
        Scopes(paths, "/api/v1/dashboards/national", "get").ShouldBe(["dashboards:read"]);
        paths.GetProperty("/api/v1/t/{tenant}/measures").GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("headers").TryGetProperty("Link", out _).ShouldBeTrue();
        var flows = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("oauth2").GetProperty("flows");
        flows.GetProperty("authorizationCode").GetProperty("authorizationUrl").GetString().ShouldEndWith("/connect/authorize");
        flows.GetProperty("clientCredentials").GetProperty("tokenUrl").GetString().ShouldEndWith("/connect/token");
        root.GetRawText().ShouldNotContain("\"integer\",\"string\"");
        root.GetRawText().ShouldNotContain("\"string\",\"integer\"");
    }

    [Fact]
    public async Task A_client_generated_from_the_document_lists_and_reads_measures()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var measureId = await factory.Data.CreateMeasureAsync(tenant, "มาตรการจากลูกค้าที่สร้างจากเอกสาร", 2570);
        var generator = new CSharpClientGenerator(await NSwag.OpenApiDocument.FromJsonAsync(await DocumentAsync()), new CSharpClientGeneratorSettings
        {
            ClassName = "WiangHaClient",
            UseBaseUrl = false,
            GenerateClientInterfaces = false,
            OperationNameGenerator = new SingleClientFromOperationIdOperationNameGenerator(),
            CSharpGeneratorSettings = { Namespace = "Generated", JsonLibrary = NJsonSchema.CodeGeneration.CSharp.CSharpJsonLibrary.SystemTextJson },
        });
        var client = Compile(generator.GenerateFile()).GetType("Generated.WiangHaClient", throwOnError: true)!;
        var viewer = await BrowserlessClient.SignedInAsync(factory, tenant.Viewer);
        var api = Activator.CreateInstance(client, viewer.Http)!;

        var list = await CallAsync(api, "ListMeasuresAsync", new() { ["tenant"] = tenant.Slug, ["year"] = 2570, ["limit"] = 10 });
        var one = await CallAsync(api, "GetMeasureAsync", new() { ["tenant"] = tenant.Slug, ["id"] = measureId });
        var missing = await Should.ThrowAsync<Exception>(() => CallAsync(api, "GetMeasureAsync", new() { ["tenant"] = tenant.Slug, ["id"] = Guid.NewGuid() }));

        list.EnumerateArray().Select(m => m.GetProperty("title").GetString()).ShouldBe(["มาตรการจากลูกค้าที่สร้างจากเอกสาร"]);
        one.GetProperty("id").GetGuid().ShouldBe(measureId);
        one.GetProperty("fiscalYear").GetInt32().ShouldBe(2570);
        missing.GetType().Name.ShouldStartWith("ApiException");
        missing.GetType().GetProperty("StatusCode")!.GetValue(missing).ShouldBe(404);
    }

    /// <summary>Calls a generated operation by its parameters' names (the rest left out), and gives its result as JSON.</summary>
    private static async Task<JsonElement> CallAsync(object api, string name, Dictionary<string, object?> arguments)
    {
        var method = api.GetType().GetMethods().Single(m => m.Name == name && m.GetParameters().LastOrDefault()?.ParameterType == typeof(CancellationToken));
        var values = method.GetParameters()
            .Select(p => p.ParameterType == typeof(CancellationToken) ? CancellationToken.None
                : arguments.TryGetValue(p.Name!, out var v) ? v
                : p.ParameterType.IsValueType && Nullable.GetUnderlyingType(p.ParameterType) is null ? Activator.CreateInstance(p.ParameterType) : null)
            .ToArray();
        var task = (Task)method.Invoke(api, values)!;
        await task;

        var result = task.GetType().GetProperty("Result")!.GetValue(task);
        return JsonSerializer.SerializeToElement(result, result!.GetType(), BrowserlessClient.Json);
    }

    private static Assembly Compile(string source)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create(
            $"GeneratedClient{Guid.NewGuid():N}",
            [CSharpSyntaxTree.ParseText(source)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        emitted.Success.ShouldBeTrue(string.Join('\n', emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        image.Position = 0;
        return new AssemblyLoadContext(compilation.AssemblyName, isCollectible: true).LoadFromStream(image);
    }

    private static List<string> Scopes(JsonElement paths, string path, string method) =>
        paths.GetProperty(path).GetProperty(method).GetProperty("security").EnumerateArray()
            .SelectMany(r => r.TryGetProperty("oauth2", out var s) ? s.EnumerateArray().Select(x => x.GetString()!) : []).ToList();

    /// <summary>The document's form of a route: constraints dropped (<c>{id:guid}</c> is <c>{id}</c>), no trailing slash.</summary>
    private static string PathOf(string pattern) => RouteConstraint().Replace(pattern, "}").TrimEnd('/');

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = TestSupport.RepositoryPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        await process.WaitForExitAsync(limit.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    [GeneratedRegex(@"\p{IsThai}.*\([A-Za-z][^)]*\)")]
    private static partial Regex ThaiWithEnglish();

    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex(@":[^}]+\}")]
    private static partial Regex RouteConstraint();
}
