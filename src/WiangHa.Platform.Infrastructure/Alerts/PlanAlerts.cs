using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using WiangHa.Platform.Domain.Alerts;
using WiangHa.Platform.Domain.Dashboards;
using WiangHa.Platform.Domain.Ita;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Ita;

namespace WiangHa.Platform.Infrastructure.Alerts;

/// <summary>
/// The morning's planning, one Bangkok day at a time. The day's occasions are the ITA milestones 30, 14, 7, 3, 1 days
/// ahead or just passed (the operators' policy) and each LAO's measures whose period ends that many days ahead.
/// <list type="bullet">
/// <item>Each LAO the dashboards' <see cref="RiskRule"/> says needs chasing gets one digest of the day per person who
/// receives its alerts (in-app always, email unless switched off) and per LINE or webhook connection of the LAO, listing
/// what still fails with links to each item; an LAO with measures due gets them in the same digest.</item>
/// <item>Each province with LAOs to chase gets one escalation digest per supervisor and province connection, ranked.</item>
/// </list>
/// Rows go to the outbox under unique keys (LAO or province, the day's milestones and lead times, recipient, channel),
/// so planning the same day again — a second firing, another replica, a restart — adds nothing. A year whose manual
/// is not published yet is checked against the newest published one, and the digest says so.
/// </summary>
public sealed class PlanAlerts(
    PlatformDbContext db, MilestoneCalendar calendar, ItaCatalogueQueries catalogues, CrossTenantAlertReads reads,
    IDataProtectionProvider protection, IConfiguration configuration, TimeProvider clock, ILogger<PlanAlerts> logger)
{
    /// <summary>The signed-in preferences page; emails carry a one-click link of their own (<see cref="AlertPreferenceLinks"/>).</summary>
    public const string PreferencesPath = "/notifications/preferences";

    private const int MaxKeyLength = 200;

    public async Task<int> RunAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        var policy = await calendar.PolicyAsync(cancellationToken);
        var year = today.Year + 543;
        var milestones = (await calendar.ForYearAsync(year - 1, cancellationToken))
            .Concat(await calendar.ForYearAsync(year, cancellationToken))
            .Concat(await calendar.ForYearAsync(year + 1, cancellationToken));
        var occasions = AlertSchedule.Due(milestones, policy, today);
        var measures = await reads.MeasuresEndingAsync(policy.LeadDayList.Select(d => today.AddDays(d)).ToList(), cancellationToken);
        var published = await catalogues.PublishedYearsAsync(cancellationToken);
        if ((occasions.Count == 0 && measures.Count == 0) || published.Count == 0)
        {
            return 0;
        }

        // The year the LAOs are chased for: the nearest occasion's, else the assessment year now running.
        var assessmentYear = occasions.Count > 0 ? occasions.MinBy(o => o.Milestone.Date)!.Milestone.AssessmentYear : FocusYear(today);
        var manualYear = published.Where(y => y <= assessmentYear).DefaultIfEmpty(published.Max()).Max();
        var plan = new Plan(today, occasions, assessmentYear, manualYear,
            (await catalogues.PublishedAsync(manualYear, cancellationToken))?.Catalogue, BaseUrl, clock.GetUtcNow());

        var laos = await reads.ActiveLaosAsync(manualYear, cancellationToken);
        var members = await reads.MembersAsync(cancellationToken);
        var connections = await reads.EnabledConnectionsAsync(cancellationToken);
        var measuresByLao = measures.ToLookup(m => m.OrganisationId);
        var messages = new List<AlertMessage>();
        var chased = new List<AlertLao>();
        foreach (var lao in laos)
        {
            var needsChasing = occasions.Count > 0 && RiskRule.NeedsChasing(RiskRule.Classify(onboarded: true, lao.Standing));
            var due = measuresByLao[lao.Id].OrderBy(m => m.PeriodEnd).ThenBy(m => m.Number)
                .Select(m => new MeasureDue(m.FiscalYear, m.Number, m.Title, m.PeriodEnd, m.PeriodEnd.DayNumber - today.DayNumber, $"/t/{lao.Slug}/measures/{m.MeasureId}")).ToList();
            if (needsChasing)
            {
                chased.Add(lao);
            }

            if (needsChasing || due.Count > 0)
            {
                messages.AddRange(LaoMessages(plan, lao, needsChasing, due, members[lao.Id], connections.Where(c => c.OrganisationId == lao.Id)));
            }
        }

        messages.AddRange(await EscalationsAsync(plan, chased, connections, cancellationToken));
        var added = await AddNewAsync(messages, cancellationToken);
        logger.LogInformation("Alerts planned for {Day}: {Occasions} occasions, {Laos} LAOs chased, {Added} new outbox rows", today, occasions.Count, chased.Count, added);
        return added;
    }

    /// <summary>The assessment year whose season is running or next: ITA {BE year} runs January–August of that CE year.</summary>
    private static int FocusYear(DateOnly today) => MilestoneCalendar.AssessmentYearOn(today);

    private string BaseUrl => AlertPreferenceLinks.BaseUrl(configuration);

    private sealed record Plan(
        DateOnly Day, IReadOnlyList<AlertOccasion> Occasions, int AssessmentYear, int ManualYear, ItaCatalogue? Catalogue, string BaseUrl, DateTimeOffset Now)
    {
        /// <summary>"2570.oit-close.7+2570.registration.30", or "measures.2026-12-04" on a day with measures only.</summary>
        public string OccasionKey => Occasions.Count == 0
            ? $"measures.{Day:yyyy-MM-dd}"
            : string.Join('+', Occasions.Select(o => $"{o.Milestone.AssessmentYear}.{o.Milestone.Key}.{o.LeadKey}").Order(StringComparer.Ordinal));
    }

    private IEnumerable<AlertMessage> LaoMessages(
        Plan plan, AlertLao lao, bool needsChasing, List<MeasureDue> measures, IEnumerable<AlertPerson> people, IEnumerable<AlertConnection> connections)
    {
        var failing = needsChasing ? FailingItems(lao, plan) : [];
        var digest = new LaoDigest(needsChasing ? plan.Occasions : [], lao.NameTh, plan.AssessmentYear, plan.ManualYear, failing,
            needsChasing && lao.Standing is null, measures);
        var link = failing.Count > 0 ? failing[0].LinkPath : measures.Count > 0 ? measures[0].LinkPath : $"/t/{lao.Slug}/compliance?year={plan.ManualYear}";
        var scope = $"lao:{lao.Id:N}:{plan.OccasionKey}";
        foreach (var person in people)
        {
            foreach (var channel in person.ByEmail ? [AlertChannel.InApp, AlertChannel.Email] : new[] { AlertChannel.InApp })
            {
                var preferences = channel == AlertChannel.Email ? PreferenceLink(person.UserId) : PreferencesPath;
                var content = AlertText.ForLao(digest, person.English, plan.BaseUrl, preferences);
                yield return Message(plan, scope, $"{person.UserId:N}", channel, content, link, lao.Id, lao.ProvinceCode, person);
            }
        }

        foreach (var connection in connections)
        {
            // A LINE group or a bridge has no person's preferences to point at.
            var content = AlertText.ForLao(digest, english: false, plan.BaseUrl, preferencesPath: null);
            var body = connection.Channel == AlertChannel.Webhook ? AlertWebhookPayload.ForLao(plan.Day, lao, digest, plan.BaseUrl, link) : content.Text;
            yield return Message(plan, scope, $"conn-{connection.Id:N}", connection.Channel, content with { Text = body }, link, lao.Id, lao.ProvinceCode, connection: connection);
        }
    }

    private static List<FailingItem> FailingItems(AlertLao lao, Plan plan) =>
        (lao.Standing?.FailingItemCodes ?? []).Select(code => new FailingItem(code, plan.Catalogue?.FindItem(code)?.Title ?? "",
            $"/t/{lao.Slug}/compliance/{plan.ManualYear}/items/{code}")).ToList();

    /// <summary>Each province with LAOs to chase on a milestone day: one digest per supervisor and province connection.</summary>
    private async Task<List<AlertMessage>> EscalationsAsync(Plan plan, List<AlertLao> chased, IReadOnlyList<AlertConnection> connections, CancellationToken cancellationToken)
    {
        var messages = new List<AlertMessage>();
        if (plan.Occasions.Count == 0 || chased.Count == 0)
        {
            return messages;
        }

        var byProvince = chased.GroupBy(l => l.ProvinceCode).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var supervisors = await reads.SupervisorsAsync(byProvince.Keys, cancellationToken);
        var provinceNames = await reads.ProvinceNamesAsync(cancellationToken);
        foreach (var (code, laos) in byProvince)
        {
            var people = supervisors[code].ToList();
            var provinceConnections = connections.Where(c => c.ProvinceCode == code).ToList();
            if (people.Count == 0 && provinceConnections.Count == 0)
            {
                continue;
            }

            var dashboard = $"/dashboards/provinces/{code}?year={plan.ManualYear}&chase=true";
            var projected = plan.Catalogue?.IsComplete() != false;
            var ranked = laos.OrderBy(l => l.Standing is null ? 0 : 1).ThenBy(l => l.Standing?.Score ?? 0)
                .ThenBy(l => l.NameTh, Dashboards.DashboardQueries.ThaiOrder)
                .Select(l => new LaoAtRisk(l.NameTh, RiskRule.Reason(true, l.Standing, projected) ?? "", projected ? l.Standing?.Score : null, $"/t/{l.Slug}/compliance?year={plan.ManualYear}"))
                .ToList();
            var name = provinceNames.GetValueOrDefault(code, code);
            var scope = $"province:{code}:{plan.OccasionKey}";
            foreach (var person in people)
            {
                foreach (var channel in person.ByEmail ? [AlertChannel.InApp, AlertChannel.Email] : new[] { AlertChannel.InApp })
                {
                    var preferences = channel == AlertChannel.Email ? PreferenceLink(person.UserId) : PreferencesPath;
                    var content = AlertText.ForProvince(plan.Occasions, plan.AssessmentYear, name, ranked, person.English, plan.BaseUrl, dashboard, preferences, projected);
                    messages.Add(Message(plan, scope, $"{person.UserId:N}", channel, content, dashboard, null, code, person));
                }
            }

            foreach (var connection in provinceConnections)
            {
                var content = AlertText.ForProvince(plan.Occasions, plan.AssessmentYear, name, ranked, english: false, plan.BaseUrl, dashboard, preferencesPath: null, projected);
                var body = connection.Channel == AlertChannel.Webhook
                    ? AlertWebhookPayload.ForProvince(plan.Day, code, name, plan.Occasions, plan.AssessmentYear, plan.ManualYear, ranked, plan.BaseUrl, dashboard)
                    : content.Text;
                messages.Add(Message(plan, scope, $"conn-{connection.Id:N}", connection.Channel, content with { Text = body }, dashboard, null, code, connection: connection));
            }
        }

        return messages;
    }

    private static AlertMessage Message(Plan plan, string scope, string recipient, AlertChannel channel, AlertContent content, string link,
        Guid? organisationId, string provinceCode, AlertPerson? person = null, AlertConnection? connection = null) => new()
        {
            IdempotencyKey = Key($"{scope}:{recipient}:{channel}"), Channel = channel, OrganisationId = organisationId, ProvinceCode = provinceCode,
            RecipientUserId = person?.UserId, ConnectionId = connection?.Id,
            Address = channel == AlertChannel.Email ? person!.Email : connection?.Target ?? "",
            Subject = content.Subject, TextBody = content.Text, HtmlBody = channel == AlertChannel.Email ? content.Html : null, LinkPath = link,
            CreatedAt = plan.Now, NextAttemptAt = plan.Now,
        };

    /// <summary>The key as written, or (on a day of many occasions) its scope and a SHA-256 of the rest, so it fits the column.</summary>
    private static string Key(string key) => key.Length <= MaxKeyLength
        ? key
        : $"{key[..100]}#{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))}";

    private string PreferenceLink(Guid userId) => AlertPreferenceLinks.PathFor(protection, clock, userId);

    /// <summary>
    /// Inserts the rows whose keys are new. A concurrent planner's rows win the unique index; ours then step aside. Every
    /// planner inserts in key order, so two of them meeting on the same keys wait for each other instead of deadlocking
    /// (PostgreSQL found the cycle when two planners inserted the same keys in different orders).
    /// </summary>
    private async Task<int> AddNewAsync(List<AlertMessage> messages, CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var chunk in messages.OrderBy(m => m.IdempotencyKey, StringComparer.Ordinal).Chunk(500))
        {
            var keys = chunk.Select(m => m.IdempotencyKey).ToList();
            var existing = (await db.AlertMessages.AsNoTracking().Where(m => keys.Contains(m.IdempotencyKey)).Select(m => m.IdempotencyKey).ToListAsync(cancellationToken))
                .ToHashSet(StringComparer.Ordinal);
            var fresh = chunk.Where(m => !existing.Contains(m.IdempotencyKey)).ToList();
            db.AlertMessages.AddRange(fresh);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                added += fresh.Count;
            }
            catch (Exception e) when (IsConflict(e))
            {
                // Another planner inserted some of these keys in between: add ours one by one, skipping theirs.
                db.ChangeTracker.Clear();
                foreach (var message in fresh)
                {
                    db.AlertMessages.Add(message);
                    try
                    {
                        await db.SaveChangesAsync(cancellationToken);
                        added++;
                    }
                    catch (Exception again) when (IsConflict(again))
                    {
                        db.ChangeTracker.Clear();
                    }
                }
            }

            db.ChangeTracker.Clear();
        }

        return added;
    }

    /// <summary>A refused insert: the unique index (a key another planner wrote first), or that wait ending in a deadlock, which Npgsql reports wrapped as transient.</summary>
    private static bool IsConflict(Exception e) => e is DbUpdateException || e is InvalidOperationException { InnerException: DbUpdateException };
}
