using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Infrastructure.Measures;
using WiangHa.Platform.Infrastructure.Tenancy;

namespace WiangHa.Platform.Web.Pages.Tenant.Measures;

public sealed class IndexModel(IMultiTenantContextAccessor tenant, MeasureQueries queries, TimeProvider clock) : TenantPageModel(tenant)
{
    public int Year { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<MeasureView> Measures { get; private set; } = [];

    public async Task OnGetAsync(int? year, CancellationToken cancellationToken)
    {
        var current = FiscalYear.Containing(clock.GetUtcNow()).BuddhistYear;
        var withData = await queries.FiscalYearsAsync(cancellationToken);
        Years = withData.Append(current).Append(current + 1).Distinct().OrderDescending().ToList();
        // Without a choice, open the newest year that has measures: that is what the clerk is working on.
        Year = year is { } y && FiscalYear.IsPlausible(y) ? y : withData.FirstOrDefault(current);
        if (!Years.Contains(Year))
        {
            Years = Years.Append(Year).OrderDescending().ToList();
        }

        Measures = await queries.ListAsync(Year, cancellationToken);
    }
}
