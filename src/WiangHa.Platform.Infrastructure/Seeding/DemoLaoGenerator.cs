using System.Globalization;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Domain.Compliance;
using WiangHa.Platform.Domain.Dashboards;
using WiangHa.Platform.Domain.Ita;
using WiangHa.Platform.Domain.Measures;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Compliance;
using WiangHa.Platform.Infrastructure.Dashboards;
using WiangHa.Platform.Infrastructure.Ita;

namespace WiangHa.Platform.Infrastructure.Seeding;

/// <summary>One generated LAO: its rows and its past nights' run summaries, none of them saved yet.</summary>
public sealed class GeneratedLao(RegisteredLao entry, Organisation organisation, Readiness intended)
{
    public RegisteredLao Entry => entry;
    public Organisation Organisation => organisation;

    /// <summary>What the generator aimed at; the real engine's run of the generated data decides.</summary>
    public Readiness Intended => intended;

    public List<OrgUnit> Units { get; } = [];
    public List<Measure> Measures { get; } = [];
    public List<ItemDisclosure> Disclosures { get; } = [];
    public List<LinkCheck> LinkChecks { get; } = [];

    /// <summary>Past nights' runs: summaries only (scores and counts), as the retention policy keeps old runs.</summary>
    public List<(DateOnly Night, ComplianceRun Run)> History { get; } = [];

    /// <summary>The standing each past run would have written that night: what the night's province figures count.</summary>
    public IEnumerable<(DateOnly Night, LaoStanding Standing)> NightlyStandings()
    {
        foreach (var (night, run) in History)
        {
            var standing = new LaoStanding
            {
                OrganisationId = organisation.Id, AssessmentYear = run.AssessmentYear, ProvinceCode = organisation.ProvinceCode, DistrictCode = organisation.DistrictCode,
            };
            LaoStandingWriter.Apply(standing, organisation, run, [], Measures, null, night);
            yield return (night, standing);
        }
    }
}

/// <summary>
/// Plausible demo data for any LAO of the DLA registry, the same for the Chiang Rai demo and the national load.
/// Deterministic: every draw comes from a <see cref="Random"/> seeded by the LAO's DLA code, so a LAO looks the same in
/// every database (only instants move with the clock). Most LAOs are ready, about a third at risk (items missing,
/// answered "ไม่มี" or with broken links; measures late; measures lacking what the measures items ask for), a few not
/// started (onboarded, nothing entered). The LAOs work on the two newest published manuals; measures are those of the
/// fiscal years the manuals' measures and report items ask for, linked to those items.
/// </summary>
public sealed class DemoLaoGenerator
{
    /// <summary>Every generated LAO starts with these units, as the hand-made demo LAOs do.</summary>
    public static readonly IReadOnlyList<string> StandardUnits = ["สำนักปลัด", "กองคลัง", "กองช่าง", "กองการศึกษาฯ"];

    // Shares of the intended readiness, in percent; the rest are not started.
    private const int ReadyShare = 59;
    private const int AtRiskShare = 37;

    private const string Monitoring = "รายงานผลการดำเนินการต่อผู้บริหารท้องถิ่น รอบ ๖ เดือน และรอบ ๑๒ เดือน";

