using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Organisations;

/// <summary>
/// The DLA registry as the migrate step loads it, checked against the shipped file read here on its own (not
/// through the app's reader): every entry once, the counts per type, per province and per district as in the file.
/// </summary>
public sealed class RegistryImportTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    private sealed record FileEntry(string DlaCode, string NameTh, string Type, string ProvinceCode, string DistrictNameTh, double? Lat);

    private static readonly Dictionary<string, OrganisationType> Types = new(StringComparer.Ordinal)
    {
        ["provincial_admin_org"] = OrganisationType.ProvincialAdministrativeOrganisation,
        ["city_municipality"] = OrganisationType.CityMunicipality,
        ["town_municipality"] = OrganisationType.TownMunicipality,
        ["subdistrict_municipality"] = OrganisationType.SubdistrictMunicipality,
        ["subdistrict_admin_org"] = OrganisationType.SubdistrictAdministrativeOrganisation,
        ["special_admin_area"] = OrganisationType.SpecialAdministrativeArea,
    };

    private static List<FileEntry> ReadFile()
    {
        var path = Path.Combine(RepositoryRoot(), "src", "WiangHa.Platform.Infrastructure", "Seeding", "Data", "dla-local-authorities.json");
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.EnumerateArray().Select(e => new FileEntry(
            e.GetProperty("dlaCode").GetString()!, e.GetProperty("nameTh").GetString()!, e.GetProperty("type").GetString()!,
            e.GetProperty("provinceCode").GetString()!, e.GetProperty("districtNameTh").GetString()!,
            e.TryGetProperty("lat", out var lat) ? lat.GetDouble() : null)).ToList();
    }

    private static string RepositoryRoot() => TestSupport.RepositoryPaths.Root;

    [Fact]
    public async Task Every_entry_of_the_file_is_stored_once_with_the_files_counts_per_type_and_province()
    {
        var file = ReadFile();
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var stored = await db.RegisteredLaos.AsNoTracking().ToListAsync();

        file.Count.ShouldBe(7849);
        stored.Count.ShouldBe(file.Count);
        stored.Select(r => r.DlaCode).Order(StringComparer.Ordinal).ShouldBe(file.Select(e => e.DlaCode).Order(StringComparer.Ordinal));

        var fileByType = file.GroupBy(e => Types[e.Type]).ToDictionary(g => g.Key, g => g.Count());
        stored.GroupBy(r => r.Type).ToDictionary(g => g.Key, g => g.Count()).ShouldBe(fileByType, ignoreOrder: true);
        // The README's table of the DLA's own counts.
        fileByType[OrganisationType.SubdistrictAdministrativeOrganisation].ShouldBe(5300);
        fileByType[OrganisationType.SubdistrictMunicipality].ShouldBe(2247);
        fileByType[OrganisationType.SpecialAdministrativeArea].ShouldBe(1);

        var fileByProvince = file.GroupBy(e => e.ProvinceCode).ToDictionary(g => g.Key, g => g.Count());
        stored.GroupBy(r => r.ProvinceCode).ToDictionary(g => g.Key, g => g.Count()).ShouldBe(fileByProvince, ignoreOrder: true);
        fileByProvince.Count.ShouldBe(76);
        fileByProvince["57"].ShouldBe(144);
        fileByProvince["30"].ShouldBe(334);
        fileByProvince["83"].ShouldBe(19);

        stored.Count(r => r.Latitude is not null).ShouldBe(file.Count(e => e.Lat is not null));
    }

    [Fact]
    public async Task Each_entry_lies_in_the_district_the_file_names_and_keeps_the_dlas_spelling()
    {
        var file = ReadFile().ToDictionary(e => e.DlaCode, StringComparer.Ordinal);
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var districts = await db.Districts.AsNoTracking().ToDictionaryAsync(d => d.Code, StringComparer.Ordinal);
        var stored = await db.RegisteredLaos.AsNoTracking().ToListAsync();

        stored.ShouldAllBe(r => districts[r.DistrictCode].ProvinceCode == r.ProvinceCode && districts[r.DistrictCode].NameTh == file[r.DlaCode].DistrictNameTh);
        stored.ShouldAllBe(r => r.NameTh == file[r.DlaCode].NameTh && r.Type == Types[file[r.DlaCode].Type]);

        var wiangHa = stored.Single(r => r.DlaCode == "6570510");
        wiangHa.NameTh.ShouldBe("เวียงห้าว");
        wiangHa.FullName.ShouldBe("องค์การบริหารส่วนตำบลเวียงห้าว");
        wiangHa.DistrictCode.ShouldBe("5705");
        districts["5705"].NameTh.ShouldBe("พาน");
    }
}
