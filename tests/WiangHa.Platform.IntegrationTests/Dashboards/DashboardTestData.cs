using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Duende.IdentityModel.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Domain.Compliance;
using WiangHa.Platform.Domain.Measures;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Compliance;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.Infrastructure.Ita;
using WiangHa.Platform.Infrastructure.Tenancy;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Dashboards;

/// <summary>An LAO onboarded by a dashboard test, in any province (the shared <see cref="TestData"/> makes them in 57).</summary>
public sealed record TestLao(Guid Id, string Slug, string Name, string ProvinceCode, string? DlaCode)
{
    public TenantInfo Info => new(Id, Slug, Name, OrganisationStatus.Active, ProvinceCode);
}

/// <summary>
/// Builders for the dashboards' tests: LAOs onboarded from the DLA registry (or outside it), their disclosures and
/// measures written through EF Core inside their tenant scope, nights of the real nightly job, supervisors, machine
/// clients, and readers for the exported files.
/// </summary>
public sealed class DashboardTestData(PlatformFactory factory)
{
    /// <summary>The manual the tests check against: 2569 has eight items, O19–O24 disclosures, O25 measures, O26 report.</summary>
    public const int Year = 2569;

    public static readonly string[] DisclosureItems = ["O19", "O20", "O21", "O22", "O23", "O24"];

