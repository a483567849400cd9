using System.Text.RegularExpressions;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Email;
using WiangHa.Platform.Web.Identity;
using YamlDotNet.RepresentationModel;

namespace WiangHa.Platform.UnitTests.Deployment;

/// <summary>
/// The manifests a real Helm renders from the chart with each values file (ADR 0007): what a cluster would be given.
/// Values the schema or the templates must refuse are rendered too, and must fail.
/// </summary>
public sealed partial class ChartManifestTests(RenderedChart chart) : IClassFixture<RenderedChart>
{
    public static TheoryData<string> ValuesFiles => new(RenderedChart.ValuesFiles);

    [Theory]
    [MemberData(nameof(ValuesFiles))]
    public void Renders_every_resource_of_a_release(string values)
    {
        var kinds = chart.Manifests(values).Select(m => m.Kind()).Order(StringComparer.Ordinal).ToList();

        kinds.ShouldBe(["ConfigMap", "Deployment", "HorizontalPodAutoscaler", "Ingress", "Job", "PodDisruptionBudget", "Service"]);
    }

    [Theory]
    [MemberData(nameof(ValuesFiles))]
    public void Every_container_has_limits_and_a_non_root_read_only_context(string values)
    {
        var workloads = chart.Manifests(values).Where(m => m.Kind() is "Deployment" or "Job" or "StatefulSet" or "DaemonSet").ToList();
        workloads.Count.ShouldBe(2);

        foreach (var workload in workloads)
        {
            var pod = workload.At("spec", "template", "spec")!;
            pod.Text("automountServiceAccountToken").ShouldBe("false", workload.Name());
            var tmpVolume = pod.Items("volumes").Where(v => v.At("emptyDir") is not null).ShouldHaveSingleItem();
            foreach (var container in pod.Items("containers").Concat(pod.Items("initContainers")))
            {
                var where = $"{workload.Kind()} {workload.Name()}, container {container.Text("name")}";
                container.Text("resources", "limits", "memory").ShouldNotBeNullOrEmpty(where);
                container.Text("resources", "limits", "cpu").ShouldNotBeNullOrEmpty(where);
                container.Text("resources", "requests", "cpu").ShouldNotBeNullOrEmpty(where);
                container.Text("resources", "requests", "memory").ShouldNotBeNullOrEmpty(where);

                (container.Text("securityContext", "runAsNonRoot") ?? pod.Text("securityContext", "runAsNonRoot")).ShouldBe("true", where);
                int.Parse(container.Text("securityContext", "runAsUser") ?? pod.Text("securityContext", "runAsUser")!, System.Globalization.CultureInfo.InvariantCulture)
                    .ShouldBeGreaterThan(0, where);
                container.Text("securityContext", "readOnlyRootFilesystem").ShouldBe("true", where);
                container.Text("securityContext", "allowPrivilegeEscalation").ShouldBe("false", where);
                container.Texts("securityContext", "capabilities", "drop").ShouldContain("ALL", where);
                (container.Text("securityContext", "seccompProfile", "type") ?? pod.Text("securityContext", "seccompProfile", "type")).ShouldBe("RuntimeDefault", where);
                // .NET needs a writable temporary folder on the read-only root filesystem.
                container.Items("volumeMounts").ShouldContain(m => m.Text("mountPath") == "/tmp" && m.Text("name") == tmpVolume.Text("name"), where);
            }
        }
    }

    [Theory]
    [MemberData(nameof(ValuesFiles))]
    public void Web_containers_have_startup_readiness_and_liveness_probes(string values)
    {
        var deployment = chart.Manifests(values).OfKind("Deployment");
        var containers = deployment.Items("spec", "template", "spec", "containers");
        containers.ShouldNotBeEmpty();

        foreach (var container in containers)
        {
            var port = container.Items("ports").ShouldHaveSingleItem();
            foreach (var (probe, path) in new[] { ("startupProbe", "/health/live"), ("readinessProbe", "/health/ready"), ("livenessProbe", "/health/live") })
            {
                container.Text(probe, "httpGet", "path").ShouldBe(path, $"{container.Text("name")} {probe}");
                container.Text(probe, "httpGet", "port").ShouldBe(port.Text("name"), $"{container.Text("name")} {probe}");
            }

            // Start-up gets longer than liveness would allow, so a slow first connection is not a restart loop.
            Budget(container, "startupProbe").ShouldBeGreaterThan(Budget(container, "livenessProbe"));
        }
    }

