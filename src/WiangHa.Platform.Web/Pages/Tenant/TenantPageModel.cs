using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Tenancy;
using WiangHa.Platform.Web.Common;
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
    protected void AddErrors(CommandResult.Invalid invalid, string prefix, Func<string, string>? fieldFor = null) =>
        ModelState.AddErrors(invalid, prefix, fieldFor);

    /// <summary>For forms whose use case validates every field itself (a bad value binds to a default it refuses).</summary>
    protected static void ClearBindingErrors(ModelStateDictionary modelState)
    {
        foreach (var entry in modelState.Values)
        {
            entry.Errors.Clear();
        }
    }

    /// <summary>
    /// Binding errors of the year and month boxes are cleared: the use case reports those fields in Thai itself
    /// (letters become 0, which its rules refuse). Any other field that failed to bind (a forged choice, a broken
    /// id) gets a Thai message and stops the save; returns whether any such error remains.
    /// </summary>
    protected static bool KeepOnlyChoiceBindingErrors(ModelStateDictionary modelState, params string[] numericFields)
    {
        foreach (var (key, entry) in modelState)
        {
            if (entry.Errors.Count == 0)
            {
                continue;
            }

            entry.Errors.Clear();
            if (!numericFields.Any(f => key.EndsWith(f, StringComparison.Ordinal)))
            {
                entry.Errors.Add(Common.Ui.T("ค่าที่เลือกไม่ถูกต้อง กรุณาเลือกใหม่", "Invalid choice; please choose again."));
            }
        }

        // ErrorCount is a running total that Errors.Clear() does not lower, so count what is left.
        return modelState.Values.Any(entry => entry.Errors.Count > 0);
    }
}
