using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Web.Identity;

namespace WiangHa.Platform.Web.Common;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c> (docs/api.md), completed from each endpoint's metadata so a new
/// endpoint is described without touching this file: route parameters the handler does not bind (<c>{tenant}</c>),
/// the OAuth scopes its authorization policies require, every status the API's shared rules can answer
/// (<see cref="ConditionalRequests"/>, <see cref="StrictQuery"/>, <see cref="ApiPaging"/>, <see cref="ApiResults"/>)
/// with the ProblemDetails schema, and the headers they use. Summaries come from <c>.WithSummary</c> or the table below;
/// integers are integers (the web JSON options also read numbers from strings, which is leniency, not the contract).
/// </summary>
public static partial class OpenApiDescription
{
    public const string OAuth2 = "oauth2";
    public const string Cookie = "cookie";
    public const string ProblemSchema = "ProblemDetails";
    private const string ProblemJson = "application/problem+json";

    /// <summary>Thai and English summaries of the API's operations, by endpoint name (<c>.WithSummary</c> wins).</summary>
    private static readonly Dictionary<string, string> Summaries = new(StringComparer.Ordinal)
    {
        ["ListMeasures"] = "รายการมาตรการของ อปท. (list the LAO's measures)",
        ["GetMeasure"] = "อ่านมาตรการหนึ่งรายการ (read one measure)",
        ["CreateMeasure"] = "เพิ่มมาตรการ (create a measure)",
        ["UpdateMeasure"] = "แก้ไขมาตรการ (replace a measure)",
        ["DeleteMeasure"] = "ลบมาตรการ (delete a measure)",
        ["ListDisclosures"] = "รายการแบบเปิดเผยข้อมูล (list the disclosure sheets)",
        ["GetDisclosure"] = "อ่านแบบเปิดเผยข้อมูลหนึ่งรายการ (read one disclosure sheet)",
        ["SaveDisclosure"] = "สร้างหรือแทนที่แบบเปิดเผยข้อมูลของปีและข้อ (create or replace the sheet of a year and item)",
        ["UpdateDisclosure"] = "แก้ไขแบบเปิดเผยข้อมูล (replace a disclosure sheet)",
        ["DeleteDisclosure"] = "ลบแบบเปิดเผยข้อมูล (delete a disclosure sheet)",
        ["GetComplianceRun"] = "ผลการตรวจหนึ่งรอบ (read one check run and its verdicts)",
        ["GetLatestComplianceRun"] = "ผลการตรวจล่าสุดของปีประเมิน (the latest check run of an assessment year)",
        ["CheckComplianceNow"] = "สั่งตรวจความครบถ้วนทันที (queue a check now)",
        ["ListOrgUnits"] = "รายการส่วนราชการของ อปท. (list the LAO's units)",
        ["GetOrgUnit"] = "อ่านส่วนราชการหนึ่งหน่วย (read one unit)",
        ["CreateOrgUnit"] = "เพิ่มส่วนราชการ (create a unit)",
        ["UpdateOrgUnit"] = "แก้ไขส่วนราชการ (replace a unit)",
        ["DeleteOrgUnit"] = "ลบส่วนราชการ (delete a unit)",
        ["ListDashboardProvinces"] = "จังหวัดในขอบเขตของผู้กำกับ เรียงตามคะแนน (the provinces in the caller's scope, ranked)",
        ["GetDashboardProvince"] = "ภาพรวมจังหวัดและ อปท. ทุกแห่งในจังหวัด (a province and all of its LAOs)",
        ["GetDashboardProvinceTrend"] = "แนวโน้มคะแนนของจังหวัดรายปี (a province's score by year)",
        ["GetDashboardNational"] = "ภาพรวมระดับประเทศ (the nation's figures)",
    };

    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Measures"] = "มาตรการส่งเสริมคุณธรรมและความโปร่งใสของ อปท. (the LAO's integrity and transparency measures)",
        ["Compliance"] = "แบบเปิดเผยข้อมูลสาธารณะ (OIT) และผลการตรวจ (disclosure sheets and check runs)",
        ["OrgUnits"] = "ส่วนราชการของ อปท. (the LAO's units)",
        ["Dashboards"] = "ภาพรวมจังหวัดและประเทศสำหรับผู้กำกับ (province and national figures for supervisors)",
    };