    [Theory]
    [MemberData(nameof(ValuesFiles))]
    public void The_migrate_job_runs_as_a_hook_before_the_deployment(string values)
    {
        var manifests = chart.Manifests(values);
        var job = manifests.OfKind("Job");

        job.Text("metadata", "annotations", "helm.sh/hook")!.Split(',').ShouldBe(["pre-install", "pre-upgrade"], ignoreOrder: true);
        job.Text("metadata", "annotations", "helm.sh/hook-weight").ShouldNotBeNull();
        job.Text("metadata", "annotations", "helm.sh/hook-delete-policy")!.Split(',').ShouldContain("before-hook-creation");
        var container = job.Items("spec", "template", "spec", "containers").ShouldHaveSingleItem();
        container.Texts("args").ShouldBe(["migrate"]);
        container.Text("image").ShouldBe(manifests.OfKind("Deployment").Items("spec", "template", "spec", "containers")[0].Text("image"));
        job.Text("spec", "template", "spec", "restartPolicy").ShouldBe("Never");
        job.Text("spec", "activeDeadlineSeconds").ShouldNotBeNull();
        // Helm installs hooks before the release's other resources and waits for them: nothing else may be a hook.
        manifests.Where(m => m.At("metadata", "annotations", "helm.sh/hook") is not null).ShouldHaveSingleItem().ShouldBeSameAs(job);
    }

    [Theory]
    [MemberData(nameof(ValuesFiles))]
    public void The_autoscaler_and_disruption_budget_keep_replicas_that_can_be_drained(string values)
    {
        var manifests = chart.Manifests(values);
        var deployment = manifests.OfKind("Deployment");
        var hpa = manifests.OfKind("HorizontalPodAutoscaler");
        var pdb = manifests.OfKind("PodDisruptionBudget");

        hpa.Text("apiVersion").ShouldBe("autoscaling/v2");
        hpa.Text("spec", "scaleTargetRef", "kind").ShouldBe("Deployment");
        hpa.Text("spec", "scaleTargetRef", "name").ShouldBe(deployment.Name());
        var metric = hpa.Items("spec", "metrics").ShouldHaveSingleItem();
        metric.Text("resource", "name").ShouldBe("cpu");
        // The autoscaler owns the replica count: a Deployment with one would reset it on every upgrade.
        deployment.At("spec", "replicas").ShouldBeNull();
        Number(pdb, "spec", "minAvailable").ShouldBeLessThan(Number(hpa, "spec", "minReplicas"));
        Number(hpa, "spec", "maxReplicas").ShouldBeGreaterThanOrEqualTo(Number(hpa, "spec", "minReplicas"));

        var podLabels = deployment.At("spec", "template", "metadata", "labels")!;
        Selects(pdb.At("spec", "selector", "matchLabels")!, podLabels).ShouldBeTrue();
        Selects(manifests.OfKind("Service").At("spec", "selector")!, podLabels).ShouldBeTrue();
        deployment.Items("spec", "template", "spec", "topologySpreadConstraints").Select(t => t.Text("topologyKey"))
            .ShouldContain("kubernetes.io/hostname");
    }

    [Theory]
    [MemberData(nameof(ValuesFiles))]
    public void Traffic_reaches_the_pods_through_the_ingress_and_service(string values)
    {
        var manifests = chart.Manifests(values);
        var service = manifests.OfKind("Service");
        var path = manifests.OfKind("Ingress").Items("spec", "rules").ShouldHaveSingleItem().Items("http", "paths").ShouldHaveSingleItem();

        path.Text("backend", "service", "name").ShouldBe(service.Name());
        var port = service.Items("spec", "ports").ShouldHaveSingleItem();
        path.Text("backend", "service", "port", "name").ShouldBe(port.Text("name"));
        var container = manifests.OfKind("Deployment").Items("spec", "template", "spec", "containers")[0];
        container.Items("ports").ShouldContain(p => p.Text("name") == port.Text("targetPort") && p.Text("containerPort") == "8080");
    }