    private static readonly (string Title, string[] Steps, string[] Results, string Outcome)[] MeasurePool =
    [
        ("ประกาศเจตจำนงสุจริตของผู้บริหารและเผยแพร่ต่อสาธารณะ",
            ["ผู้บริหารลงนามประกาศเจตจำนงสุจริต", "เผยแพร่ประกาศบนเว็บไซต์หลักและบอร์ดประชาสัมพันธ์"],
            ["ผู้บริหารลงนามประกาศเจตจำนงสุจริตแล้ว", "เผยแพร่บนเว็บไซต์หลักของหน่วยงาน"], "บุคลากรและประชาชนรับทราบเจตจำนงสุจริตของผู้บริหาร"),
        ("ขับเคลื่อนนโยบายไม่รับของขวัญ (No Gift Policy) ในทุกเทศกาล",
            ["จัดทำประกาศนโยบายไม่รับของขวัญ", "ประชาสัมพันธ์แก่บุคลากรและผู้มาติดต่อ"],
            ["ประกาศนโยบายและรณรงค์ ๒ ครั้ง"], "ไม่มีรายงานการรับของขวัญที่ขัดต่อนโยบาย"),
        ("เผยแพร่แผนและผลการจัดซื้อจัดจ้างรายเดือนบนเว็บไซต์หลัก",
            ["สรุปผลการจัดซื้อจัดจ้างทุกเดือน", "เผยแพร่ภายในวันที่ ๑๐ ของเดือนถัดไป"],
            ["เผยแพร่สรุปผลการจัดซื้อจัดจ้างครบ ๑๒ เดือน"], "ประชาชนตรวจสอบการจัดซื้อจัดจ้างได้ทุกเดือน"),
        ("จัดทำคู่มือการปฏิบัติงานและคู่มือสำหรับประชาชน และเผยแพร่บนเว็บไซต์",
            ["ทบทวนคู่มือการปฏิบัติงานทุกกอง", "จัดทำคู่มือสำหรับประชาชนตามพระราชบัญญัติการอำนวยความสะดวก"],
            ["เผยแพร่คู่มือ ๑๒ เรื่อง"], "ผู้รับบริการทราบขั้นตอนและระยะเวลาการให้บริการ"),
        ("เปิดช่องทางรับเรื่องร้องเรียนการทุจริตออนไลน์ และรายงานผลการจัดการทุกไตรมาส",
            ["จัดทำแบบฟอร์มร้องเรียนออนไลน์", "รายงานสถิติเรื่องร้องเรียนทุกไตรมาส"],
            ["รายงานสถิติเรื่องร้องเรียนครบ ๔ ไตรมาส"], "เรื่องร้องเรียนได้รับการจัดการภายในกำหนด"),
        ("ประเมินความเสี่ยงการทุจริตและจัดทำแผนบริหารจัดการความเสี่ยง",
            ["ประชุมคณะทำงานประเมินความเสี่ยง", "จัดทำแผนบริหารจัดการความเสี่ยงและติดตามผล"],
            ["จัดทำแผนบริหารจัดการความเสี่ยง ๑ ฉบับ", "ติดตามผลรอบ ๖ เดือน"], "ความเสี่ยงการทุจริตที่ระบุได้รับการจัดการครบ"),
        ("อบรมบุคลากรเรื่องผลประโยชน์ทับซ้อนและประมวลจริยธรรม",
            ["จัดอบรมบุคลากรทุกระดับ", "ประเมินความรู้ก่อนและหลังการอบรม"],
            ["อบรมบุคลากรร้อยละ ๙๕"], "บุคลากรเข้าใจและปฏิบัติตามประมวลจริยธรรม"),
        ("เปิดโอกาสให้ประชาชนมีส่วนร่วมในการจัดทำแผนพัฒนาท้องถิ่นและติดตามผล",
            ["จัดเวทีประชาคมหมู่บ้าน", "เผยแพร่ผลการมีส่วนร่วมบนเว็บไซต์"],
            ["จัดเวทีประชาคมครบทุกหมู่บ้าน"], "แผนพัฒนาท้องถิ่นสะท้อนความต้องการของประชาชน"),
    ];

    private enum Risk
    {
        None,
        BelowPassMark,
        LateMeasures,
        WeakMeasures,
    }

    private readonly IReadOnlyList<ManualVersionView> _published;
    private readonly DemoSeason _season;
    private readonly DateTimeOffset _now;
    private readonly List<int> _measureYears;

    /// <param name="published">The published manuals, newest first: LAOs work on the first two (this year's and last year's).</param>
    public DemoLaoGenerator(IReadOnlyList<ManualVersionView> published, DemoSeason season, DateTimeOffset now)
    {
        _published = published;
        _season = season;
        _now = now;
        _measureYears = published.Take(2).SelectMany(m => MeasureItems(m).Select(i => i.FiscalYear)).Distinct().Order().ToList();
    }

    public static string SlugFor(string dlaCode) => "lao-" + dlaCode;

