using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Seeding;
using WiangHa.Platform.Web;

namespace WiangHa.Platform.IntegrationTests.Data;

/// <summary>
/// The embedded default's restart: the file carries the stamp of the build that seeded it, a restart of that build
/// skips the checks, and a file without the stamp (another build, an old backup) gets them all again.
/// </summary>
[Trait("Category", "SqliteOnly")]
public sealed class SeedStampTests(EmbeddedPlatformFactory factory) : IClassFixture<EmbeddedPlatformFactory>
{
    [Fact]
    public async Task A_restart_of_the_same_build_skips_the_checks_and_an_unstamped_file_gets_them_again()
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var stamp = SeedStamp.Compute(scope.ServiceProvider.GetRequiredService<IConfiguration>());
        (await SeedStamp.ReadAsync(db)).ShouldBe(stamp);

        var bangkok = await db.Provinces.SingleAsync(p => p.Code == "10");
        var name = bangkok.NameTh;
        bangkok.NameTh = "ชื่อที่แก้ด้วยมือ";
        await db.SaveChangesAsync();

        var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        (await initializer.InitializeEmbeddedAsync()).ShouldBe(DemoDataSeeder.SignIns);
        db.ChangeTracker.Clear();
        (await db.Provinces.SingleAsync(p => p.Code == "10")).NameTh.ShouldBe("ชื่อที่แก้ด้วยมือ");

        await SeedStamp.WriteAsync(db, 0);
        (await initializer.InitializeEmbeddedAsync())!.Accounts.ShouldBe(DemoDataSeeder.SignIns.Accounts);
        db.ChangeTracker.Clear();
        (await db.Provinces.SingleAsync(p => p.Code == "10")).NameTh.ShouldBe(name);
        (await SeedStamp.ReadAsync(db)).ShouldBe(stamp);
    }

    [Fact]
    public async Task Ready_once_the_warm_up_is_done()
    {
        var client = factory.CreateClient();
        await factory.Services.GetRequiredService<StartupWarmUp>().Completion;

        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