    [Theory]
    [MemberData(nameof(ValuesFiles))]
    public void Every_setting_is_an_option_of_the_app_and_secrets_come_from_secrets(string values)
    {
        var manifests = chart.Manifests(values);
        var settings = ((YamlMappingNode)manifests.OfKind("ConfigMap").At("data")!).Children
            .ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => ((YamlScalarNode)c.Value).Value);
        var web = manifests.OfKind("Deployment").Items("spec", "template", "spec", "containers")[0];
        var migrate = manifests.OfKind("Job").Items("spec", "template", "spec", "containers")[0];

        settings["Database__Provider"].ShouldBe(values == "sqlserver" ? "SqlServer" : "PostgreSql");
        settings["Platform__PublicBaseUrl"].ShouldStartWith("https://");
        foreach (var name in settings.Keys)
        {
            IsAppSetting(name).ShouldBeTrue(name);
            settings[name]!.ShouldNotContain("Password", Case.Insensitive, name);
        }

        web.Items("envFrom").ShouldContain(e => e.Text("configMapRef", "name") == manifests.OfKind("ConfigMap").Name());
        // The Job is a hook and runs before the ConfigMap exists on first install: it carries the same settings inline.
        var jobSettings = migrate.Items("env").Where(e => e.Text("value") is not null && settings.ContainsKey(e.Text("name")!));
        jobSettings.ToDictionary(e => e.Text("name")!, e => e.Text("value")).ShouldBe(settings, ignoreOrder: true);

        foreach (var container in new[] { web, migrate })
        {
            var secretEnv = container.Items("env").Where(e => e.At("valueFrom", "secretKeyRef") is not null).ToDictionary(e => e.Text("name")!);
            secretEnv["ConnectionStrings__Platform"].Text("valueFrom", "secretKeyRef", "key").ShouldBe("connection-string");
            secretEnv.ShouldContainKey("Identity__Oidc__SigningCertificatePassword");
            secretEnv.ShouldContainKey("Identity__Oidc__EncryptionCertificatePassword");
            secretEnv.Keys.ShouldAllBe(name => IsAppSetting(name));
            container.Items("env").Where(e => e.Text("value") is not null).ShouldAllBe(e => !e.Text("name")!.Contains("Password", StringComparison.OrdinalIgnoreCase));
            container.Items("volumeMounts").ShouldContain(m => m.Text("mountPath") == "/certs" && m.Text("readOnly") == "true");
        }

