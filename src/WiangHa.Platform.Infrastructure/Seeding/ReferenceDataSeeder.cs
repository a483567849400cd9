using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Geography;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Seeding;

/// <summary>
/// Loads the 77 provinces and 928 districts (thai-address-universal 2.2.0, ISC; see the NOTICE beside the file).
/// Reference data, not demo data: every deployment gets it. Idempotent: adds what is missing, renames what changed.
/// </summary>
public sealed class ReferenceDataSeeder(PlatformDbContext db)
{
    private sealed record DistrictRow(string Code, string NameTh, string NameEn);

    private sealed record ProvinceRow(string Code, string NameTh, string NameEn, List<DistrictRow> Districts);

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var rows = EmbeddedData.Read<List<ProvinceRow>>("thai-provinces-districts.json");
        var provinces = await db.Provinces.ToDictionaryAsync(p => p.Code, cancellationToken);
        var districts = await db.Districts.ToDictionaryAsync(d => d.Code, cancellationToken);
        foreach (var row in rows)
        {
            if (provinces.TryGetValue(row.Code, out var province))
            {
                province.NameTh = row.NameTh;
                province.NameEn = row.NameEn;
            }
            else
            {
                db.Provinces.Add(new Province { Code = row.Code, NameTh = row.NameTh, NameEn = row.NameEn });
            }

            foreach (var d in row.Districts)
            {
                if (districts.TryGetValue(d.Code, out var district))
                {
                    district.NameTh = d.NameTh;
                    district.NameEn = d.NameEn;
                }
                else
                {
                    db.Districts.Add(new District { Code = d.Code, ProvinceCode = row.Code, NameTh = d.NameTh, NameEn = d.NameEn });
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