    public GeneratedLao Generate(RegisteredLao entry)
    {
        var random = new Random(int.Parse(entry.DlaCode, CultureInfo.InvariantCulture));
        var roll = random.Next(100);
        var intended = roll < ReadyShare ? Readiness.Ready : roll < ReadyShare + AtRiskShare ? Readiness.AtRisk : Readiness.NotStarted;
        var firstNight = _season.LastYearNights.Concat(_season.Nights).DefaultIfEmpty(_season.Today).Min();
        var organisation = new Organisation
        {
            Slug = SlugFor(entry.DlaCode), DlaCode = entry.DlaCode, NameTh = entry.FullName, NameEn = SlugFor(entry.DlaCode), Type = entry.Type,
            ProvinceCode = entry.ProvinceCode, DistrictCode = entry.DistrictCode,
            CreatedAt = intended == Readiness.NotStarted ? _now.AddDays(-1 - random.Next(20)) : DemoSeason.RunTimeOf(firstNight).AddDays(-1 - random.Next(30)),
        };
        var lao = new GeneratedLao(entry, organisation, intended);
        lao.Units.AddRange(StandardUnits.Select((name, i) => new OrgUnit { Name = name, SortOrder = i + 1 }));
        if (intended == Readiness.NotStarted)
        {
            return lao;
        }

        var risk = intended == Readiness.AtRisk ? (Risk)(1 + random.Next(3)) : Risk.None;
        var lastActivity = _now.AddDays(-(intended == Readiness.Ready ? 1 + random.Next(10) : 3 + random.Next(40))).AddMinutes(-random.Next(600));
        AddMeasures(lao, risk, lastActivity, random);
        var site = $"https://www.lao{entry.DlaCode}.go.th";
        foreach (var (manual, isThisYear) in _published.Take(2).Select((m, i) => (m, i == 0)))
        {
            var edited = isThisYear ? lastActivity : lastActivity.AddYears(-1);
            AddDisclosures(lao, manual, site, Failing(manual, risk, isThisYear, random), random.Next(3), edited, random);
            AddHistory(lao, manual, isThisYear, intended, random);
        }

        return lao;
    }

    /// <summary>How many items fail on purpose, by what the LAO aims at and the manual's pass mark.</summary>
    private static int Failing(ManualVersionView manual, Risk risk, bool isThisYear, Random random)
    {
        var items = manual.Catalogue.AllItems().Count();
        var scoring = manual.Catalogue.Scoring;
        var tolerated = (int)(items * (scoring.ItemFullScore - scoring.PassMark) / scoring.ItemFullScore);
        return (risk, isThisYear) switch
        {
            (Risk.BelowPassMark, true) => tolerated + 1 + random.Next(Math.Max(1, items / 4)),
            (Risk.None or Risk.LateMeasures, true) => random.Next(100) < 70 ? 0 : random.Next(tolerated + 1),
            (Risk.WeakMeasures, true) => 0,
            (Risk.None, false) => random.Next(tolerated + 1),
            _ => Math.Max(0, tolerated - 1 + random.Next(4)),
        };
    }

    private void AddMeasures(GeneratedLao lao, Risk risk, DateTimeOffset lastActivity, Random random)
    {
        var newest = _measureYears.Count == 0 ? 0 : _measureYears[^1];
        foreach (var fiscalYear in _measureYears)
        {
            var references = _published.SelectMany(m => MeasureItems(m).Where(i => i.FiscalYear == fiscalYear).Select(i => i.Reference)).ToList();
            var count = 3 + random.Next(3);
            var first = random.Next(MeasurePool.Length);
            var late = risk == Risk.LateMeasures && fiscalYear == newest ? 1 + random.Next(2) : 0;
            for (var number = 1; number <= count; number++)
            {
                var (title, steps, results, outcome) = MeasurePool[(first + number) % MeasurePool.Length];
                var (from, to) = Period(fiscalYear, random);
                var over = RiskRule.IsLate(to.FirstDay, doneOrCancelled: false, _season.Today);
                var status = over ? (number > count - late ? MeasureStatus.InProgress : MeasureStatus.Completed) : random.Next(2) == 0 ? MeasureStatus.Planned : MeasureStatus.InProgress;
                var done = status == MeasureStatus.Completed;
                var updated = lastActivity.AddDays(-random.Next(fiscalYear == newest ? 20 : 60));
                lao.Measures.Add(new Measure
                {
                    FiscalYear = fiscalYear,
                    Number = number,
                    Title = title,
                    AnalysisBasis = number == 1 ? AnalysisBasis.UrgentWeakness : AnalysisBasis.IssueToImprove,
                    Steps = [.. steps],
                    ResponsibleUnits = [lao.Units[(number + first) % lao.Units.Count]],
                    PeriodFrom = from.FirstDay,
                    PeriodTo = to.FirstDay,
                    Status = status,
                    // Weak measures: this year's last one says nothing of its follow-up; last year's second no outcome.
                    Monitoring = risk == Risk.WeakMeasures && fiscalYear == newest && number == count ? null : Monitoring,
                    ResultPoints = done ? [.. results] : [],
                    Outcome = done && !(risk == Risk.WeakMeasures && fiscalYear != newest && number == 2) ? outcome : null,
                    ItaItems = [.. references],
                    CreatedAt = updated.AddDays(-30 - random.Next(60)),
                    UpdatedAt = updated,
                });
            }
        }
    }

