using Microsoft.AspNetCore.Http.HttpResults;
using WiangHa.Platform.Infrastructure.Common;

namespace WiangHa.Platform.Web.Common;

/// <summary>Turns a use case's <see cref="CommandResult"/> into an HTTP answer; every failure is a ProblemDetails.</summary>
public static class ApiResults
{
    public static IResult Failure(CommandResult result) => result switch
    {
        CommandResult.NotFound => NotFound(),
        CommandResult.Invalid invalid => TypedResults.ValidationProblem(
            invalid.Errors.ToDictionary(e => e.Key, e => e.Value),
            title: "ข้อมูลไม่ถูกต้อง (validation failed)"),
        // In the API a conflict is always a stale precondition: the If-Match tag is not the current version (RFC 9110 §15.5.13).
        CommandResult.Conflict conflict => TypedResults.Problem(
            statusCode: StatusCodes.Status412PreconditionFailed,
            title: "ข้อมูลถูกแก้ไขโดยผู้อื่น (precondition failed)",
            detail: conflict.Message,
            extensions: new Dictionary<string, object?> { ["currentVersion"] = conflict.CurrentVersion }),
        CommandResult.Duplicate duplicate => TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "ส่งคำขอซ้ำ (duplicate submission)",
            detail: duplicate.Message,
            extensions: new Dictionary<string, object?> { ["existingId"] = duplicate.ExistingId }),
        CommandResult.PreconditionRequired required => PreconditionRequired(required.Message),
        _ => throw new InvalidOperationException($"{result.GetType().Name} is not a failure."),
    };

    public static ProblemHttpResult NotFound() => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "ไม่พบข้อมูล (not found)",
        detail: "ไม่พบรายการนี้ในหน่วยงานของท่าน");

    public static ProblemHttpResult PreconditionRequired(string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status428PreconditionRequired,
        title: "ต้องระบุรุ่นของข้อมูล (precondition required)",
        detail: detail);
}
