using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Seeding;

/// <summary>
/// Loads the DLA's registry of the 7,849 LAOs (see the NOTICE beside the file). Reference data: every deployment gets
/// it, after the provinces and districts it points to. Idempotent: adds what is missing, updates what changed.
/// </summary>
public sealed class RegistrySeeder(PlatformDbContext db)
{
    public const string FileName = "dla-local-authorities.json";

    public sealed record Row(string DlaCode, string NameTh, string Type, string ProvinceCode, string DistrictNameTh, double? Lat, double? Lon);

    /// <summary>The registry file's types, as <see cref="OrganisationType"/>.</summary>
    public static OrganisationType TypeOf(string registryType) => registryType switch
    {
        "subdistrict_admin_org" => OrganisationType.SubdistrictAdministrativeOrganisation,
        "subdistrict_municipality" => OrganisationType.SubdistrictMunicipality,
        "town_municipality" => OrganisationType.TownMunicipality,
        "city_municipality" => OrganisationType.CityMunicipality,
        "provincial_admin_org" => OrganisationType.ProvincialAdministrativeOrganisation,
        "special_admin_area" => OrganisationType.SpecialAdministrativeArea,
        _ => throw new InvalidDataException($"Unknown LAO type in the registry: {registryType}"),
    };

    public static IReadOnlyList<Row> ReadRows() => EmbeddedData.Read<List<Row>>(FileName);

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var rows = ReadRows();
        // The file names districts only; (province, Thai name) is unique within a province.
        var districts = await db.Districts.AsNoTracking().ToDictionaryAsync(d => (d.ProvinceCode, d.NameTh), d => d.Code, cancellationToken);
        var existing = await db.RegisteredLaos.ToDictionaryAsync(r => r.DlaCode, StringComparer.Ordinal, cancellationToken);
        foreach (var row in rows)
        {
            var districtCode = districts.GetValueOrDefault((row.ProvinceCode, row.DistrictNameTh))
                ?? throw new InvalidDataException($"Registry entry {row.DlaCode}: no district {row.DistrictNameTh} in province {row.ProvinceCode}");
            if (!existing.TryGetValue(row.DlaCode, out var entry))
            {
                entry = new RegisteredLao { DlaCode = row.DlaCode, NameTh = row.NameTh, ProvinceCode = row.ProvinceCode, DistrictCode = districtCode };
                db.RegisteredLaos.Add(entry);
            }

            entry.NameTh = row.NameTh;
            entry.Type = TypeOf(row.Type);
            entry.ProvinceCode = row.ProvinceCode;
            entry.DistrictCode = districtCode;
            entry.Latitude = row.Lat;
            entry.Longitude = row.Lon;
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
