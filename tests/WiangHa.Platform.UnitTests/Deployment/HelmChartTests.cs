using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace WiangHa.Platform.UnitTests.Deployment;

/// <summary>
/// The chart's sources: its YAML parses and every value a template reads exists in values.yaml (Helm renders a
/// missing one as empty without a word). What Helm renders is checked by <see cref="ChartManifestTests"/>.
/// </summary>
public sealed partial class HelmChartTests
{
    private static readonly string Chart = Path.Combine(RepositoryFiles.Root, "charts", "wiangha-platform");

    [Fact]
    public void Chart_and_values_parse()
    {
        var chart = Load(Path.Combine(Chart, "Chart.yaml"));
        Scalar(chart, "apiVersion").ShouldBe("v2");
        Scalar(chart, "name").ShouldBe("wiangha-platform");
        Load(Path.Combine(Chart, "values.yaml")).Children.ShouldNotBeEmpty();
    }

    [Fact]
    public void Every_value_a_template_reads_is_defined_in_values_yaml()
    {
        var values = Load(Path.Combine(Chart, "values.yaml"));
        var missing = new List<string>();
        foreach (var template in Directory.GetFiles(Path.Combine(Chart, "templates")))
        {
            foreach (Match reference in ValuesReference().Matches(File.ReadAllText(template)))
            {
                YamlNode node = values;
                foreach (var key in reference.Groups[1].Value.Split('.'))
                {
                    if (node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var child))
                    {
                        node = child;
                    }
                    else
                    {
                        missing.Add($"{Path.GetFileName(template)}: .Values.{reference.Groups[1].Value}");
                        break;
                    }
                }
            }
        }

        missing.ShouldBeEmpty();
    }

    private static YamlMappingNode Load(string path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value!;

    [GeneratedRegex(@"\.Values\.([A-Za-z0-9_.]+)")]
    private static partial Regex ValuesReference();
}