    private static (ThaiMonth From, ThaiMonth To) Period(int fiscalYear, Random random) => random.Next(4) switch
    {
        0 => (ThaiMonth.FromBuddhist(fiscalYear - 1, 10), ThaiMonth.FromBuddhist(fiscalYear, 3)),
        1 => (ThaiMonth.FromBuddhist(fiscalYear, 1), ThaiMonth.FromBuddhist(fiscalYear, 9)),
        2 => (ThaiMonth.FromBuddhist(fiscalYear, 4), ThaiMonth.FromBuddhist(fiscalYear, 9)),
        _ => (ThaiMonth.FromBuddhist(fiscalYear - 1, 10), ThaiMonth.FromBuddhist(fiscalYear, 9)),
    };

    private void AddDisclosures(GeneratedLao lao, ManualVersionView manual, string site, int failing, int warnings, DateTimeOffset edited, Random random)
    {
        var year = manual.Year;
        var items = manual.Catalogue.AllItems().Where(i => i.AppliesToType(lao.Organisation.Type)).OrderBy(_ => random.Next()).ToList();
        var shortName = lao.Entry.ShortName;
        for (var index = 0; index < items.Count; index++)
        {
            var item = items[index];
            var url = $"{site}/ita/{year.ToString(CultureInfo.InvariantCulture)}/{item.Code.ToLowerInvariant()}";
            var required = item.DataYear?.FiscalYearFor(year);
            var updatedAt = edited.AddDays(-random.Next(30));
            if (index < failing)
            {
                switch (random.Next(3))
                {
                    case 0:
                        continue; // not filled in yet
                    case 1:
                        lao.Disclosures.Add(new ItemDisclosure
                        {
                            AssessmentYear = year, ItemCode = item.Code, Answer = DisclosureAnswer.No, Explanation = "อยู่ระหว่างจัดทำข้อมูล ยังไม่ได้เผยแพร่", UpdatedAt = updatedAt,
                        });
                        continue;
                }

                AddLink(lao, new LinkCheck { Url = url, Outcome = LinkOutcome.Broken, StatusCode = 404, ContentType = "text/html", FinalUrl = url, Detail = "HTTP 404" });
            }
            else if (index < failing + warnings)
            {
                AddLink(lao, required is { } wanted
                    ? new LinkCheck { Url = url, Outcome = LinkOutcome.Ok, StatusCode = 200, ContentType = "text/html", FinalUrl = url, IsText = true, YearsMentioned = [wanted - 1] }
                    : new LinkCheck { Url = url, Outcome = LinkOutcome.Unreachable, FinalUrl = url, Detail = "เชื่อมต่อไม่ได้" });
            }
            else
            {
                var pdf = random.Next(5) == 0;
                AddLink(lao, new LinkCheck
                {
                    Url = url + (pdf ? ".pdf" : ""), Outcome = LinkOutcome.Ok, StatusCode = 200, ContentType = pdf ? "application/pdf" : "text/html", FinalUrl = url + (pdf ? ".pdf" : ""),
                    IsText = !pdf, Detail = pdf ? "ไม่ใช่หน้าเว็บ (ตรวจปีในเอกสารไม่ได้)" : null, YearsMentioned = pdf ? [] : [required ?? year],
                });
            }

            lao.Disclosures.Add(new ItemDisclosure
            {
                AssessmentYear = year, ItemCode = item.Code, Answer = DisclosureAnswer.Yes, Urls = [lao.LinkChecks[^1].Url],
                Explanation = $"{item.Title} เผยแพร่บนเว็บไซต์หลักของ {shortName}", UpdatedAt = updatedAt,
            });
        }

        void AddLink(GeneratedLao target, LinkCheck check)
        {
            check.CheckedAt = _now.AddDays(-1 - random.Next(7));
            target.LinkChecks.Add(check);
        }
    }