    /// <summary>Onboards the registry entry as a tenant, as an operator picking it would (its name, type, district, DLA code).</summary>
    public async Task<TestLao> OnboardAsync(string dlaCode)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var entry = await db.RegisteredLaos.AsNoTracking().SingleAsync(r => r.DlaCode == dlaCode);
        return await AddAsync(db, entry.FullName, entry.Type, entry.ProvinceCode, entry.DistrictCode, dlaCode);
    }

    /// <summary>An LAO onboarded by hand, with no registry entry (and so any name an operator typed).</summary>
    public async Task<TestLao> OnboardUnregisteredAsync(string provinceCode, string districtCode, string name)
    {
        await using var scope = factory.Scope();
        return await AddAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(), name, OrganisationType.SubdistrictAdministrativeOrganisation,
            provinceCode, districtCode, dlaCode: null);
    }

    /// <summary>
    /// The figures' tests check against the eight items O19–O26 of 2569 (the shipped catalogue before issue 12): published
    /// here as the year's newest version, once per factory, so the figures do not move with the shipped catalogue.
    /// </summary>
    public async Task EnsureManualAsync()
    {
        await using var scope = factory.Scope();
        var queries = scope.ServiceProvider.GetRequiredService<ItaCatalogueQueries>();
        if ((await queries.PublishedAsync(Year))!.ItemCount == 8)
        {
            return;
        }

        var shipped = ShippedCatalogues.Read(Year);
        var fragment = shipped with
        {
            Indicators = [.. shipped.Indicators.Select(i => i with
            {
                SubIndicators = [.. i.SubIndicators.Select(s => s with { Items = [.. s.Items.Where(x => int.Parse(x.Code[1..], System.Globalization.CultureInfo.InvariantCulture) >= 19)] }).Where(s => s.Items.Count > 0)],
            })],
        };
        using var file = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(ItaCatalogueFormats.ToJson(fragment)));
        var imported = (await scope.ServiceProvider.GetRequiredService<ImportItaCatalogueHandler>().HandleAsync(file, "dashboard-tests.json", "tests"))
            .ShouldBeOfType<ItaCatalogueImported>();
        await scope.ServiceProvider.GetRequiredService<PublishItaManualVersionHandler>().HandleAsync(imported.VersionId, "tests");
    }

    /// <summary>Answers "มี" with one URL for each item, its page checked and found (not a PDF, so no year check): the item passes.</summary>
    public async Task DiscloseAsync(TestLao lao, params string[] codes)
    {
        await EnsureManualAsync();
        await using var scope = factory.Scope();
        using (scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(lao.Info))
        {
            var handler = scope.ServiceProvider.GetRequiredService<SaveItemDisclosureHandler>();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            foreach (var code in codes)
            {
                var url = $"https://{lao.Slug}.example/{code}";
                var result = await handler.HandleAsync(new DisclosureInput(Year, code, DisclosureAnswer.Yes, [url], "เผยแพร่แล้ว"));
                result.ShouldBeOfType<CommandResult.Success>();
                db.LinkChecks.Add(new LinkCheck
                {
                    Url = url, Outcome = LinkOutcome.Ok, StatusCode = 200, ContentType = "application/pdf", FinalUrl = url, CheckedAt = factory.Clock.GetUtcNow(),
                });
            }

            await db.SaveChangesAsync();
        }
    }

    /// <summary>A measure reported on item O26 (title, results, outcome: its elements; O26 of 2569 asks for FY 2568 periods).</summary>
    public async Task AddReportedMeasureAsync(TestLao lao, MeasureStatus status, DateOnly periodFrom, DateOnly periodTo)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        using (scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(lao.Info))
        {
            var now = factory.Clock.GetUtcNow();
            db.Measures.Add(new Measure
            {
                FiscalYear = Year - 1, Number = await db.Measures.CountAsync() + 1, Title = "เผยแพร่ผลการดำเนินงานต่อสาธารณะ", Steps = ["จัดทำรายงาน"],
                PeriodFrom = periodFrom, PeriodTo = periodTo, Status = status, ResultPoints = ["เผยแพร่รายงานแล้ว"], Outcome = "ประชาชนเข้าถึงข้อมูล",
                ItaItems = [$"{Year}/O26"], CreatedAt = now, UpdatedAt = now,
            });
            await db.SaveChangesAsync();
        }
    }

    /// <summary>The fire time of the nightly job on a Bangkok date (02:00 there).</summary>
    public static DateTimeOffset NightOf(DateOnly day) => new(day.ToDateTime(new TimeOnly(2, 0)), ThaiTime.BangkokOffset);

    /// <summary>One night of the real nightly job (every tenant's runs, the day's province figures, retention).</summary>
    public async Task<int> RunNightAsync(DateOnly day)
    {
        await using var scope = factory.Scope();
        return await ActivatorUtilities.CreateInstance<NightlyComplianceJob>(scope.ServiceProvider).RunSlotAsync(NightOf(day));
    }

    /// <summary>One LAO's share of a night, as the nightly job runs it (only this tenant, so other tests' LAOs stay as they are).</summary>
    public async Task<int> RunNightForAsync(TestLao lao, DateOnly day)
    {
        await using var scope = factory.Scope();
        var organisation = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Organisations.AsNoTracking().SingleAsync(o => o.Id == lao.Id);
        return await scope.ServiceProvider.GetRequiredService<ComplianceRunner>()
            .RunTenantAsync(organisation, ComplianceRunner.NightlySlot(NightOf(day)), ComplianceRunKind.Nightly);
    }

    /// <summary>A supervisor (TOTP enrolled, as the role requires) signed in through the real forms.</summary>
    public async Task<BrowserlessClient> SupervisorAsync(string role, params string[] provinces)
    {
        var (user, key) = await factory.Data.CreatePlatformUserAsync(role, provinces);
        return await BrowserlessClient.SignedInAsync(factory, user.Email, TestData.Password, key);
    }

    /// <summary>Registers a machine client as <c>migrate</c> registers the configured ones (<see cref="OpenIdClientRegistrar"/>).</summary>
    public async Task RegisterClientsAsync(params OpenIdClientSettings[] clients)
    {
        await using var scope = factory.Scope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        foreach (var client in clients.Where(c => !string.IsNullOrEmpty(c.ClientId)))
        {
            if (await applications.FindByClientIdAsync(client.ClientId) is null)
            {
                await applications.CreateAsync(OpenIdClientRegistrar.Describe(client));
            }
        }
    }

    /// <summary>An HTTP client carrying a client-credentials access token from the real token endpoint.</summary>
    public async Task<HttpClient> ClientWithTokenAsync(string clientId, string secret, string scope)
    {
        var http = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = await http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = new Uri(http.BaseAddress!, "/connect/token").ToString(), ClientId = clientId, ClientSecret = secret, Scope = scope,
        });
        token.IsError.ShouldBeFalse(token.Error);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return http;
    }

    /// <summary>GET as JSON, asserting the status first (with the body in the message when it differs).</summary>
    public static async Task<T> GetJsonAsync<T>(HttpClient http, string url)
    {
        var response = await http.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{url}: {await response.Content.ReadAsStringAsync()}");
        return await BrowserlessClient.ReadJsonAsync<T>(response);
    }

    /// <summary>Reads CSV back as RFC 4180 says (quoted fields, doubled quotes, CRLF inside quotes), without the BOM.</summary>
    public static List<List<string>> ParseCsv(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        (field.Length > 0 || record.Count > 0).ShouldBeFalse("every record ends with CRLF");
        return records;
    }

    private async Task<TestLao> AddAsync(PlatformDbContext db, string name, OrganisationType type, string provinceCode, string districtCode, string? dlaCode)
    {
        var slug = $"d{Guid.NewGuid():N}"[..20];
        var organisation = new Organisation
        {
            Slug = slug, DlaCode = dlaCode, NameTh = name, NameEn = $"Test LAO {slug}", Type = type, ProvinceCode = provinceCode, DistrictCode = districtCode,
            CreatedAt = factory.Clock.GetUtcNow(),
        };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return new TestLao(organisation.Id, slug, name, provinceCode, dlaCode);
    }
}
