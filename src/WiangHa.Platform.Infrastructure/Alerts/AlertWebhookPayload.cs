using System.Text.Json;
using System.Text.Json.Serialization;
using WiangHa.Platform.Domain.Alerts;

namespace WiangHa.Platform.Infrastructure.Alerts;

/// <summary>
/// The JSON an outgoing webhook receives: stable English field names, Thai values, ISO dates (CE) beside the BE text a
/// bridge can show as it is. Written at planning time into the outbox row, so a retry sends the same bytes; the
/// sender adds the delivery id, timestamp and HMAC signature as headers.
/// </summary>
public static class AlertWebhookPayload
{
    /// <summary>Web defaults with Thai written as it is rather than escaped (six bytes a letter); receivers read either.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string ForLao(DateOnly day, AlertLao lao, LaoDigest digest, string baseUrl, string linkPath) => JsonSerializer.Serialize(new
    {
        type = "lao.deadline-digest",
        day,
        assessmentYear = digest.AssessmentYear,
        manualYear = digest.ManualYear,
        lao = new { id = lao.Id, slug = lao.Slug, name = lao.NameTh, provinceCode = lao.ProvinceCode },
        occasions = Occasions(digest.Occasions),
        notStarted = digest.NotStarted,
        failingItems = digest.Failing.Select(i => new { code = i.Code, title = i.Title, url = baseUrl + i.LinkPath }),
        measuresDue = digest.Measures.Select(m => new { fiscalYear = m.FiscalYear, number = m.Number, title = m.Title, periodEnd = m.PeriodEnd, url = baseUrl + m.LinkPath }),
        url = baseUrl + linkPath,
    }, Json);

    public static string ForProvince(DateOnly day, string provinceCode, string provinceName, IReadOnlyList<AlertOccasion> occasions, int assessmentYear,
        int manualYear, IReadOnlyList<LaoAtRisk> ranked, string baseUrl, string dashboardPath) => JsonSerializer.Serialize(new
    {
        type = "province.escalation-digest",
        day,
        assessmentYear,
        manualYear,
        province = new { code = provinceCode, name = provinceName },
        occasions = Occasions(occasions),
        laosAtRisk = ranked.Select((l, i) => new { rank = i + 1, name = l.Name, reason = l.Reason, projectedScore = l.Score, url = baseUrl + l.LinkPath }),
        url = baseUrl + dashboardPath,
    }, Json);

    private static IEnumerable<object> Occasions(IReadOnlyList<AlertOccasion> occasions) => occasions.Select(o => new
    {
        milestone = o.Milestone.Key,
        name = o.Milestone.NameTh,
        date = o.Milestone.Date,
        dateBe = AlertText.Date(o.Milestone.Date),
        provisional = o.Milestone.Provisional,
        daysBefore = o.IsOverdue ? (int?)null : o.DaysBefore,
        overdue = o.IsOverdue,
    });
}
