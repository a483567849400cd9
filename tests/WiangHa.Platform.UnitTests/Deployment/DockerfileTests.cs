using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace WiangHa.Platform.UnitTests.Deployment;

/// <summary>
/// No container engine runs here (docs/deployment.md), so the Dockerfile is held to what its build needs: the restore
/// stage copies every project the web host builds from and every file the build reads at the root, and the image runs as
/// the non-root user the chart's securityContext names.
/// </summary>
public sealed partial class DockerfileTests
{
    private static readonly string Dockerfile = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "Dockerfile"));

    [Fact]
    public void The_restore_stage_copies_every_project_the_web_host_builds_from()
    {
        var copied = CopyLine().Matches(Dockerfile).SelectMany(m => m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..^1]).ToHashSet();
        var projects = ProjectsOf(Path.Combine(RepositoryFiles.Root, "src", "WiangHa.Platform.Web", "WiangHa.Platform.Web.csproj"));

        projects.Count.ShouldBeGreaterThanOrEqualTo(6);
        foreach (var project in projects)
        {
            copied.ShouldContain(Path.GetRelativePath(RepositoryFiles.Root, project).Replace('\\', '/'));
        }

        // Analyzer settings and package versions come from these; without .editorconfig the Release build fails its analyzers.
        foreach (var rootFile in new[] { "global.json", "Directory.Build.props", "Directory.Packages.props", ".editorconfig" })
        {
            File.Exists(Path.Combine(RepositoryFiles.Root, rootFile)).ShouldBeTrue(rootFile);
            copied.ShouldContain(rootFile);
        }
    }

    [Fact]
    public void The_image_runs_as_the_non_root_user_of_the_chart()
    {
        var user = UserLine().Matches(Dockerfile).Last().Groups[1].Value;
        var values = RenderedChart.Parse(File.ReadAllText(Path.Combine(RenderedChart.ChartDirectory, "values.yaml"))).Single();

        user.ShouldNotBe("0");
        values.Text("podSecurityContext", "runAsUser").ShouldBe(user);
        values.Text("securityContext", "runAsUser").ShouldBe(user);
        Dockerfile.ShouldContain("ASPNETCORE_HTTP_PORTS=8080");
        Dockerfile.ShouldContain("ENTRYPOINT [\"dotnet\", \"WiangHa.Platform.Web.dll\"]");
    }

    private static HashSet<string> ProjectsOf(string project)
    {
        var found = new HashSet<string> { Path.GetFullPath(project) };
        foreach (var reference in XDocument.Load(project).Descendants("ProjectReference"))
        {
            var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, reference.Attribute("Include")!.Value.Replace('\\', '/')));
            found.UnionWith(ProjectsOf(path));
        }

        return found;
    }

    [GeneratedRegex(@"^COPY (?!--from)(.+)$", RegexOptions.Multiline)]
    private static partial Regex CopyLine();

    [GeneratedRegex(@"^USER (\S+)$", RegexOptions.Multiline)]
    private static partial Regex UserLine();
}
