using Microsoft.AspNetCore.Mvc.ModelBinding;
using WiangHa.Platform.Infrastructure.Common;

namespace WiangHa.Platform.Web.Common;

public static class ModelStateErrors
{
    /// <summary>
    /// Puts a use case's field errors beside the matching form fields (those bound under <paramref name="prefix"/>, or
    /// at the top level when it is empty).
    /// </summary>
    public static void AddErrors(this ModelStateDictionary modelState, CommandResult.Invalid invalid, string prefix = "", Func<string, string>? fieldFor = null)
    {
        foreach (var (field, messages) in invalid.Errors)
        {
            var name = (fieldFor ?? (f => f))(field);
            var key = string.IsNullOrEmpty(field) ? string.Empty : string.IsNullOrEmpty(prefix) ? name : $"{prefix}.{name}";
            // A list typed one entry a line ("Urls[2]") shows its entries' messages beside its one text box ("Urls").
            var list = key.EndsWith(']') && key.LastIndexOf('[') is > 0 and var open && key.IndexOf('.', open) < 0 ? key[..open] : null;
            foreach (var message in messages)
            {
                modelState.AddModelError(key, message);
                if (list is not null)
                {
                    modelState.AddModelError(list, message);
                }
            }
        }
    }
}
