using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Infrastructure.Audit;

namespace WiangHa.Platform.Web.Common;

/// <summary>The audit pages' query string: <c>?action=&amp;person=&amp;from=1/12/2569&amp;to=&amp;page=</c> (days in Buddhist Era).</summary>
public sealed class AuditQuery
{
    // From the query string only: Razor Pages keep the page's own name in the route value "page".
    [FromQuery(Name = "action")]
    public string? Action { get; set; }

    [FromQuery(Name = "person")]
    public Guid? Person { get; set; }

    [FromQuery(Name = "from")]
    public string? From { get; set; }

    [FromQuery(Name = "to")]
    public string? To { get; set; }

    [FromQuery(Name = "page")]
    public int? Page { get; set; }

    /// <summary>The filter, or null with a Thai message beside the date that is not a day.</summary>
    public AuditFilter? ToFilter(ModelStateDictionary modelState)
    {
        var from = Day(From, nameof(From), modelState);
        var to = Day(To, nameof(To), modelState);
        return modelState.IsValid ? new AuditFilter(Action, Person, from, to, Math.Max(Page ?? 1, 1)) : null;
    }

    /// <summary>This query on another page, for the pager's links ("?action=…&amp;page=2").</summary>
    public string Href(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["action"] = Action, ["person"] = Person?.ToString(), ["from"] = From, ["to"] = To, ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();

    private static DateOnly? Day(string? text, string field, ModelStateDictionary modelState)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (ThaiDate.TryParse(text, out var day))
        {
            return day;
        }

        modelState.AddModelError(field, $"วันที่ต้องเขียนแบบ {ThaiDate.Pattern} ปีเป็น พ.ศ. เช่น 1/12/2569");
        return null;
    }
}

/// <summary>What the shared audit partial shows: the filter, one page of rows in words, the pager.</summary>
public sealed record AuditTrailView(AuditQuery Query, AuditTrailPage? Page, IReadOnlyList<AuditRow> Rows, IReadOnlyList<AuditPerson> People, bool ForOperator);
