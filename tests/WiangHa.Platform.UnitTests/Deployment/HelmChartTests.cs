using System.Text.RegularExpressions;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Email;
using WiangHa.Platform.Web.Identity;
using YamlDotNet.RepresentationModel;

namespace WiangHa.Platform.UnitTests.Deployment;

/// <summary>
/// The test script installs no Helm renderer and no cluster (ADR 0007), so the chart is checked structurally: its YAML parses,
/// every value a template reads exists, and every setting it passes names a real option of the app.
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

    [Fact]
    public void Every_setting_the_chart_passes_is_an_option_of_the_app()
    {
        var options = new Dictionary<string, Type>
        {
            ["Database"] = typeof(DatabaseOptions),
            ["Identity__Oidc"] = typeof(OidcOptions),
            ["Email"] = typeof(EmailOptions),
        };
        var known = new HashSet<string> { "ConnectionStrings__Platform", "Platform__PublicBaseUrl", "ASPNETCORE_FORWARDEDHEADERS_ENABLED" };
        var names = EnvName().Matches(File.ReadAllText(Path.Combine(Chart, "templates", "_helpers.tpl"))).Select(m => m.Groups[1].Value).ToList();

        names.Count.ShouldBeGreaterThan(10);
        foreach (var name in names.Where(n => !known.Contains(n)))
        {
            var section = name[..name.LastIndexOf("__", StringComparison.Ordinal)];
            var property = name[(name.LastIndexOf("__", StringComparison.Ordinal) + 2)..];
            options.ShouldContainKey(section, name);
            options[section].GetProperty(property).ShouldNotBeNull(name);
        }
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

    [GeneratedRegex(@"- name: ([A-Za-z_]+)")]
    private static partial Regex EnvName();
}
