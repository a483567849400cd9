using Microsoft.AspNetCore.Http;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Web.Common;

namespace WiangHa.Platform.UnitTests.Common;

/// <summary>
/// How a write's precondition is read from the raw headers, including values HTTP clients refuse to send (so the
/// integration matrix cannot): anything that is not one of our tags or * is no precondition at all, and
/// <see cref="ConditionalRequests"/> refuses it with a 400 before any endpoint runs.
/// </summary>
public sealed class ETagsTests
{
    private static HttpRequest Request(string? ifMatch = null, string? ifNoneMatch = null)
    {
        var context = new DefaultHttpContext();
        if (ifMatch is not null)
        {
            context.Request.Headers.IfMatch = ifMatch;
        }

        if (ifNoneMatch is not null)
        {
            context.Request.Headers.IfNoneMatch = ifNoneMatch;
        }

        return context.Request;
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("\"\"")]
    [InlineData("W/")]
    [InlineData("\"abc\"")]
    [InlineData("0f8c7e6d5c4b3a291817161514131211")] // our digits, but not quoted: not an entity tag
    public void A_value_that_is_not_our_tag_is_no_precondition(string raw) => ETags.IfMatch(Request(raw)).ShouldBeNull();

    [Fact]
    public void Our_tag_strong_or_weak_names_the_version()
    {
        var version = Guid.NewGuid();
        ETags.IfMatch(Request(ETags.For(version))).ShouldBe(ExpectedVersion.Exactly(version));
        ETags.IfMatch(Request("W/" + ETags.For(version))).ShouldBe(ExpectedVersion.Exactly(version));
    }

    [Fact]
    public void Star_and_create_only_are_understood()
    {
        ETags.Expected(Request("*")).ShouldBe(ExpectedVersion.Any);
        ETags.Expected(Request(ifNoneMatch: "*")).ShouldBe(ExpectedVersion.NoneExisting);
        ETags.Expected(Request()).IsStated.ShouldBeFalse();
    }

    [Fact]
    public void The_rule_for_an_existing_row()
    {
        var current = Guid.NewGuid();
        ExpectedVersion.Unstated.Check(current, "r", "c").ShouldBeOfType<CommandResult.PreconditionRequired>();
        ExpectedVersion.Exactly(Guid.NewGuid()).Check(current, "r", "c").ShouldBeOfType<CommandResult.Conflict>();
        ExpectedVersion.NoneExisting.Check(current, "r", "c").ShouldBeOfType<CommandResult.Conflict>();
        ExpectedVersion.Exactly(current).Check(current, "r", "c").ShouldBeNull();
        ExpectedVersion.Any.Check(current, "r", "c").ShouldBeNull();
        ExpectedVersion.Any.OriginalFor(current).ShouldBe(current);
        ExpectedVersion.NoneExisting.AllowsCreate.ShouldBeTrue();
        ExpectedVersion.Any.AllowsCreate.ShouldBeFalse();
    }
}