    /// <summary>
    /// Weekly run summaries that rise to what the real engine makes of the generated data: this year's season from the
    /// night the LAO started; last year's manual over last year's season, then steady over this one.
    /// </summary>
    private void AddHistory(GeneratedLao lao, ManualVersionView manual, bool isThisYear, Readiness intended, Random random)
    {
        var final = Final(lao, manual);
        var working = isThisYear ? _season.Nights : _season.LastYearNights;
        var start = working.Count == 0 ? 0 : random.Next(intended == Readiness.Ready ? Math.Min(3, working.Count) : working.Count);
        var nights = working.Count - start;
        var extra = final.Applicable > final.Failed ? 1 + random.Next(final.Applicable - final.Failed) : 0;
        for (var n = 0; n < nights; n++)
        {
            AddRun(lao, manual, working[start + n], Summary(manual, final, final.Failed + (extra * (nights - n) / (nights + 1))), random);
        }

        if (!isThisYear)
        {
            foreach (var night in _season.Nights)
            {
                AddRun(lao, manual, night, final, random);
            }
        }
    }

    /// <summary>The projection the real engine will compute from the generated rows (the same pure rules).</summary>
    private static OitProjection Final(GeneratedLao lao, ManualVersionView manual)
    {
        var disclosures = lao.Disclosures.Where(d => d.AssessmentYear == manual.Year).ToDictionary(d => d.ItemCode, StringComparer.OrdinalIgnoreCase);
        var links = lao.LinkChecks.ToDictionary(l => l.Url, l => l.ToFacts(), StringComparer.Ordinal);
        return ComplianceEvaluation.Evaluate(lao.Organisation.Type, manual, disclosures, lao.Measures, links).Projection;
    }

    /// <summary>A night's figures with <paramref name="failed"/> items failing (the final run's warnings kept where they fit).</summary>
    private static OitProjection Summary(ManualVersionView manual, OitProjection final, int failed)
    {
        var warnings = Math.Min(final.Warnings, final.Applicable - failed);
        var verdicts = Enumerable.Repeat(ComplianceStatus.Fail, failed).Concat(Enumerable.Repeat(ComplianceStatus.Warning, warnings))
            .Concat(Enumerable.Repeat(ComplianceStatus.Pass, final.Applicable - failed - warnings)).Select(s => new ItemVerdict(s, []));
        return OitProjection.From(verdicts, manual.Catalogue.Scoring);
    }

    private static void AddRun(GeneratedLao lao, ManualVersionView manual, DateOnly night, OitProjection figures, Random random)
    {
        var queued = DemoSeason.RunTimeOf(night).AddSeconds(random.Next(600));
        lao.History.Add((night, new ComplianceRun
        {
            Slot = DemoSeason.SlotOf(night), Kind = ComplianceRunKind.Nightly, State = ComplianceRunState.Completed, QueuedAt = queued,
            FinishedAt = queued.AddSeconds(1 + random.Next(20)), AssessmentYear = manual.Year, ManualVersionId = manual.Id, ManualVersionNumber = manual.Number,
            Score = figures.Score, Passes = figures.Passes, Rating = figures.Rating, Applicable = figures.Applicable, Passed = figures.Passed,
            Warnings = figures.Warnings, Failed = figures.Failed,
        }));
    }

    /// <summary>A manual's measures and report items, with the fiscal year whose measures they ask for.</summary>
    private static IEnumerable<(string Reference, int FiscalYear)> MeasureItems(ManualVersionView manual) =>
        manual.Catalogue.AllItems().Where(i => i.Kind != ItaItemKind.Disclosure)
            .Select(i => ($"{manual.Year.ToString(CultureInfo.InvariantCulture)}/{i.Code}", i.DataYear?.FiscalYearFor(manual.Year) ?? manual.Year));
}
