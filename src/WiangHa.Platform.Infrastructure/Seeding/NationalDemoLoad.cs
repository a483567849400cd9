using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Seeding;

/// <summary>
/// The <c>load-nation</c> command: every LAO of the DLA registry (7,849) onboarded with the demo generator and a season
/// of runs, for demos and benchmarks, with a progress bar. The embedded default is migrated and gets its demo data
/// first; a configured server database is migrated as the <c>migrate</c> command does. Idempotent: LAOs already
/// onboarded are skipped, so an interrupted load resumes where it stopped. Adds the supervisors' demo sign-ins.
/// </summary>
public sealed class NationalDemoLoad(DatabaseInitializer initializer, DemoLaoLoader loader, DemoDataSeeder demo, PlatformDbContext db)
{
    public async Task RunAsync(TextWriter output, bool interactive, CancellationToken cancellationToken = default)
    {
        if (await initializer.InitializeEmbeddedAsync(cancellationToken) is null)
        {
            await initializer.MigrateAsync(cancellationToken);
        }

        var entries = await db.RegisteredLaos.AsNoTracking().OrderBy(r => r.ProvinceCode).ThenBy(r => r.DlaCode).ToListAsync(cancellationToken);
        output.WriteLine($"โหลด อปท. ทั้งประเทศ (national load): {entries.Count.ToString("N0", CultureInfo.InvariantCulture)} LAOs in the DLA registry");
        var bar = new ConsoleProgressBar(output, interactive);
        var result = await loader.LoadAsync(entries, bar.Report, cancellationToken);
        await demo.AddSupervisorsAsync();
        bar.Finish();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {result.Onboarded:N0} onboarded, {result.Skipped:N0} already there, {result.Runs:N0} runs of today, {result.DayFigures:N0} province-day figures, {result.Elapsed.TotalSeconds:0.0} s"));
        output.WriteLine("Demo sign-ins of the dashboards:");
        foreach (var account in DemoDataSeeder.SupervisorSignIns)
        {
            output.WriteLine($"  {account.Email,-32} {account.Password}   {account.Description}");
        }
    }

    /// <summary>One line redrawn in place (a carriage return); when the output is not a terminal, a line per tenth.</summary>
    private sealed class ConsoleProgressBar(TextWriter output, bool interactive)
    {
        private const int Width = 30;
        private readonly Stopwatch _watch = Stopwatch.StartNew();
        private readonly Lock _lock = new();
        private int _done;
        private int _shown = -1;

        public void Report(int done, int total)
        {
            lock (_lock)
            {
                // Parallel workers report out of order: only ever move forward, and redraw once per percent (or tenth).
                _done = Math.Max(_done, done);
                var percent = total == 0 ? 100 : _done * 100 / total;
                var step = interactive ? percent : percent / 10 * 10;
                if (step == _shown)
                {
                    return;
                }

                _shown = step;
                var filled = percent * Width / 100;
                var line = string.Create(CultureInfo.InvariantCulture,
                    $"  [{new string('#', filled)}{new string('.', Width - filled)}] {_done,6:N0}/{total:N0} {percent,3}%  {_watch.Elapsed.TotalSeconds,6:0} s");
                if (interactive)
                {
                    output.Write("\r" + line);
                }
                else
                {
                    output.WriteLine(line);
                }
            }
        }

        public void Finish()
        {
            if (interactive && _shown >= 0)
            {
                output.WriteLine();
            }
        }
    }
}