    public static IServiceCollection AddPlatformOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", o =>
        {
            o.AddSchemaTransformer((schema, context, _) =>
            {
                IntegersAreIntegers(schema);
                StringsAreStrings(schema, context);
                return Task.CompletedTask;
            });
            o.AddOperationTransformer(DescribeOperationAsync);
            o.AddDocumentTransformer(DescribeDocument);
        });

    /// <summary>
    /// The web JSON options read numbers from strings too, so the generator types them <c>integer|string</c> with a
    /// pattern; the contract is a JSON number.
    /// </summary>
    private static void IntegersAreIntegers(OpenApiSchema schema)
    {
        if (schema.Type is { } type && type.HasFlag(JsonSchemaType.String) && (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number)))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }
    }

    /// <summary>
    /// Every string goes through <see cref="TextInput.NfcStringConverter"/>, and the generator describes a type with a
    /// custom converter as anything (<c>{}</c>); it is a string (or null where the property is nullable).
    /// </summary>
    private static void StringsAreStrings(OpenApiSchema schema, OpenApiSchemaTransformerContext context)
    {
        if (context.JsonTypeInfo.Type == typeof(string) && schema.Type is null)
        {
            schema.Type = context.JsonPropertyInfo is { IsGetNullable: true } ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
        }

        // Enums travel by name (JsonStringEnumConverter): say so, or generated clients expect numbers.
        if (schema.Type is null && schema.Enum is { Count: > 0 } && (Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type).IsEnum)
        {
            schema.Type = JsonSchemaType.String;
        }

        if (schema.Type?.HasFlag(JsonSchemaType.Array) == true && schema.Items is null && context.JsonTypeInfo.ElementType == typeof(string))
        {
            schema.Items = new OpenApiSchema { Type = JsonSchemaType.String };
        }
    }

    private static Task DescribeDocument(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "WiangHa Platform API";
        document.Info.Version = "v1";
        document.Info.Description =
            "มาตรการส่งเสริมคุณธรรมและความโปร่งใสของ อปท. (ITA): มาตรการ ส่วนราชการ แบบเปิดเผยข้อมูลของแต่ละ อปท. และภาพรวมสำหรับผู้กำกับ "
            + "(measures, units and disclosures of each LAO tenant, and the supervisors' dashboards). "
            + "Paging, the concurrency rule and errors: docs/api.md; tokens: docs/identity.md.";
        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }

        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ProblemSchema] = Problem();
        document.Components.SecuritySchemes = SecuritySchemes(document, context.ApplicationServices);
        document.Tags = new HashSet<OpenApiTag>(
            TagDescriptions.Select(t => new OpenApiTag { Name = t.Key, Description = t.Value }));
        return Task.CompletedTask;
    }

    private static Dictionary<string, IOpenApiSecurityScheme> SecuritySchemes(OpenApiDocument document, IServiceProvider services)
    {
        // The issuer's own endpoints: its fixed URL when configured, else the server the document was read from.
        var issuer = services.GetRequiredService<IOptions<OidcOptions>>().Value.Issuer
            ?? (Uri.TryCreate(document.Servers?.FirstOrDefault()?.Url, UriKind.Absolute, out var server) ? server : null);
        Uri At(string path) => issuer is null ? new Uri(path, UriKind.Relative) : new Uri(new Uri(issuer.ToString().TrimEnd('/') + "/"), path.TrimStart('/'));
        var scopes = new Dictionary<string, string>
        {
            [PlatformScopes.MeasuresRead] = "อ่านข้อมูลของ อปท. (read the LAO's measures, units and disclosures)",
            [PlatformScopes.MeasuresWrite] = "แก้ไขข้อมูลของ อปท. (write them)",
            [PlatformScopes.DashboardsRead] = "อ่านภาพรวมในขอบเขตของผู้กำกับ (read dashboards in the supervisor's scope)",
            [PlatformScopes.ReportsRead] = "ดาวน์โหลดรายงาน (download reports)",
        };
        return new Dictionary<string, IOpenApiSecurityScheme>
        {
            [OAuth2] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.OAuth2,
                Description = "โทเค็นจากผู้ออกโทเค็น OpenID Connect ของแพลตฟอร์ม: code + PKCE (S256) สำหรับผู้ใช้, client credentials สำหรับระบบ "
                    + "(a bearer token from the platform's OpenID Connect issuer; discovery at /.well-known/openid-configuration). "
                    + "A token reaches an operation only with the scopes it lists, and only in the tenants its user or client is a member of.",
                Flows = new OpenApiOAuthFlows
                {
                    AuthorizationCode = new OpenApiOAuthFlow
                    {
                        AuthorizationUrl = At("/connect/authorize"), TokenUrl = At("/connect/token"), RefreshUrl = At("/connect/token"), Scopes = scopes,
                    },
                    ClientCredentials = new OpenApiOAuthFlow { TokenUrl = At("/connect/token"), Scopes = new Dictionary<string, string>(scopes) },
                },
            },
            [Cookie] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Cookie,
                Name = HostPrefixCookieManager.Prefix + "wiangha.auth",
                Description = "คุกกี้เข้าสู่ระบบของหน้าเว็บ สำหรับหน้าเว็บของแพลตฟอร์มเอง (the web UI's session cookie, for the platform's own pages: "
                    + "it carries every scope; a write must come from this site as JSON). Integrators use oauth2.",
            },
        };
    }

    private static OpenApiSchema Problem()
    {
        static OpenApiSchema Of(JsonSchemaType type, string description, string? format = null) => new() { Type = type, Description = description, Format = format };
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "ข้อผิดพลาดทุกชนิด (RFC 9457): ข้อความภาษาไทยและภาษาอังกฤษในวงเล็บ (every error: a Thai sentence with its English in brackets)",
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = Of(JsonSchemaType.String, "URI ของชนิดข้อผิดพลาด (problem type)"),
                ["title"] = Of(JsonSchemaType.String, "สรุปข้อผิดพลาด (short summary)"),
                ["status"] = Of(JsonSchemaType.Integer, "รหัสสถานะ HTTP (the HTTP status)", "int32"),
                ["detail"] = Of(JsonSchemaType.String, "คำอธิบาย (explanation)"),
                ["instance"] = Of(JsonSchemaType.String, "คำขอที่ผิด (the request at fault)"),
                ["traceId"] = Of(JsonSchemaType.String, "รหัสติดตามสำหรับแจ้งผู้ดูแล (trace id to quote to support)"),
                ["parameter"] = Of(JsonSchemaType.String, "400: พารามิเตอร์ ส่วนหัว หรือเส้นทาง JSON ที่ผิด (the query parameter, header or JSON path at fault)"),
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "400: ข้อผิดพลาดรายช่อง (field validation errors, by field)",
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = Of(JsonSchemaType.String, "ข้อความ (message)") },
                },
                ["currentVersion"] = Of(JsonSchemaType.String, "412: รุ่นปัจจุบันของข้อมูล (the version there now)", "uuid"),
                ["existingId"] = Of(JsonSchemaType.String, "409: รายการที่สร้างไว้แล้วด้วย Idempotency-Key นี้ (the row this key created)", "uuid"),
            },
            Examples =
            [
                new JsonObject
                {
                ["type"] = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
                ["title"] = "คำขอไม่ถูกต้อง (bad request)",
                ["status"] = 400,
                ["detail"] = "ค่า \"abc\" ของ year ไม่ถูกต้อง (\"abc\" is not a valid year)",
                ["parameter"] = "year",
                },
            ],
        };
    }

    private static async Task DescribeOperationAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var path = "/" + (description.RelativePath ?? "").TrimStart('/');
        if (!path.StartsWith("/api/", StringComparison.Ordinal))
        {
            return;
        }

        var metadata = description.ActionDescriptor.EndpointMetadata;
        var method = description.HttpMethod ?? "GET";
        var name = metadata.OfType<IEndpointNameMetadata>().LastOrDefault()?.EndpointName;
        operation.OperationId ??= name ?? OperationIdFrom(method, path);
        operation.Summary ??= name is not null && Summaries.TryGetValue(name, out var summary) ? summary : Words(operation.OperationId);
        var conditional = metadata.OfType<ConditionalRequestsMetadata>().Any();
        var writes = method is "PUT" or "DELETE" or "PATCH";

        operation.Parameters ??= [];
        DescribeParameters(operation, path, method, conditional, writes);
        var paged = operation.Parameters.Any(p => p.Name == "cursor");
        var (scopes, anyOneScope, roles, anonymous) = await RequirementsAsync(metadata, context.ApplicationServices);

        var notes = new List<string>();
        if (paged)
        {
            notes.Add("แบ่งหน้าด้วย limit และ cursor: ถ้ายังมีหน้าถัดไป ส่วนหัว Link มี rel=\"next\" (paged: follow the Link header's rel=\"next\" until it is absent; docs/api.md).");
        }

        if (conditional && method == "GET")
        {
            notes.Add("ส่ง ETag ที่อ่านได้ใน If-None-Match แล้วถ้าข้อมูลไม่เปลี่ยนจะได้ 304 (send the ETag back in If-None-Match: 304 when unchanged).");
        }

        if (conditional && writes)
        {
            notes.Add("ต้องส่ง If-Match เป็น ETag ที่อ่านได้ หรือ * (needs If-Match with the ETag read, or *; none: 428, stale: 412, nothing written).");
        }

        if (scopes.Count > 0)
        {
            notes.Add(anyOneScope
                ? $"ขอบเขตโทเค็นที่ต้องมีอย่างน้อยหนึ่ง (one of these token scopes): {string.Join(", ", scopes)}."
                : $"ขอบเขตโทเค็นที่ต้องมี (token scopes required): {string.Join(", ", scopes)}.");
        }

        if (roles.Count > 0)
        {
            notes.Add($"บทบาทขั้นต่ำใน อปท. (minimum role in the LAO): {string.Join(", ", roles)}.");
        }

        operation.Description = string.Join("\n\n", new[] { operation.Description }.Concat(notes).Where(s => !string.IsNullOrEmpty(s)));
        operation.Security = anonymous
            ? []
            : [
                // Security requirements are alternatives: "one of these scopes" is one requirement per scope.
                .. (anyOneScope ? scopes.Select(s => (List<string>)[s]) : [scopes])
                    .Select(set => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OAuth2, context.Document)] = set }),
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Cookie, context.Document)] = [] },
            ];

        DescribeResponses(operation, context.Document, method, path, conditional, writes, paged, anonymous);
    }

    private static void DescribeParameters(OpenApiOperation operation, string path, string method, bool conditional, bool writes)
    {
        var parameters = operation.Parameters!;
        foreach (var routeName in RouteParameter().Matches(path).Select(m => m.Groups["name"].Value))
        {
            if (!parameters.Any(p => p.In == ParameterLocation.Path && string.Equals(p.Name, routeName, StringComparison.OrdinalIgnoreCase)))
            {
                parameters.Insert(0, new OpenApiParameter { Name = routeName, In = ParameterLocation.Path, Required = true, Schema = new OpenApiSchema { Type = JsonSchemaType.String } });
            }
        }

        foreach (var parameter in parameters.OfType<OpenApiParameter>())
        {
            Describe(parameter);
        }

        if (conditional && method == "GET")
        {
            parameters.Add(Header(HeaderNames.IfNoneMatch, "ETag ที่อ่านไว้ ถ้าไม่เปลี่ยนได้ 304 (an ETag read before: 304 Not Modified when it is still current)", "\"0f8c2d5e4b7a4c1e9d3f6a8b2c4e6f80\""));
        }

        if (conditional && writes)
        {
            parameters.Add(Header(HeaderNames.IfMatch, "ETag ที่อ่านไว้ หรือ * (the ETag read, or * for whatever is current); required unless a PUT creates with If-None-Match: *", "\"0f8c2d5e4b7a4c1e9d3f6a8b2c4e6f80\""));
            if (method == "PUT")
            {
                parameters.Add(Header(HeaderNames.IfNoneMatch, "* เมื่อ PUT สร้างรายการใหม่ (* when the PUT creates: only if absent)", "*"));
            }
        }
    }

    private static OpenApiParameter Header(string name, string description, string example) => new()
    {
        Name = name, In = ParameterLocation.Header, Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String }, Example = example,
    };

    /// <summary>The API's parameters have one meaning wherever they appear (docs/api.md).</summary>
    private static void Describe(OpenApiParameter parameter)
    {
        var schema = parameter.Schema as OpenApiSchema;
        switch (parameter.Name)
        {
            case "tenant":
                parameter.Description ??= "รหัส อปท. ในที่อยู่ (the LAO tenant's identifier, as in /t/{tenant} of the web pages)";
                parameter.Example = "wiangha";
                break;
            case "id":
                parameter.Description ??= "รหัสของรายการ (the row's id)";
                parameter.Example = "3f2b8c1e-6a4d-4e0f-9b7a-2c5d8e1f4a60";
                break;
            case "code":
                parameter.Description ??= "รหัสจังหวัด (the province's code)";
                parameter.Example = "57";
                break;
            case "year":
                parameter.Description ??= "ปี พ.ศ. (a Buddhist Era year: the fiscal year for measures, the assessment year for disclosures and checks)";
                parameter.Example = 2570;
                if (schema is not null)
                {
                    schema.Minimum = FiscalYear.MinBuddhistYear.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    schema.Maximum = FiscalYear.MaxBuddhistYear.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                break;
            case "limit":
                parameter.Description ??= $"จำนวนแถวต่อหน้า (rows per page, 1–{PageRequest.MaxLimit}, default {PageRequest.DefaultLimit})";
                parameter.Example = 100;
                if (schema is not null)
                {
                    schema.Minimum = "1";
                    schema.Maximum = PageRequest.MaxLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    schema.Default = PageRequest.DefaultLimit;
                }

                break;
            case "cursor":
                parameter.Description ??= "ค่าจากลิงก์ rel=\"next\" ของหน้าก่อน (opaque: taken from the previous page's Link rel=\"next\"; never built by hand)";
                break;
            case "sort":
                parameter.Description ??= $"ลำดับ: ลำดับปกติของรายการ หรือ {ApiPaging.ByUpdate} (the list's natural order, or {ApiPaging.ByUpdate}: oldest change first, for syncs)";
                parameter.Example = ApiPaging.ByUpdate;
                break;
            case "updatedSince":
                parameter.Description ??= "เฉพาะที่เปลี่ยนหลังเวลานี้ (only rows changed after this instant, ISO 8601)";
                parameter.Example = "2026-12-01T03:00:00Z";
                break;
            case "Idempotency-Key":
                parameter.Description ??= "UUID ที่ผู้เรียกสร้าง ส่งซ้ำแล้วไม่สร้างซ้ำ (a UUID of the caller's: a repeat gets 409 with the first row's id)";
                parameter.Example = "6c1f0a9e-2b3d-4f5a-8e7c-9d0b1a2c3e4f";
                if (schema is not null)
                {
                    schema.Format = "uuid";
                }

                break;
        }
    }

    private static void DescribeResponses(
        OpenApiOperation operation, OpenApiDocument? document, string method, string path, bool conditional, bool writes, bool paged, bool anonymous)
    {
        var responses = operation.Responses ??= [];
        if (method == "DELETE" && responses.TryGetValue("200", out var ok) && ok.Content is not { Count: > 0 })
        {
            responses.Remove("200");
            responses["204"] = new OpenApiResponse { Description = "ลบแล้ว (deleted)" };
        }

        foreach (var (status, response) in responses.Where(r => r.Key.StartsWith('2')).ToList())
        {
            if (response is not OpenApiResponse success)
            {
                continue;
            }

            success.Headers ??= new Dictionary<string, IOpenApiHeader>();
            if (conditional && status is "200" or "201")
            {
                success.Headers[HeaderNames.ETag] = HeaderOf("รุ่นของข้อมูล ส่งกลับใน If-Match หรือ If-None-Match (the version: send it back in If-Match or If-None-Match)");
            }

            if (paged && status == "200")
            {
                success.Headers[HeaderNames.Link] = HeaderOf("<…&cursor=…>; rel=\"next\" เมื่อยังมีหน้าถัดไป (the next page, while there is one)");
            }

            if (status is "201" or "202")
            {
                success.Headers[HeaderNames.Location] = HeaderOf("ที่อยู่ของรายการ (where the row is)");
            }
        }

        if (conditional && method == "GET")
        {
            responses["304"] = new OpenApiResponse { Description = "ไม่เปลี่ยนแปลงตั้งแต่ ETag ใน If-None-Match (not modified)" };
        }

        var problems = new List<(string Status, string Text)> { ("400", "คำขอไม่ถูกต้อง: parameter บอกสิ่งที่ผิด หรือ errors รายช่อง (malformed input names its parameter; field validation lists errors)") };
        if (!anonymous)
        {
            problems.Add(("401", "ไม่มีโทเค็นหรือคุกกี้ที่ใช้ได้ (no valid token or session; see WWW-Authenticate)"));
            problems.Add(("403", "ขอบเขตโทเค็นหรือบทบาทไม่พอ (the token's scopes or the caller's role do not allow this)"));
        }

        if (path.Contains('{', StringComparison.Ordinal))
        {
            problems.Add(("404", "ไม่พบ หรือเป็นของ อปท. อื่น (not found, or another LAO's: the two are indistinguishable)"));
        }

        if (operation.Parameters!.Any(p => p.Name == "Idempotency-Key"))
        {
            problems.Add(("409", "ส่ง Idempotency-Key ซ้ำ: existingId คือรายการที่สร้างไว้ (a repeated Idempotency-Key; existingId is the row it created)"));
        }

        if (conditional && writes)
        {
            problems.Add(("412", "ETag ไม่ใช่รุ่นปัจจุบัน ไม่มีการเขียน: currentVersion คือรุ่นปัจจุบัน (stale If-Match, or If-None-Match: * when it exists; nothing written)"));
            problems.Add(("428", "ไม่ได้ส่ง If-Match (no If-Match or If-None-Match: *)"));
        }

        foreach (var (status, text) in problems)
        {
            responses.TryAdd(status, new OpenApiResponse
            {
                Description = text,
                Headers = status == "401" ? new Dictionary<string, IOpenApiHeader> { [HeaderNames.WWWAuthenticate] = HeaderOf("Bearer (RFC 6750)") } : null,
                Content = new Dictionary<string, OpenApiMediaType> { [ProblemJson] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, document) } },
            });
        }
    }

    private static OpenApiHeader HeaderOf(string description) => new() { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };

    /// <summary>The scopes and tenant roles of the endpoint's policies, read from the policies themselves.</summary>
    private static async Task<(List<string> Scopes, bool AnyOneScope, List<string> Roles, bool Anonymous)> RequirementsAsync(IList<object> metadata, IServiceProvider services)
    {
        var authorize = metadata.OfType<IAuthorizeData>().ToList();
        if (metadata.OfType<IAllowAnonymous>().Any() || (authorize.Count == 0 && !metadata.OfType<AuthorizationPolicy>().Any()))
        {
            return ([], false, [], true);
        }

        var provider = services.GetRequiredService<IAuthorizationPolicyProvider>();
        var policy = await AuthorizationPolicy.CombineAsync(provider, authorize, metadata.OfType<AuthorizationPolicy>());
        var requirements = policy?.Requirements ?? [];
        // One requirement with alternatives (dashboards:read or reports:read) lists each; the description says "one of".
        var scopes = requirements.OfType<ScopeRequirement>().SelectMany(r => r.AnyOf).Distinct().Order(StringComparer.Ordinal).ToList();
        var roles = requirements.OfType<TenantRoleRequirement>().Select(r => r.MinimumRole).Distinct().Order().Select(r => r.ToString())
            .Concat(requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles)).ToList();
        var anyOne = requirements.OfType<ScopeRequirement>().Any(r => r.Alternatives.Length > 0);
        return (scopes, anyOne, roles, false);
    }

    private static string OperationIdFrom(string method, string path) =>
        method[0] + method[1..].ToLowerInvariant() + string.Concat(path.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Where(s => s is not ("api" or "v1" or "t") && !s.StartsWith('{'))
            .Select(s => string.Concat(s.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]))));

    private static string Words(string operationId) => string.Join(' ', Word().Matches(operationId).Select(m => m.Value.ToLowerInvariant()));

    [GeneratedRegex(@"\{(?<name>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex RouteParameter();

    [GeneratedRegex("[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")]
    private static partial Regex Word();
}
