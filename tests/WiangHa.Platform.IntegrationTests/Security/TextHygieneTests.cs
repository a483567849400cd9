using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.Domain.Compliance;
using WiangHa.Platform.Domain.Measures;
using WiangHa.Platform.Domain.Reports;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.Infrastructure.Measures;
using WiangHa.Platform.Infrastructure.Organisations;
using WiangHa.Platform.Infrastructure.Tenancy;
using WiangHa.Platform.IntegrationTests.Dashboards;
using WiangHa.Platform.IntegrationTests.Infrastructure;
using WiangHa.Platform.Web.Compliance;

namespace WiangHa.Platform.IntegrationTests.Security;

/// <summary>
/// Issue 11, text hygiene: every class of troublesome code point through every text field of every API body (found by
/// reflection over the endpoint list) and of every form (found in the pages' HTML) is refused by field or accepted,
/// never a 500; and text that got stored anyway never breaks a document, a public link or an export.
/// </summary>
public sealed class TextHygieneTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    private const string RefusedMessage = "มีอักขระควบคุมที่ใช้ไม่ได้";
    private const string Marker = "FUZZ-MARKER";

    /// <summary>Name, the JSON escape that carries it, and whether the boundary must refuse it.</summary>
    private static readonly (string Name, string Json, bool Refused)[] Classes =
    [
        ("NUL", "\\u0000", true), ("SOH", "\\u0001", true), ("VT", "\\u000b", true), ("ESC", "\\u001b", true), ("DEL", "\\u007f", true),
        ("C1 NEL", "\\u0085", true), ("C1 CSI", "\\u009b", true), ("U+FFFE", "\\ufffe", true), ("U+FFFF", "\\uffff", true),
        ("U+FDD0", "\\ufdd0", true), ("U+1FFFF", "\\ud83f\\udfff", true), ("lone high surrogate", "\\ud800", true),
        ("lone low surrogate", "\\udc00", true), ("RLO", "\\u202e", true), ("LRI", "\\u2066", true), ("PDI", "\\u2069", true),
        ("TAB", "\\t", false), ("LF", "\\n", false),
        ("decomposed Thai", "\\u0e01\\u0e48\\u0e38", false), ("combining acute", "e\\u0301", false), ("emoji", "\\ud83d\\ude00", false),
        ("ZWJ family", "\\ud83d\\udc69\\u200d\\ud83d\\udc67", false), ("ZWSP", "\\u200b", false), ("LRM", "\\u200e", false),
        ("very long", new string('ก', 20_000), false),
    ];

    /// <summary>A valid body per API request type; a new body type fails the test until it has one here.</summary>
    private static object Baseline(Type type, int n, TestTenant tenant) => type.Name switch
    {
        nameof(MeasureInput) => MeasureInputs.Valid() with
        {
            Title = $"มาตรการทดสอบ {n}",
            Steps = ["ขั้นตอนแรก", "ขั้นตอนที่สอง"],
            ResponsibleUnitIds = [tenant.UnitIds[0]],
            ResultPoints = ["ผลข้อหนึ่ง"],
            Monitoring = "ติดตามรายเดือน",
            Outcome = "ผลลัพธ์",
            ItaItems = ["2567/O35"],
            EvidenceLinks = [new EvidenceLinkInput("https://wiangha.go.th/e", "หลักฐาน")],
        },
        nameof(OrgUnitInput) => new OrgUnitInput($"กองทดสอบ {n}", 10 + n),
        nameof(DisclosureBody) => new DisclosureBody(2566, "O1", DisclosureAnswer.Yes, ["https://wiangha.go.th/structure"], "คำอธิบาย"),
        _ => throw new InvalidOperationException($"No baseline body for {type.Name}: add one so its text fields are fuzzed."),
    };

    [Fact]
    public async Task Every_text_field_of_every_api_body_refuses_control_characters_by_name_and_never_fails()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var client = await BrowserlessClient.SignedInAsync(factory, tenant.Admin);
        var ids = new Dictionary<string, string>
        {
            ["/measures/"] = (await factory.Data.CreateMeasureAsync(tenant)).ToString(),
            ["/org-units/"] = tenant.UnitIds[3].ToString(),
            ["/disclosures/"] = (await factory.Data.CreateDisclosureAsync(tenant, 2566, "O1", "https://wiangha.go.th/a")).ToString(),
        };
        var endpoints = factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Body: e.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType))
            .Where(e => e.Body is not null && e.Endpoint.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal))
            .ToList();
        endpoints.Count.ShouldBeGreaterThanOrEqualTo(6);

        var failures = new StringBuilder();
        var refusedByName = 0;
        var n = 0;
        foreach (var (endpoint, body) in endpoints)
        {
            var method = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Single();
            var url = "/" + endpoint.RoutePattern.RawText!.TrimStart('/').Replace("{tenant}", tenant.Slug, StringComparison.Ordinal);
            var id = ids.FirstOrDefault(i => url.Contains(i.Key, StringComparison.Ordinal)).Value;
            url = url.Replace("{id:guid}", id, StringComparison.Ordinal);
            var fields = TextFields(body!, Baseline(body!, 0, tenant), "").ToList();
            fields.ShouldNotBeEmpty($"{body!.Name} has no text field");
            foreach (var (field, jsonPath) in fields)
            {
                foreach (var (name, json, refused) in Classes)
                {
                    var text = Fuzzed(Baseline(body!, ++n, tenant), jsonPath, json);
                    var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent(text, Encoding.UTF8, "application/json") };
                    if (method == "PUT")
                    {
                        request.Headers.TryAddWithoutValidation("If-Match", "*"); // the rows exist; concurrency is ConcurrencyRuleTests' subject
                    }

                    var response = await client.Http.SendAsync(request);
                    var answer = await response.Content.ReadAsStringAsync();
                    var where = $"{method} {endpoint.RoutePattern.RawText} {field} {name}";
                    if ((int)response.StatusCode >= 500 || (response.StatusCode != HttpStatusCode.BadRequest && !response.IsSuccessStatusCode))
                    {
                        failures.AppendLine($"{where}: {(int)response.StatusCode} {answer[..Math.Min(300, answer.Length)]}");
                    }
                    else if (refused && response.StatusCode == HttpStatusCode.BadRequest)
                    {
                        // Named by field; the message is ours unless a use case has a stronger word for that field (an unknown item code).
                        var messages = JsonNode.Parse(answer)!["errors"]?.AsObject()[field]?.AsArray().Select(m => m!.GetValue<string>()).ToList();
                        if (messages is null)
                        {
                            failures.AppendLine($"{where}: 400 without the field: {answer[..Math.Min(300, answer.Length)]}");
                        }
                        else if (messages.Any(m => m.Contains(RefusedMessage, StringComparison.Ordinal)))
                        {
                            refusedByName++;
                        }
                    }
                    else if (refused && Decoded(json) is var character && StringsIn(JsonNode.Parse(answer)).Any(s => s.Contains(character, StringComparison.Ordinal)))
                    {
                        failures.AppendLine($"{where}: accepted and stored");
                    }
                }
            }
        }

        failures.ToString().ShouldBeEmpty();
        // Every field of a create refuses every class by name (an edit may ignore a field, e.g. a disclosure's item code).
        refusedByName.ShouldBeGreaterThan(20 * Classes.Count(c => c.Refused));
    }

    [Fact]
    public async Task Thai_typed_in_another_order_is_stored_once_in_NFC()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var client = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);
        var url = $"/api/v1/t/{tenant.Slug}/measures";
        var created = await client.Http.PostAsync(url, new StringContent(
            Fuzzed(Baseline(typeof(MeasureInput), 0, tenant), "title", "\\u0e01\\u0e48\\u0e38\\u0e07"), Encoding.UTF8, "application/json"));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        (await BrowserlessClient.ReadJsonAsync<MeasureView>(created)).Title.ShouldBe("กก\u0E38\u0E48งข");

        // The same words typed in the other order are the same title: refused as a duplicate.
        var again = await client.Http.PostAsync(url, new StringContent(
            Fuzzed(Baseline(typeof(MeasureInput), 0, tenant), "title", "\\u0e01\\u0e38\\u0e48\\u0e07"), Encoding.UTF8, "application/json"));
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await again.Content.ReadAsStringAsync()).ShouldContain("มีมาตรการชื่อนี้แล้ว");
    }

    [Fact]
    public async Task Every_text_input_of_every_form_shows_the_refusal_beside_the_field_and_never_fails()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var measure = await factory.Data.CreateMeasureAsync(tenant);
        var admin = await BrowserlessClient.SignedInAsync(factory, tenant.Admin);
        var (operatorUser, operatorKey) = await factory.Data.CreatePlatformUserAsync(PlatformRoles.Operator);
        var operatorClient = await BrowserlessClient.SignedInAsync(factory, operatorUser.Email, TestData.Password, operatorKey);
        var (supervisor, supervisorKey) = await factory.Data.CreatePlatformUserAsync(PlatformRoles.ProvincialSupervisor, "57");
        var supervisorClient = await BrowserlessClient.SignedInAsync(factory, supervisor.Email, TestData.Password, supervisorKey);

        var pages = factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            // Sign-in, password and invitation forms are Identity's (and its rate limits'); public pages have no forms.
            .Where(p => !p.StartsWith("/account", StringComparison.Ordinal) && !p.StartsWith("/p/", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        var characters = new (string Name, string Text, bool Refused)[]
        {
            ("SOH", "\u0001", true), ("VT", "\u000B", true), ("DEL", "\u007F", true), ("C1", "\u009B", true), ("U+FFFE", "\uFFFE", true),
            ("U+FDD0", "\uFDD0", true), ("RLO", "\u202E", true), ("LRI", "\u2066", true),
            ("decomposed Thai", "\u0E01\u0E48\u0E38", false), ("ZWJ emoji", "👩\u200D👧", false), ("very long", new string('ก', 5_000), false),
        };

        var failures = new StringBuilder();
        var fieldsFuzzed = 0;
        foreach (var pattern in pages)
        {
            var client = pattern.StartsWith("/operator", StringComparison.Ordinal) ? operatorClient
                : pattern.StartsWith("/dashboards", StringComparison.Ordinal) ? supervisorClient : admin;
            var url = pattern.Replace("{tenant}", tenant.Slug, StringComparison.Ordinal).Replace("{year:int}", "2566", StringComparison.Ordinal)
                .Replace("{id:guid}", measure.ToString(), StringComparison.Ordinal).Replace("{code}", pattern.StartsWith("/dashboards", StringComparison.Ordinal) ? "57" : "O1", StringComparison.Ordinal)
                .Replace("{kind}", "results", StringComparison.Ordinal);
            var response = await client.Http.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                continue;
            }

            var forms = PostForms(new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()));
            for (var f = 0; f < forms.Count; f++)
            {
                var action = string.IsNullOrEmpty(forms[f].GetAttribute("action")) ? url : forms[f].GetAttribute("action")!;
                foreach (var field in TextInputs(forms[f]))
                {
                    // Read again for each field: an accepted edit changes the row's version the form carries.
                    var values = BrowserlessClient.FormValues(PostForms(await client.GetPageAsync(url))[f]);
                    fieldsFuzzed++;
                    foreach (var (name, text, refused) in characters)
                    {
                        var posted = values.Select(v => v.Key == field ? new KeyValuePair<string, string>(v.Key, $"ก{text}ข") : v).ToList();
                        var answer = await client.Http.PostAsync(action, new FormUrlEncodedContent(posted));
                        var html = await answer.Content.ReadAsStringAsync();
                        var where = $"{action} {field} {name}";
                        if ((int)answer.StatusCode >= 500)
                        {
                            failures.AppendLine($"{where}: {(int)answer.StatusCode}");
                        }
                        // Refused: the form again (200, or 400/422 where a page says so) with the message; a redirect means it was stored.
                        else if (refused && (int)answer.StatusCode is >= 300 and < 400)
                        {
                            failures.AppendLine($"{where}: {(int)answer.StatusCode} {answer.Headers.Location} (accepted?)");
                        }
                        else if (refused && !BesideField(new HtmlParser().ParseDocument(html), field))
                        {
                            failures.AppendLine($"{where}: no message beside the field");
                        }
                    }
                }
            }
        }

        failures.ToString().ShouldBeEmpty();
        fieldsFuzzed.ShouldBeGreaterThan(25);
    }

    [Fact]
    public async Task Text_stored_past_the_boundary_never_breaks_a_document_a_public_link_or_an_export()
    {
        // What only a direct write can store (PostgreSQL refuses NUL in text and lone surrogates in UTF-8 itself).
        var every = Providers.Current == DatabaseProvider.PostgreSql
            ? "ก\u0001\u000B\u001B\u007F\u0085\u009B\uFFFE\uFFFF\uFDD0\U0001FFFF\u202E\u2066\u0E01\u0E48\u0E38👩\u200D👧\u200B\t\nข"
            : "ก\u0000\u0001\u000B\u001B\u007F\u0085\u009B\uFFFE\uFFFF\uFDD0\U0001FFFF\uD800\uDC00x\u202E\u2066\u0E01\u0E48\u0E38👩\u200D👧\u200B\t\nข";
        var tenant = await factory.Data.CreateTenantAsync();
        var editor = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);
        (await editor.PostFormAsync($"/t/{tenant.Slug}/reports?handler=Publication&year=2566",
        [
            new("year", "2566"), new("Publication.IsPublished", "true"), new("Publication.PublishResults", "true"), new("Publication.PublishMeasures", "true"),
            new("Publication.RoundMonths", "12"),
        ], $"/t/{tenant.Slug}/reports?year=2566")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var lao = await new DashboardTestData(factory).OnboardUnregisteredAsync("57", "5705", $"อบต.{every}");
        await WriteEverywhereAsync(tenant, every);
        await WriteEverywhereAsync(new TestTenant(lao.Id, lao.Slug, lao.Name, tenant.Admin, tenant.Editor, tenant.Viewer, []), every);
        await new DashboardTestData(factory).RunNightAsync(DashboardScenario.Today);
        var supervisor = await new DashboardTestData(factory).SupervisorAsync(PlatformRoles.ProvincialSupervisor, "57");
        var anonymous = BrowserlessClient.Anonymous(factory);

        var documents = new List<(BrowserlessClient Client, string Url)>();
        foreach (var document in new[] { "results", "measures" })
        {
            foreach (var format in new[] { "docx", "xlsx" })
            {
                documents.Add((editor, $"/t/{tenant.Slug}/reports/2566/{document}.{format}"));
                documents.Add((anonymous, $"/p/{tenant.Slug}/2566/{document}.{format}"));
            }

            documents.Add((editor, $"/t/{tenant.Slug}/reports/2566/{document}/print"));
        }

        documents.AddRange(
        [
            (anonymous, $"/p/{tenant.Slug}/2566"), (editor, $"/t/{tenant.Slug}/reports?year=2566"), (editor, $"/t/{tenant.Slug}/measures?year=2566"),
            (editor, $"/t/{tenant.Slug}/reports/2566/analysis"), (editor, $"/t/{tenant.Slug}/compliance/2566/items/O1"),
            (editor, $"/api/v1/t/{tenant.Slug}/measures?year=2566"), (editor, $"/api/v1/t/{tenant.Slug}/compliance/disclosures?year=2566"),
            (editor, $"/api/v1/t/{tenant.Slug}/org-units"),
            (supervisor, "/dashboards/provinces/57.xlsx"), (supervisor, "/dashboards/provinces/57.csv"), (supervisor, "/dashboards/national.xlsx"),
            (supervisor, "/dashboards/provinces/57"), (supervisor, "/api/v1/dashboards/provinces/57"),
        ]);

        var failures = new StringBuilder();
        foreach (var (client, url) in documents)
        {
            var response = await client.Http.GetAsync(url);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.AppendLine($"{url}: {(int)response.StatusCode}");
                continue;
            }

            try
            {
                Opens(url, bytes);
            }
            catch (Exception e) when (e is not ShouldAssertException)
            {
                failures.AppendLine($"{url}: does not open: {e.GetType().Name} {e.Message}");
            }
        }

        failures.ToString().ShouldBeEmpty();
    }

    private static void Opens(string url, byte[] bytes)
    {
        var path = url.Split('?')[0];
        if (path.EndsWith(".docx", StringComparison.Ordinal))
        {
            using var word = WordprocessingDocument.Open(new MemoryStream(bytes), false);
            word.MainDocumentPart!.Document!.Body!.InnerText.ShouldContain("ก");
        }
        else if (path.EndsWith(".xlsx", StringComparison.Ordinal))
        {
            using var excel = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
            var workbook = excel.WorkbookPart!;
            workbook.Workbook!.Sheets!.ChildElements.Count.ShouldBeGreaterThan(0);
            foreach (var sheet in workbook.WorksheetParts)
            {
                sheet.Worksheet!.ShouldNotBeNull();
            }

            workbook.SharedStringTablePart?.SharedStringTable?.InnerText.ShouldNotBeNull();
        }
        else if (path.StartsWith("/api/", StringComparison.Ordinal))
        {
            JsonDocument.Parse(bytes).Dispose();
        }
        else if (!path.EndsWith(".csv", StringComparison.Ordinal))
        {
            new HtmlParser().ParseDocument(Encoding.UTF8.GetString(bytes)).Body.ShouldNotBeNull();
        }
    }

    /// <summary>A measure, a unit, a disclosure, the analysis and the signatory with every class, written straight to the database.</summary>
    private async Task WriteEverywhereAsync(TestTenant tenant, string every)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        using (scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(tenant.Info))
        {
            var unit = new Domain.Organisations.OrgUnit { Name = $"กอง{every}", SortOrder = 50 };
            db.OrgUnits.Add(unit);
            var measure = new Measure
            {
                FiscalYear = 2566,
                Number = 7,
                Title = $"มาตรการ{every}",
                Steps = [$"ขั้น{every}"],
                ResponsibleUnits = [unit],
                PeriodFrom = new DateOnly(2022, 10, 1),
                PeriodTo = new DateOnly(2023, 9, 1),
                Status = MeasureStatus.Completed,
                Monitoring = every,
                ResultPoints = [every],
                Outcome = every,
                ItaItems = ["2567/O35"],
            };
            measure.EvidenceLinks.Add(new EvidenceLink { MeasureId = measure.Id, SortOrder = 1, Url = "https://example.org/e", Title = every });
            db.Measures.Add(measure);
            db.ItemDisclosures.Add(new ItemDisclosure { AssessmentYear = 2566, ItemCode = "O1", Answer = DisclosureAnswer.Yes, Urls = ["https://example.org/o1"], Explanation = every });
            db.AssessmentAnalyses.Add(new AssessmentAnalysis { FiscalYear = 2566, Summary = every, UrgentWeaknesses = [every], IssuesToImprove = [every] });
            await db.SaveChangesAsync();
            foreach (var publication in db.ReportPublications.Where(p => p.FiscalYear == 2566))
            {
                publication.SignatoryName = every;
                publication.SignatoryPosition = every;
            }

            await db.SaveChangesAsync();
        }
    }

    /// <summary>In the field's validation message, or (for inline rows without one, as org units have) in the page's summary.</summary>
    private static bool BesideField(IHtmlDocument page, string field)
    {
        var beside = page.QuerySelectorAll($"[data-valmsg-for='{field}']");
        var shown = beside.Length > 0 ? beside : page.QuerySelectorAll(".validation-summary-errors");
        return shown.Any(e => e.TextContent.Contains(RefusedMessage, StringComparison.Ordinal));
    }

    private static List<IHtmlFormElement> PostForms(IHtmlDocument page) =>
        page.QuerySelectorAll("form").OfType<IHtmlFormElement>().Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)).ToList();

    private static IEnumerable<string> TextInputs(IHtmlFormElement form) =>
        form.Elements.Select(e => e switch
        {
            IHtmlTextAreaElement area => area.Name,
            IHtmlInputElement { Type: "text" or "email" or "url" or "search" or "tel" or "date" or "" } input
                when input.GetAttribute("inputmode") is not ("numeric" or "decimal") => input.Name,
            _ => null,
        }).OfType<string>().Where(n => n.Length > 0 && !n.Contains("Password", StringComparison.OrdinalIgnoreCase)).Distinct();

    /// <summary>The text fields of a request type: (the use case's field key, the body's JSON path), lists by their first entries.</summary>
    private static IEnumerable<(string Field, string JsonPath)> TextFields(Type type, object baseline, string prefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            var field = prefix + property.Name;
            var json = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var value = property.GetValue(baseline);
            if (property.PropertyType == typeof(string))
            {
                yield return (field, json);
            }
            else if (value is IEnumerable<string> strings)
            {
                for (var i = 0; i < strings.Count(); i++)
                {
                    yield return ($"{field}[{i}]", $"{json}[{i}]");
                }
            }
            else if (value is System.Collections.IList { Count: > 0 } list && list[0] is { } first && first.GetType().Namespace!.StartsWith("WiangHa.", StringComparison.Ordinal))
            {
                foreach (var (inner, innerJson) in TextFields(first.GetType(), first, ""))
                {
                    yield return ($"{field}[0].{inner}", $"{json}[0].{innerJson}");
                }
            }
        }
    }

    /// <summary>The baseline as JSON with the value at <paramref name="jsonPath"/> replaced by Thai around the raw escape.</summary>
    private static string Fuzzed(object baseline, string jsonPath, string escape)
    {
        var node = JsonSerializer.SerializeToNode(baseline, BrowserlessClient.Json)!;
        var segments = jsonPath.Replace("]", "", StringComparison.Ordinal).Split('.', '[');
        var parent = node;
        for (var i = 0; i < segments.Length - 1; i++)
        {
            parent = int.TryParse(segments[i], out var index) ? parent[index]! : parent[segments[i]]!;
        }

        var last = segments[^1];
        if (int.TryParse(last, out var at))
        {
            parent[at] = Marker;
        }
        else
        {
            parent[last] = Marker;
        }

        return node.ToJsonString().Replace($"\"{Marker}\"", $"\"ก{escape}ข\"", StringComparison.Ordinal);
    }

    private static string Decoded(string escape) => JsonSerializer.Deserialize<string>($"\"{(escape.Contains("\\ud8", StringComparison.Ordinal) || escape.Contains("\\udc", StringComparison.Ordinal) ? "\\ufffd" : escape)}\"")!;

    private static IEnumerable<string> StringsIn(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => StringsIn(p.Value)),
        JsonArray a => a.SelectMany(StringsIn),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };
}
