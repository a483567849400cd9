using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using WiangHa.Platform.Infrastructure.Seeding;

namespace WiangHa.Platform.Web.Common;

/// <summary>Prints where the platform listens and, in the embedded default, the demo sign-ins.</summary>
public static class StartupBanner
{
    public static void PrintWhenStarted(WebApplication app, DemoSignIns? demo)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var lines = new List<string> { "", "WiangHa Platform is running:" };
            lines.AddRange(addresses.Select(a => $"  {a}"));
            if (demo is not null)
            {
                lines.Add("Demo sign-ins (embedded SQLite demo data only):");
                lines.AddRange(demo.Accounts.Select(a => $"  {a.Email,-32} {a.Password}   {a.Description}"));
                lines.Add($"Dashboards: /dashboards (ทั้งประเทศ), /dashboards/provinces/{DemoDataSeeder.DemoProvince} (เชียงราย: every LAO of the registry, generated data)");
                lines.Add("The whole nation (7,849 LAOs, a season of runs): dotnet run --project src/WiangHa.Platform.Web -- load-nation");
            }

            lines.Add("");
            Console.WriteLine(string.Join(Environment.NewLine, lines));
        });
    }
}
