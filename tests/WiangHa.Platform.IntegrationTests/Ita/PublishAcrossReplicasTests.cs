using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.Domain.Ita;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Ita;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Ita;

/// <summary>
/// Two replicas on one database (the app, and a second container of the same services): a manual published on one is
/// the version the other checks against from its next request or tenant on, with no restart and no cache to clear.
/// </summary>
public sealed class PublishAcrossReplicasTests(QuietPlatformFactory factory) : IClassFixture<QuietPlatformFactory>
{
    [Fact]
    public async Task A_version_published_on_one_replica_is_the_published_version_on_the_other()
    {
        await using var other = SchedulerNode.Build(new Dictionary<string, string?>
        {
            ["Database:Provider"] = factory.Database.Provider.ToString(),
            ["ConnectionStrings:Platform"] = factory.Database.ConnectionString,
            ["Compliance:Scheduler:Enabled"] = "false",
        });
        int before;
        await using (var scope = other.CreateAsyncScope())
        {
            before = (await scope.ServiceProvider.GetRequiredService<ItaCatalogueQueries>().PublishedAsync(2569))!.Number;
        }

        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var latest = await db.ItaManualVersions.AsNoTracking().Where(v => v.Year == 2569).OrderByDescending(v => v.Number).FirstAsync();
            var draft = new ItaManualVersion
            {
                ManualId = latest.ManualId, Year = 2569, Number = latest.Number + 1, Status = ItaManualVersionStatus.Draft, Document = latest.Document,
                ContentHash = latest.ContentHash, ItemCount = latest.ItemCount, CreatedAt = factory.Clock.GetUtcNow(), CreatedBy = "operator@platform.test",
            };
            db.ItaManualVersions.Add(draft);
            await db.SaveChangesAsync();
            (await scope.ServiceProvider.GetRequiredService<PublishItaManualVersionHandler>().HandleAsync(draft.Id, "operator@platform.test"))
                .ShouldBeOfType<CommandResult.Success>();
        }

        await using (var scope = other.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<ItaCatalogueQueries>().PublishedAsync(2569))!.Number.ShouldBe(before + 1);
        }
    }
}