        var credentials = web.Items("env").Where(e => e.Text("name")!.StartsWith("Email__", StringComparison.Ordinal)).ToList();
        credentials.Select(e => e.Text("name")).ShouldBe(values == "postgresql" ? new string?[] { "Email__UserName", "Email__Password" } : []);
    }

    [Fact]
    public void Without_the_autoscaler_the_deployment_keeps_its_replica_count()
    {
        var (exitCode, output) = Render("autoscaling: {enabled: false}\nreplicaCount: 4\n");

        exitCode.ShouldBe(0, output);
        var manifests = RenderedChart.Parse(output);
        manifests.ShouldNotContain(m => m.Kind() == "HorizontalPodAutoscaler");
        manifests.OfKind("Deployment").Text("spec", "replicas").ShouldBe("4");
    }

    /// <summary>Values that cannot work, each on top of values-postgresql.yaml, and what the refusal names.</summary>
    public static TheoryData<string, string> RefusedValues => new()
    {
        { "database: {provider: Sqlite}", "/database/provider" },
        { "platform: {publicBaseUrl: \"\"}", "/platform/publicBaseUrl" },
        { "platform: {publicBaseUrl: http://ita.example.go.th}", "/platform/publicBaseUrl" },
        { "platform: {forwardedHeaders: {knownNetworks: [], knownProxies: []}}", "/platform/forwardedHeaders" },
        { "platform: {forwardedHeaders: {knownNetworks: [ingress]}}", "/platform/forwardedHeaders/knownNetworks/0" },
        { "email: {smtpHost: \"\"}", "/email/smtpHost" },
        { "securityContext: {readOnlyRootFilesystem: false}", "/securityContext/readOnlyRootFilesystem" },
        { "securityContext: {runAsNonRoot: false}", "/securityContext/runAsNonRoot" },
        { "resources: {limits: null}", "/resources" },
        { "probes: {readiness: {path: /}}", "/probes/readiness/path" },
        { "config: {ConnectionStrings__Platform: Host=db}", "ConnectionStrings__Platform" },
        { "replicas: 3", "replicas" },
        { "podDisruptionBudget: {minAvailable: 3}", "podDisruptionBudget.minAvailable" },
        { "autoscaling: {minReplicas: 4, maxReplicas: 3}", "maxReplicas" },
    };

    [Theory]
    [MemberData(nameof(RefusedValues))]
    public void Helm_refuses_values_that_cannot_work(string badValues, string named)
    {
        var (exitCode, output) = Render(badValues);

        exitCode.ShouldNotBe(0, output);
        output.ShouldContain(named, Case.Sensitive, output);
    }

    [Fact]
    public void Helm_lint_refuses_a_provider_that_is_not_a_server_database()
    {
        var (exitCode, output) = WithValues("database: {provider: Sqlite}", "lint", RenderedChart.ChartDirectory);

        exitCode.ShouldNotBe(0, output);
        output.ShouldContain("value must be one of 'PostgreSql', 'SqlServer'");
    }

    private static (int ExitCode, string Output) Render(string overrides) =>
        WithValues(overrides, "template", "wiangha", RenderedChart.ChartDirectory);

    /// <summary>Runs Helm with values-postgresql.yaml and, on top of it, a values file holding <paramref name="overrides"/>.</summary>
    private static (int ExitCode, string Output) WithValues(string overrides, params string[] command)
    {
        var file = Path.Combine(Path.GetTempPath(), $"wiangha-values-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, overrides + "\n");
        try
        {
            return RenderedChart.Helm([.. command, "-f", Path.Combine(RenderedChart.ChartDirectory, "values-postgresql.yaml"), "-f", file]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static int Number(YamlNode node, params string[] path) =>
        int.Parse(node.Text(path)!, System.Globalization.CultureInfo.InvariantCulture);

    private static int Budget(YamlNode container, string probe) =>
        Number(container, probe, "periodSeconds") * Number(container, probe, "failureThreshold");

    private static bool Selects(YamlNode selector, YamlNode labels) =>
        ((YamlMappingNode)selector).Children.All(c => labels.Text(((YamlScalarNode)c.Key).Value!) == ((YamlScalarNode)c.Value).Value);

    /// <summary>A configuration key the app reads: a property of one of its options classes, or a known host setting.</summary>
    private static bool IsAppSetting(string name)
    {
        string[] host = ["ASPNETCORE_HTTP_PORTS", "ConnectionStrings__Platform", "Platform__PublicBaseUrl", "Platform__ShutdownTimeout",
            "DataProtection__CertificatePath", "DataProtection__CertificatePassword",
            "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_SERVICE_NAME", "OTEL_RESOURCE_ATTRIBUTES", "K8S_POD_NAME"];
        var options = new Dictionary<string, Type>
        {
            [DatabaseOptions.SectionName] = typeof(DatabaseOptions),
            [OidcOptions.SectionName] = typeof(OidcOptions),
            [EmailOptions.SectionName] = typeof(EmailOptions),
            [Web.Common.ForwardedHeadersSettings.SectionName] = typeof(Web.Common.ForwardedHeadersSettings),
        };
        name = ListIndex().Replace(name, ""); // Platform__ForwardedHeaders__KnownNetworks__0: an item of a list property
        var split = name.LastIndexOf("__", StringComparison.Ordinal);
        return host.Contains(name)
            || (split > 0 && options.TryGetValue(name[..split].Replace("__", ":", StringComparison.Ordinal), out var type) && type.GetProperty(name[(split + 2)..]) is not null);
    }

    [GeneratedRegex("__[0-9]+$")]
    private static partial Regex ListIndex();
}
