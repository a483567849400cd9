using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using MiniExcelLibs;
using WiangHa.Platform.Domain.Ita;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Common;

namespace WiangHa.Platform.Infrastructure.Ita;

public enum CatalogueFileFormat
{
    Json = 1,
    Xlsx = 2,
}

/// <summary>A file read into a catalogue, or the reasons it could not be (Thai, one per problem).</summary>
public sealed record CatalogueParseResult(ItaCatalogue? Catalogue, IReadOnlyList<string> Errors)
{
    public static CatalogueParseResult Failed(params string[] errors) => new(null, errors);
}

/// <summary>The two file formats operators import: the catalogue JSON (as shipped) and an Excel workbook.</summary>
public static class ItaCatalogueFormats
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = false,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static CatalogueFileFormat? FormatOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".json" => CatalogueFileFormat.Json,
        ".xlsx" => CatalogueFileFormat.Xlsx,
        _ => null,
    };

    /// <param name="cancellationToken">Also the parse-time budget of an XLSX: the caller cancels it when the time is up.</param>
    public static CatalogueParseResult Parse(Stream content, CatalogueFileFormat format, CancellationToken cancellationToken = default) => format switch
    {
        CatalogueFileFormat.Json => ParseJson(content),
        _ => ParseXlsx(content, cancellationToken),
    };

    public static string ToJson(ItaCatalogue catalogue) => JsonSerializer.Serialize(catalogue, JsonOptions);

    public static ItaCatalogue FromStoredJson(string json) =>
        JsonSerializer.Deserialize<ItaCatalogue>(json, JsonOptions) ?? throw new InvalidOperationException("Stored catalogue is empty.");

    public static CatalogueParseResult ParseJson(Stream content)
    {
        try
        {
            var catalogue = JsonSerializer.Deserialize<ItaCatalogue>(content, JsonOptions);
            if (catalogue is null)
            {
                return CatalogueParseResult.Failed("ไฟล์ JSON ว่างเปล่า");
            }

            return HasNullEntries(catalogue)
                ? CatalogueParseResult.Failed("ไฟล์ JSON มีรายการว่าง (null) ในรายการตัวชี้วัด ข้อ องค์ประกอบ หรือปฏิทิน กรุณาลบรายการว่างออก")
                : new CatalogueParseResult(catalogue, []);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (บรรทัด {(line + 1).ToString(CultureInfo.InvariantCulture)})" : "";
            return CatalogueParseResult.Failed($"อ่านไฟล์ JSON ไม่ได้{where}: {e.Path} — {FirstLine(e.Message)}");
        }
    }

    /// <summary>JSON <c>null</c> where a list or list entry belongs (the validator expects whole trees).</summary>
    private static bool HasNullEntries(ItaCatalogue catalogue) =>
        catalogue.Indicators is null || catalogue.Milestones is null || catalogue.Scoring?.Tiers is null || catalogue.UnknownItems is null
        || catalogue.Milestones.Any(m => m is null) || catalogue.Scoring.Tiers.Any(t => t is null)
        || catalogue.Indicators.Any(i => i is null || i.SubIndicators is null || i.SubIndicators.Any(s =>
            s is null || s.Items is null || s.Items.Any(item => item is null || item.Elements is null || item.AppliesTo is null || item.Elements.Any(e => e is null))));

    // ---- XLSX: sheets "manual" (key, value), "items", "tiers", "milestones"; the header row names the columns. ----

    private static readonly string[] ItemColumns =
        ["indicator", "indicatorTitle", "subIndicator", "subIndicatorTitle", "code", "title", "kind", "confirmed", "elements", "dataYearOffset", "dataYearText", "appliesTo"];

    /// <summary>Columns a workbook may lack (templates written before they existed).</summary>
    private const string RequirementColumn = "requirement";

    public static CatalogueParseResult ParseXlsx(Stream content, CancellationToken cancellationToken = default)
    {
        List<string> sheets;
        var buffer = new MemoryStream();
        try
        {
            content.CopyTo(buffer);
            buffer.Position = 0;
            UploadBudget.OfficeFile.Check(buffer, cancellationToken);
            sheets = MiniExcel.GetSheetNames(buffer);
        }
        catch (UploadBudgetException e)
        {
            return CatalogueParseResult.Failed(e.Message);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or System.Xml.XmlException or ArgumentException)
        {
            return CatalogueParseResult.Failed("อ่านไฟล์ Excel (.xlsx) ไม่ได้ — ไฟล์เสียหรือไม่ใช่ไฟล์ .xlsx");
        }

        var errors = new List<string>();
        foreach (var required in new[] { "manual", "items" })
        {
            if (!sheets.Contains(required))
            {
                errors.Add($"ไฟล์ Excel ไม่มีแผ่นงาน \"{required}\"");
            }
        }

        if (errors.Count > 0)
        {
            return new CatalogueParseResult(null, errors);
        }

        try
        {
            return ParseSheets(buffer, sheets, errors, cancellationToken);
        }
        catch (UploadBudgetException e)
        {
            return CatalogueParseResult.Failed(e.Message);
        }
    }

    private static CatalogueParseResult ParseSheets(MemoryStream buffer, List<string> sheets, List<string> errors, CancellationToken cancellationToken)
    {
        var manual = Rows(buffer, "manual", cancellationToken).ToDictionary(r => Cell(r, "key") ?? "", r => Cell(r, "value"), StringComparer.OrdinalIgnoreCase);
        var year = ParseInt(manual.GetValueOrDefault("year"), "manual: year", errors) ?? 0;
        var passMark = ParseDecimal(manual.GetValueOrDefault("passMark"), "manual: passMark", errors) ?? 85m;

        var indicators = new List<ItaIndicator>();
        var rowNumber = 1;
        foreach (var row in Rows(buffer, "items", cancellationToken))
        {
            rowNumber++;
            var where = $"items แถว {rowNumber.ToString(CultureInfo.InvariantCulture)}";
            var missing = ItemColumns.Where(c => !row.ContainsKey(c)).ToList();
            if (missing.Count > 0)
            {
                errors.Add($"แผ่นงาน items ไม่มีคอลัมน์ {string.Join(", ", missing)}");
                break;
            }

            var indicatorCode = Cell(row, "indicator") ?? "";
            var indicator = indicators.FirstOrDefault(i => i.Code == indicatorCode);
            if (indicator is null)
            {
                indicator = new ItaIndicator { Code = indicatorCode, Title = Cell(row, "indicatorTitle") ?? "" };
                indicators.Add(indicator);
            }

            var subCode = Cell(row, "subIndicator") ?? "";
            var sub = indicator.SubIndicators.FirstOrDefault(s => s.Code == subCode);
            if (sub is null)
            {
                sub = new ItaSubIndicator { Code = subCode, Title = Cell(row, "subIndicatorTitle") ?? "" };
                indicator.SubIndicators.Add(sub);
            }

            var kindText = Cell(row, "kind");
            var kind = ItaItemKind.Disclosure;
            if (kindText is not null && !Enum.TryParse(kindText, ignoreCase: true, out kind))
            {
                errors.Add($"{where}: ประเภทข้อ (kind) \"{kindText}\" ไม่รู้จัก (ใช้ Disclosure, Measures หรือ MeasuresReport)");
            }

            var appliesTo = new List<OrganisationType>();
            foreach (var name in (Cell(row, "appliesTo") ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries))
            {
                if (Enum.TryParse<OrganisationType>(name, ignoreCase: true, out var type) && Enum.IsDefined(type))
                {
                    appliesTo.Add(type);
                }
                else
                {
                    errors.Add($"{where}: ประเภท อปท. \"{name}\" ไม่รู้จัก");
                }
            }

            var offset = ParseInt(Cell(row, "dataYearOffset"), where + " dataYearOffset", errors);
            sub.Items.Add(new ItaItem
            {
                Code = Cell(row, "code") ?? "",
                Title = Cell(row, "title") ?? "",
                Kind = kind,
                Confirmed = ParseBool(Cell(row, "confirmed")),
                RequirementClause = Cell(row, RequirementColumn),
                // One element per line; a line starting with "?" is not confirmed against the manual.
                Elements = (Cell(row, "elements") ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(line => line.StartsWith('?') ? new ItaElement { Text = line[1..].Trim(), Confirmed = false } : new ItaElement { Text = line, Confirmed = true })
                    .ToList(),
                DataYear = offset is { } o ? new ItaDataYearRule { Offset = o, Text = Cell(row, "dataYearText") } : null,
                AppliesTo = appliesTo,
            });
        }

        var tiers = sheets.Contains("tiers")
            ? Rows(buffer, "tiers", cancellationToken).Select(r => new ItaRatingTier { Name = Cell(r, "name") ?? "", MinScore = ParseDecimal(Cell(r, "minScore"), "tiers: minScore", errors) ?? 0, Confirmed = ParseBool(Cell(r, "confirmed")) }).ToList()
            : [];
        var milestones = sheets.Contains("milestones")
            ? Rows(buffer, "milestones", cancellationToken).Select(r => new ItaMilestone { Title = Cell(r, "title") ?? "", From = ParseDate(Cell(r, "from"), errors), To = ParseDate(Cell(r, "to"), errors), Confirmed = ParseBool(Cell(r, "confirmed")) }).ToList()
            : [];

        if (errors.Count > 0)
        {
            return new CatalogueParseResult(null, errors);
        }

        return new CatalogueParseResult(new ItaCatalogue
        {
            Year = year,
            Title = manual.GetValueOrDefault("title") ?? "",
            Source = manual.GetValueOrDefault("source"),
            Indicators = indicators,
            Scoring = new ItaScoring { PassMark = passMark, Tiers = tiers },
            Milestones = milestones,
            // Unstated means complete, as in JSON; a fragment says "complete: false" and lists what it lacks.
            Complete = manual.GetValueOrDefault("complete") is not { } complete || ParseBool(complete),
            UnknownItems = [.. (manual.GetValueOrDefault("unknownItems") ?? "").Split([',', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        }, []);
    }

    /// <summary>Writes a catalogue as the workbook <see cref="ParseXlsx"/> reads (the operators' template).</summary>
    public static byte[] ToXlsx(ItaCatalogue catalogue)
    {
        var manual = new List<Dictionary<string, object?>>
        {
            new() { ["key"] = "year", ["value"] = catalogue.Year.ToString(CultureInfo.InvariantCulture) },
            new() { ["key"] = "title", ["value"] = catalogue.Title },
            new() { ["key"] = "source", ["value"] = catalogue.Source ?? "" },
            new() { ["key"] = "passMark", ["value"] = catalogue.Scoring.PassMark.ToString(CultureInfo.InvariantCulture) },
            new() { ["key"] = "complete", ["value"] = catalogue.Complete ? "true" : "false" },
            new() { ["key"] = "unknownItems", ["value"] = string.Join(", ", catalogue.UnknownItems) },
        };
        var items = catalogue.Indicators.SelectMany(i => i.SubIndicators.SelectMany(s => s.Items.Select(item => new Dictionary<string, object?>
        {
            ["indicator"] = i.Code,
            ["indicatorTitle"] = i.Title,
            ["subIndicator"] = s.Code,
            ["subIndicatorTitle"] = s.Title,
            ["code"] = item.Code,
            ["title"] = item.Title,
            ["kind"] = item.Kind.ToString(),
            ["confirmed"] = item.Confirmed ? "true" : "false",
            [RequirementColumn] = item.RequirementClause ?? "",
            ["elements"] = string.Join("\n", item.Elements.Select(e => e.Confirmed ? e.Text : "? " + e.Text)),
            ["dataYearOffset"] = item.DataYear?.Offset.ToString(CultureInfo.InvariantCulture) ?? "",
            ["dataYearText"] = item.DataYear?.Text ?? "",
            ["appliesTo"] = string.Join(",", item.AppliesTo),
        }))).ToList();
        var tiers = catalogue.Scoring.Tiers.Select(t => new Dictionary<string, object?>
        {
            ["name"] = t.Name, ["minScore"] = t.MinScore.ToString(CultureInfo.InvariantCulture), ["confirmed"] = t.Confirmed ? "true" : "false",
        }).ToList();
        var milestones = catalogue.Milestones.Select(m => new Dictionary<string, object?>
        {
            ["title"] = m.Title, ["from"] = m.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            ["to"] = m.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", ["confirmed"] = m.Confirmed ? "true" : "false",
        }).ToList();
        var sheets = new Dictionary<string, object> { ["manual"] = manual, ["items"] = items, ["tiers"] = tiers, ["milestones"] = milestones };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    /// <summary>The sheet's rows with data, read one at a time and refused past the upload budget's row caps.</summary>
    private static List<IDictionary<string, object?>> Rows(MemoryStream buffer, string sheet, CancellationToken cancellationToken)
    {
        var budget = UploadBudget.OfficeFile;
        buffer.Position = 0;
        var rows = new List<IDictionary<string, object?>>();
        var scanned = 0;
        foreach (IDictionary<string, object?> row in buffer.Query(useHeaderRow: true, sheetName: sheet))
        {
            if (++scanned > budget.MaxScannedRows)
            {
                throw new UploadBudgetException(budget.TooManyRowsMessage);
            }

            if (scanned % 256 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (!row.Values.Any(v => v is not null && !string.IsNullOrWhiteSpace(Convert.ToString(v, CultureInfo.InvariantCulture))))
            {
                continue;
            }

            if (rows.Count >= budget.MaxRows)
            {
                throw new UploadBudgetException(budget.TooManyRowsMessage);
            }

            rows.Add(row);
        }

        return rows;
    }

    private static string? Cell(IDictionary<string, object?> row, string column) =>
        row.TryGetValue(column, out var value) && value is not null && Convert.ToString(value, CultureInfo.InvariantCulture) is { Length: > 0 } text
            ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim()
            : null;

    private static int? ParseInt(string? text, string where, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value == Math.Truncate(value))
        {
            return (int)value;
        }

        errors.Add($"{where}: \"{text}\" ไม่ใช่จำนวนเต็ม");
        return null;
    }

    private static decimal? ParseDecimal(string? text, string where, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add($"{where}: \"{text}\" ไม่ใช่ตัวเลข");
        return null;
    }

    private static DateOnly? ParseDate(string? text, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text[..Math.Min(10, text.Length)], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dateTime))
        {
            return DateOnly.FromDateTime(dateTime);
        }

        errors.Add($"milestones: วันที่ \"{text}\" ไม่ถูกต้อง (ใช้รูปแบบ ค.ศ. yyyy-MM-dd)");
        return null;
    }

    private static bool ParseBool(string? text) =>
        text is not null && (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text is "1" or "ใช่" or "ยืนยัน");

    private static string FirstLine(string message) => message.Split('\n')[0];
}
