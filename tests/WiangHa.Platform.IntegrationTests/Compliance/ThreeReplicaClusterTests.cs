using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Duende.IdentityModel.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenIddict.Abstractions;
using Quartz;
using WiangHa.Platform.Domain.Alerts;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Compliance;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.Infrastructure.Tenancy;
using WiangHa.Platform.IntegrationTests.Infrastructure;
using WiangHa.Platform.TestSupport;
using Xunit.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace WiangHa.Platform.IntegrationTests.Compliance;

/// <summary>
/// Three replicas of the real app (separate processes, <c>dotnet WiangHa.Platform.Web.dll</c>, Production settings)
/// on one PostgreSQL database behind a round-robin load balancer on loopback: a session, an antiforgery form and the
/// TOTP step cross replicas; a token issued by one works on another and its revocation holds everywhere; the nightly
/// run fires once, survives a <c>kill -9</c> of the replica running it and checks each LAO exactly once; alerts due
/// meanwhile are sent exactly once; readiness follows the database down and back. The nodes run on the real clock.
/// </summary>
[Trait("Category", "PostgresOnly")]
public sealed class ThreeReplicaClusterTests(ThreeReplicaClusterTests.ArrangeFactory factory, ITestOutputHelper output) : IClassFixture<ThreeReplicaClusterTests.ArrangeFactory>
{
    /// <summary>The app in the test process, without scheduler, to arrange data in the replicas' database.</summary>
    public sealed class ArrangeFactory : PlatformFactory
    {
        protected override IEnumerable<(string Key, string Value)> ExtraSettings =>
            [("Compliance:Scheduler:Enabled", "false"), ("DataProtection:CertificatePath", TestCertificates.EncryptionPath)];
    }

    /// <summary>Enough LAOs that the run lasts several seconds on two busy cores, so the kill lands in its middle.</summary>
    private const int SeededLaos = 900;

    private const int Alerts = 30;
    private const string Never = "0 0 2 1 1 ? 2099";

    [Fact]
    public async Task Three_replicas_share_sessions_tokens_and_the_nightly_run_and_survive_a_kill()
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var clock = Stopwatch.StartNew();
        await using var smtp = new TestSmtpServer();
        smtp.Start();
        await using var balancer = RoundRobinBalancer.Reserve();
        var settings = ReplicaSettings(factory.Database.ConnectionString, factory.SchedulerName, balancer.BaseAddress, smtp.Port);

        // Arranged in the shared database before the replicas start, as data already there would be.
        var tenant = await factory.Data.CreateTenantAsync();
        var (operatorUser, authenticatorKey) = await factory.Data.CreatePlatformUserAsync(PlatformRoles.Operator);
        var (clientId, secret) = await RegisterMachineClientAsync($"{tenant.Id:N}:viewer");
        await SeedLaosAsync(SeededLaos);
        var activeLaos = SeededLaos + 1;

