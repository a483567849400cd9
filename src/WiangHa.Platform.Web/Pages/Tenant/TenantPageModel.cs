using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Tenancy;
using WiangHa.Platform.Web.Identity;
using WiangHa.Platform.Web.Tenancy;

namespace WiangHa.Platform.Web.Pages.Tenant;

/// <summary>Base of pages under <c>/t/{tenant}/…</c>: the resolved tenant and the user's role in it.</summary>
public abstract class TenantPageModel(IMultiTenantContextAccessor tenantAccessor) : PageModel
{
    public TenantInfo Tenant => tenantAccessor.CurrentTenant();

    public TenantRole Role => User.RoleIn(Tenant.Id) ?? TenantRole.Viewer;

    public bool CanEdit => Role >= TenantRole.Editor;

    public string TenantPath(string rest = "") => $"/t/{Tenant.Identifier}{rest}";

    /// <summary>Puts a use case's field errors beside the matching form fields.</summary>
    protected void AddErrors(CommandResult.Invalid invalid, string prefix, Func<string, string>? fieldFor = null)
    {
        foreach (var (field, messages) in invalid.Errors)
        {
            var key = string.IsNullOrEmpty(field) ? string.Empty : $"{prefix}.{(fieldFor ?? (f => f))(field)}";
            foreach (var message in messages)
            {
                ModelState.AddModelError(key, message);
            }
        }
    }

    protected static void ClearBindingErrors(ModelStateDictionary modelState)
    {
        // Binding errors of typed fields (e.g. letters in a year box) are reported by the use case's own Thai rules.
        foreach (var entry in modelState.Values)
        {
            entry.Errors.Clear();
        }
    }
}
