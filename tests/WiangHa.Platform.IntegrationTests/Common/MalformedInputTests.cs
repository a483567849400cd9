using System.Net;
using System.Text;
using System.Text.Json;
using WiangHa.Platform.IntegrationTests.Infrastructure;
using WiangHa.Platform.IntegrationTests.Tenancy;

namespace WiangHa.Platform.IntegrationTests.Common;

/// <summary>
/// Every malformed API input is a 400 ProblemDetails that names the parameter (never a 500, never an unexplained 400),
/// and nothing is written. Minimal APIs throw on bad input in every environment, so this holds in Development too.
/// </summary>
public sealed class MalformedInputTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    public static TheoryData<string, string, string?, string, string> Cases() => new()
    {
        // method, path under /api/v1/t/{tenant}, JSON body, expected parameter, expected status
        { "GET", "/measures?year=abc", null, "year", "400" },
        { "GET", "/measures?year=2567.5", null, "year", "400" },
        { "GET", "/compliance/disclosures?year=๒๕๖๗x", null, "year", "400" },
        { "GET", "/measures?limit=ten", null, "limit", "400" },
        { "GET", "/measures?fiscalYear=2567", null, "fiscalYear", "400" },
        { "POST", "/measures", "{\"title\": \"ไม่ปิดวงเล็บ\"", "input", "400" },
        { "POST", "/measures", "{\"title\": \"มาตรการ\", \"fiscalYear\": \"สองพัน\"}", "$.fiscalYear", "400" },
        { "PUT", "/compliance/disclosures", "{\"assessmentYear\":2567,\"itemCode\":\"O1\",\"answer\":\"Maybe\"}", "$.answer", "400" },
        { "POST", "/org-units", "", "input", "400" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Is_a_problem_naming_the_parameter(string method, string path, string? body, string parameter, string status)
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var admin = await BrowserlessClient.SignedInAsync(factory, tenant.Admin);
        var request = new HttpRequestMessage(new HttpMethod(method), $"/api/v1/t/{tenant.Slug}{path}");
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        request.Headers.TryAddWithoutValidation("If-None-Match", "*");
        var response = await admin.Http.SendAsync(request);

        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe(status, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = JsonDocument.Parse(text).RootElement;
        problem.GetProperty("parameter").GetString().ShouldBe(parameter, text);
        problem.GetProperty("detail").GetString()!.ShouldContain(parameter == "input" ? "JSON" : parameter);
        (await TenantIsolationApiTests.MeasuresOf(factory, tenant)).ShouldBeEmpty();
    }
}