        var replicas = Enumerable.Range(1, 3).Select(i => ReplicaProcess.Start($"replica-{i}", new Dictionary<string, string>(settings)
        {
            ["Compliance:Scheduler:InstanceId"] = $"replica-{i}",
        })).ToList();
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            await Task.WhenAll(replicas.Select(r => r.WaitForReadinessAsync(http, HttpStatusCode.OK, TimeSpan.FromSeconds(120))));
            await balancer.StartAsync(replicas);
            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1}s: three replicas ready, balancer on {balancer.BaseAddress}");

            await SessionCrossesReplicasAsync(balancer, operatorUser.Email, authenticatorKey);
            await TokenCrossesReplicasAsync(replicas, tenant.Slug, clientId, secret);

            // The nightly run, fired once through the shared job store, with alerts falling due while it runs.
            var slot = ComplianceRunner.NightlySlot(DateTimeOffset.UtcNow);
            await using (var node = ControlNode(settings))
            {
                var scheduler = await node.GetRequiredService<ISchedulerFactory>().GetScheduler(bound.Token);
                await scheduler.TriggerJob(NightlyComplianceJob.Key, bound.Token);
            }

            var alertIds = await QueueAlertsAsync(DateTimeOffset.UtcNow, TimeSpan.FromSeconds(12));
            var (runner, doneBeforeKill) = await WaitForRunInProgressAsync(slot, activeLaos, bound.Token);
            var victim = replicas.Single(r => r.Name == runner);
            await victim.KillAsync();
            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1}s: kill -9 {victim.Name} with {doneBeforeKill}/{activeLaos} LAOs checked");

            var perLao = await WaitForAllLaosCheckedAsync(slot, activeLaos, bound.Token);
            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1}s: run complete");
            perLao.Count.ShouldBe(activeLaos);
            perLao.Values.ShouldAllBe(n => n == 1, "an LAO was checked twice");
            var survivors = replicas.Where(r => r != victim).ToList();
            var starts = replicas.SelectMany(r => r.Lines.Where(l => l.Contains($"Nightly compliance {slot} started", StringComparison.Ordinal)).Select(l => (r.Name, Line: l))).ToList();
            var completions = replicas.SelectMany(r => r.Lines.Where(l => l.Contains($"Compliance slot {slot}:", StringComparison.Ordinal)).Select(_ => r.Name)).ToList();
            starts.Count.ShouldBe(2, "fired once, recovered once: " + string.Join(" | ", starts));
            starts.ShouldContain(s => s.Name == victim.Name && s.Line.Contains("recovering: False", StringComparison.Ordinal));
            starts.ShouldContain(s => s.Name != victim.Name && s.Line.Contains("recovering: True", StringComparison.Ordinal));
            completions.Count.ShouldBe(1);
            completions[0].ShouldNotBe(victim.Name);

            var delivered = await WaitForAlertsAsync(smtp, alertIds, bound.Token);
            var duplicates = delivered.Count - delivered.Distinct().Count();
            duplicates.ShouldBe(0);
            delivered.ToHashSet().SetEquals(alertIds.Select(id => $"{id:N}@alerts.wiangha")).ShouldBeTrue();

            output.WriteLine($"requests served per replica (balancer): {string.Join(", ", balancer.Served.OrderBy(s => s.Key).Select(s => $"{s.Key}={s.Value}"))}");
            output.WriteLine($"nightly run: fired 1, started {starts.Count} times ({string.Join(", ", starts.Select(s => s.Name))}), completed on {completions[0]}; " +
                             $"LAOs checked {perLao.Count} of {activeLaos}, {doneBeforeKill} before the kill, duplicates {perLao.Values.Count(n => n > 1)}");
            output.WriteLine($"alerts: {alertIds.Count} due, {delivered.Count} emails received, duplicates {duplicates}");

            foreach (var survivor in survivors)
            {
                await survivor.KillAsync();
            }

            await ReadinessFollowsTheDatabaseAsync(settings, http, bound.Token);
            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1}s: done");
        }
        catch
        {
            foreach (var replica in replicas)
            {
                output.WriteLine($"--- {replica.Name} ---\n{string.Join('\n', replica.Lines.TakeLast(30))}");
            }

            throw;
        }
        finally
        {
            foreach (var replica in replicas)
            {
                await replica.DisposeAsync();
            }
        }
    }

    /// <summary>Sign-in form, TOTP step and pages of one user, each request on the next replica.</summary>
    private async Task SessionCrossesReplicasAsync(RoundRobinBalancer balancer, string email, string authenticatorKey)
    {
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = balancer.BaseAddress,
        };
        var browser = new BrowserlessClient(http);
        var steps = new List<(string Step, string Replica)>();

        var token = await browser.AntiforgeryTokenAsync("/account/sign-in");
        var signIn = await PostAsync(http, "/account/sign-in", [new("Email", email), new("Password", TestData.Password), new("__RequestVerificationToken", token)]);
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signIn.Headers.Location!.ToString().ShouldContain("/account/sign-in-2fa");
        steps.Add(("password", Replica(signIn)));

        var twoFactorPage = await http.GetAsync("/account/sign-in-2fa");
        twoFactorPage.StatusCode.ShouldBe(HttpStatusCode.OK);
        steps.Add(("2fa page", Replica(twoFactorPage)));
        var twoFactorToken = AntiforgeryToken(await twoFactorPage.Content.ReadAsStringAsync());
        var code = await PostAsync(http, "/account/sign-in-2fa", [new("Code", Authenticator.Code(authenticatorKey)), new("__RequestVerificationToken", twoFactorToken)]);
        code.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        steps.Add(("code", Replica(code)));

        for (var i = 0; i < 9; i++)
        {
            var page = await http.GetAsync("/operator");
            page.StatusCode.ShouldBe(HttpStatusCode.OK);
            steps.Add(("page", Replica(page)));
        }

        output.WriteLine("session: " + string.Join(" → ", steps.Select(s => $"{s.Step}@{s.Replica}")));
        // The one key ring all replicas read is stored encrypted with the shared certificate.
        await using (var connection = await OpenAsync(CancellationToken.None))
        {
            var keys = await ScalarAsync<long>(connection, """SELECT count(*) FROM "DataProtectionKeys" """, CancellationToken.None);
            var encrypted = await ScalarAsync<long>(connection, """SELECT count(*) FROM "DataProtectionKeys" WHERE "Xml" LIKE '%<encryptedSecret%'""", CancellationToken.None);
            keys.ShouldBeGreaterThan(0);
            encrypted.ShouldBe(keys);
            output.WriteLine($"data protection: {keys} key(s) in the database, all encrypted at rest");
        }

        // Round-robin: no two consecutive steps on one replica, and every replica served the signed-in pages.
        steps.Zip(steps.Skip(1)).ShouldAllBe(pair => pair.First.Replica != pair.Second.Replica);
        steps.Where(s => s.Step == "page").GroupBy(s => s.Replica).Select(g => g.Count()).ShouldBe([3, 3, 3]);
    }

    /// <summary>Issued by replica 1, accepted by replica 3, revoked on replica 2, refused by all three.</summary>
    private async Task TokenCrossesReplicasAsync(List<ReplicaProcess> replicas, string slug, string clientId, string secret)
    {
        using var http = new HttpClient();
        var token = await http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = new Uri(replicas[0].BaseAddress, "/connect/token").ToString(), ClientId = clientId, ClientSecret = secret, Scope = "measures:read",
        });
        token.IsError.ShouldBeFalse(token.Error);
        (await ApiAsync(http, replicas[2], slug, token.AccessToken!)).ShouldBe(HttpStatusCode.OK);

        var revoked = await http.RevokeTokenAsync(new TokenRevocationRequest
        {
            Address = new Uri(replicas[1].BaseAddress, "/connect/revoke").ToString(), ClientId = clientId, ClientSecret = secret, Token = token.AccessToken!,
        });
        revoked.IsError.ShouldBeFalse(revoked.Error);
        foreach (var replica in replicas)
        {
            (await ApiAsync(http, replica, slug, token.AccessToken!)).ShouldBe(HttpStatusCode.Unauthorized, replica.Name);
        }

        output.WriteLine("token: issued by replica-1, accepted by replica-3, revoked on replica-2, refused by replica-1, -2 and -3");
    }

    private static async Task<HttpStatusCode> ApiAsync(HttpClient http, ReplicaProcess replica, string slug, string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(replica.BaseAddress, $"/api/v1/t/{slug}/measures"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>Polls the job store and the runs until a replica is executing the night with some LAOs done, not all.</summary>
    private async Task<(string Replica, int Done)> WaitForRunInProgressAsync(string slot, int total, CancellationToken cancellationToken)
    {
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (await poll.WaitForNextTickAsync(cancellationToken))
        {
            await using var connection = await OpenAsync(cancellationToken);
            var executing = await ScalarAsync<string>(connection,
                "SELECT instance_name FROM qrtz_fired_triggers WHERE sched_name = @s AND job_name = @j AND state = 'EXECUTING' LIMIT 1", cancellationToken,
                ("s", factory.SchedulerName), ("j", NightlyComplianceJob.Key.Name));
            var done = (int)await ScalarAsync<long>(connection, """SELECT count(*) FROM "ComplianceRuns" WHERE "Slot" = @slot""", cancellationToken, ("slot", slot));
            done.ShouldBeLessThan(total, "the run finished before a replica could be killed in its middle: seed more LAOs");
            if (executing is not null && done >= total / 20)
            {
                return (executing, done);
            }
        }

        throw new OperationCanceledException();
    }

    private async Task<Dictionary<Guid, long>> WaitForAllLaosCheckedAsync(string slot, int total, CancellationToken cancellationToken)
    {
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        while (await poll.WaitForNextTickAsync(cancellationToken))
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("""SELECT "TenantId", count(*) FROM "ComplianceRuns" WHERE "Slot" = @slot GROUP BY "TenantId" """, connection);
            command.Parameters.AddWithValue("slot", slot);
            var perLao = new Dictionary<Guid, long>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    perLao[reader.GetGuid(0)] = reader.GetInt64(1);
                }
            }

            if (perLao.Count >= total)
            {
                return perLao;
            }
        }

        throw new OperationCanceledException();
    }

    private async Task<List<string>> WaitForAlertsAsync(TestSmtpServer smtp, List<Guid> ids, CancellationToken cancellationToken)
    {
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        var states = "";
        try
        {
            while (await poll.WaitForNextTickAsync(cancellationToken))
            {
                await using var connection = await OpenAsync(cancellationToken);
                await using var command = new NpgsqlCommand("""SELECT "State", count(*) FROM "AlertMessages" WHERE "Id" = ANY(@ids) GROUP BY "State" ORDER BY 1""", connection);
                command.Parameters.AddWithValue("ids", ids.ToArray());
                var byState = new List<string>();
                var sent = 0L;
                await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        var state = reader.GetValue(0).ToString()!;
                        byState.Add($"{state}={reader.GetInt64(1)}");
                        sent += state is "3" or nameof(AlertState.Sent) ? reader.GetInt64(1) : 0;
                    }
                }

                var received = smtp.Received.Where(m => m.MessageId?.EndsWith("@alerts.wiangha", StringComparison.Ordinal) == true).Select(m => m.MessageId!).ToList();
                states = $"{string.Join(", ", byState)}; {received.Count} emails received";
                if (sent == ids.Count && received.Count >= ids.Count)
                {
                    return received;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        throw new TimeoutException($"alerts not all sent: {states}");
    }

    /// <summary>A fourth replica on its own throwaway PostgreSQL server, stopped and started under it.</summary>
    private async Task ReadinessFollowsTheDatabaseAsync(IReadOnlyDictionary<string, string> clusterSettings, HttpClient http, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("wiangha-pg-ready-").FullName;
        var port = ReplicaProcess.FreePort();
        await PostgresServerAsync("start", directory, port, cancellationToken);
        try
        {
            var connectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=wiangha_ready";
            await using (var admin = new NpgsqlConnection($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres"))
            {
                await admin.OpenAsync(cancellationToken);
                await using var create = new NpgsqlCommand("CREATE DATABASE wiangha_ready", admin);
                await create.ExecuteNonQueryAsync(cancellationToken);
            }

            var options = new DbContextOptionsBuilder<PlatformDbContext>();
            options.UseProvider(DatabaseProvider.PostgreSql, connectionString);
            await using (var db = new PlatformDbContext(options.Options, new AsyncLocalMultiTenantContextAccessor()))
            {
                await db.Database.MigrateAsync(cancellationToken);
            }

            await using var replica = ReplicaProcess.Start("replica-4", new Dictionary<string, string>(clusterSettings)
            {
                ["ConnectionStrings:Platform"] = connectionString,
                ["Compliance:Scheduler:Name"] = "readiness",
            });
            await replica.WaitForReadinessAsync(http, HttpStatusCode.OK, TimeSpan.FromSeconds(90));
            var watch = Stopwatch.StartNew();
            await PostgresServerAsync("stop", directory, port, cancellationToken);
            await replica.WaitForReadinessAsync(http, HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(30));
            var down = watch.Elapsed;
            watch.Restart();
            await PostgresServerAsync("resume", directory, port, cancellationToken);
            await replica.WaitForReadinessAsync(http, HttpStatusCode.OK, TimeSpan.FromSeconds(60));
            replica.HasExited.ShouldBeFalse("the replica must recover without a restart");
            output.WriteLine($"readiness: 503 {down.TotalSeconds:F1}s after PostgreSQL stopped, 200 again {watch.Elapsed.TotalSeconds:F1}s after it started, same process");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await PostgresServerAsync("stop", directory, port, CancellationToken.None);
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task PostgresServerAsync(string command, string directory, int port, CancellationToken cancellationToken)
    {
        var script = Path.Combine(ReplicaProcess.RepositoryRoot, "scripts", "postgres-test-server.sh");
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { script, command, directory, port.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        process.ExitCode.ShouldBe(0, $"postgres-test-server.sh {command}: {await errors}");
    }

    /// <summary>The settings every replica gets (environment variables in the processes).</summary>
    private static Dictionary<string, string> ReplicaSettings(string connectionString, string cluster, Uri publicAddress, int smtpPort) => new()
    {
        ["Database:Provider"] = "PostgreSql",
        ["ConnectionStrings:Platform"] = connectionString,
        ["Platform:PublicBaseUrl"] = publicAddress.ToString().TrimEnd('/'),
        ["Platform:ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
        ["Identity:Oidc:Issuer"] = publicAddress.ToString(),
        ["Identity:Oidc:RequireHttps"] = "false",
        ["Identity:Oidc:SigningCertificatePath"] = TestCertificates.SigningPath,
        ["Identity:Oidc:EncryptionCertificatePath"] = TestCertificates.EncryptionPath,
        ["DataProtection:CertificatePath"] = TestCertificates.EncryptionPath,
        ["Compliance:Scheduler:Name"] = cluster,
        ["Compliance:Scheduler:ClusterCheckinInterval"] = "00:00:02",
        // Only what the test fires runs: the nightly run through the job store, the outbox every two seconds.
        ["Compliance:Scheduler:NightlyCron"] = Never,
        ["Compliance:Scheduler:LinkSweepCron"] = Never,
        ["Compliance:Scheduler:PruneOpenIdTokensCron"] = Never,
        ["Compliance:Scheduler:AlertPlanningCron"] = Never,
        ["Compliance:Scheduler:AlertSendingCron"] = "0/2 * * * * ?",
        // A replica killed mid-send leaves its claim: another one takes the alert over when the lease ends (5 min in
        // production, where it must outlast any send; the local SMTP server answers in milliseconds).
        ["Alerts:Channels:SendLease"] = "00:00:15",
        ["Email:SmtpHost"] = "127.0.0.1",
        ["Email:SmtpPort"] = smtpPort.ToString(CultureInfo.InvariantCulture),
        ["Security:RateLimits:SignInPerMinute"] = "100000",
        ["Security:RateLimits:TokenPerMinute"] = "100000",
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft"] = "Warning",
        ["Logging:LogLevel:Quartz"] = "Warning",
    };

    /// <summary>A scheduler client on the cluster's job store that never starts: it only hands the store a firing.</summary>
    private static ServiceProvider ControlNode(IReadOnlyDictionary<string, string> settings) =>
        SchedulerNode.Build(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)).Append(new("Compliance:Scheduler:Enabled", "false")));

    private async Task SeedLaosAsync(int count)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        for (var i = 0; i < count; i++)
        {
            var slug = $"c{Guid.NewGuid():N}"[..20];
            db.Organisations.Add(new Organisation
            {
                Slug = slug, NameTh = $"องค์การบริหารส่วนตำบลคลัสเตอร์ {i}", NameEn = $"Cluster SAO {i}",
                Type = OrganisationType.SubdistrictAdministrativeOrganisation, ProvinceCode = "57", DistrictCode = "5705",
            });
        }

        await db.SaveChangesAsync();
    }

    /// <summary>Email alerts in the outbox, falling due one after another over the window.</summary>
    private async Task<List<Guid>> QueueAlertsAsync(DateTimeOffset from, TimeSpan window)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var alerts = Enumerable.Range(0, Alerts).Select(i => new AlertMessage
        {
            IdempotencyKey = $"cluster:{Guid.NewGuid():N}", Channel = AlertChannel.Email, Address = $"clerk{i}@lao.test",
            Subject = "แจ้งเตือนกำหนดส่ง ITA", TextBody = "ยังมีข้อที่ต้องแก้ไข", CreatedAt = from, NextAttemptAt = from + (window * i / Alerts),
        }).ToList();
        db.AlertMessages.AddRange(alerts);
        await db.SaveChangesAsync();
        return alerts.ConvertAll(a => a.Id);
    }

    private async Task<(string ClientId, string Secret)> RegisterMachineClientAsync(params string[] memberships)
    {
        var clientId = $"machine-{Guid.NewGuid():N}";
        var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId, ClientSecret = secret, ClientType = ClientTypes.Confidential, DisplayName = "Provincial system (cluster test)",
            Permissions =
            {
                Permissions.Endpoints.Token, Permissions.Endpoints.Revocation, Permissions.GrantTypes.ClientCredentials, Permissions.Prefixes.Scope + "measures:read",
            },
        };
        descriptor.Properties["wh:memberships"] = JsonSerializer.SerializeToElement(memberships);
        await using var scope = factory.Scope();
        await scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>().CreateAsync(descriptor);
        return (clientId, secret);
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(factory.Database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task<T?> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteScalarAsync(cancellationToken) is T result ? result : default;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string path, IEnumerable<KeyValuePair<string, string>> fields) =>
        http.PostAsync(path, new FormUrlEncodedContent(fields));

    private static string Replica(HttpResponseMessage response) =>
        response.Headers.TryGetValues(RoundRobinBalancer.ReplicaHeader, out var values) ? values.Single() : "?";

    private static string AntiforgeryToken(string html)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        return document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }
}
