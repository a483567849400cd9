using System.Reflection;

namespace WiangHa.Platform.Web.Common;

/// <summary>
/// A query parameter the endpoint does not take is refused with a 400 naming it, instead of being ignored: a sync that
/// misspells <c>updatedSince</c> would otherwise re-read everything, believing it filtered.
/// </summary>
public static class StrictQuery
{
    public static TBuilder WithStrictQuery<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            var known = factory.MethodInfo.GetParameters().Select(p => p.Name!).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return context =>
            {
                var unknown = context.HttpContext.Request.Query.Keys.Where(k => !known.Contains(k)).Order(StringComparer.Ordinal).ToList();
                return unknown.Count == 0
                    ? next(context)
                    : ValueTask.FromResult<object?>(BadRequestProblems.Problem(
                        unknown[0],
                        $"ไม่รู้จักพารามิเตอร์ {string.Join(", ", unknown)} (unknown query parameter: {string.Join(", ", unknown)}); "
                        + $"ที่ใช้ได้ (accepted): {string.Join(", ", Accepted(factory.MethodInfo))}"));
            };
        });

    /// <summary>The parameters a caller can put in the query: the handler's simple values that the route does not name.</summary>
    private static IEnumerable<string> Accepted(MethodInfo handler) => handler.GetParameters()
        .Where(p => IsSimple(Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType))
        .Select(p => p.Name!)
        .Where(n => n is not ("tenant" or "id"));

    private static bool IsSimple(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(Guid) || type == typeof(DateTimeOffset) || type == typeof(decimal);
}
