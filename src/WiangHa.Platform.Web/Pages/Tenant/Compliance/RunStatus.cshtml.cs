using Microsoft.AspNetCore.Mvc;
using WiangHa.Platform.Domain.Compliance;
using WiangHa.Platform.Infrastructure.Compliance;
using WiangHa.Platform.Infrastructure.Ita;
using WiangHa.Platform.Infrastructure.Tenancy;

namespace WiangHa.Platform.Web.Pages.Tenant.Compliance;

/// <summary>The small status fragment htmx polls while a "check now" run is queued or running.</summary>
public sealed class RunStatusPageModel(IMultiTenantContextAccessor tenant, ComplianceQueries queries, ItaCatalogueQueries catalogues) : TenantPageModel(tenant)
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var run = await queries.RunAsync(id, cancellationToken);
        if (run is null)
        {
            return NotFound();
        }

        if (run.State == ComplianceRunState.Completed && Request.Headers.ContainsKey("HX-Request"))
        {
            // Done: reload the checklist so every row shows the new verdicts.
            Response.Headers["HX-Redirect"] = TenantPath($"/compliance?year={run.AssessmentYear}");
        }

        // A manual with unknown items projects no score (ADR 0006): the fragment then only says the check is done.
        var complete = run.State == ComplianceRunState.Completed && (await catalogues.VersionAsync(run.ManualVersionId, cancellationToken))?.Catalogue.IsComplete() == true;
        return Partial("_RunStatus", new RunStatusModel(Tenant.Identifier, run.Id, run.State, complete ? run.Score : null));
    }
}
