using WiangHa.Platform.Infrastructure.Common;

namespace WiangHa.Platform.UnitTests.Common;

public sealed class LogTextTests
{
    [Theory]
    [InlineData("SmtpCommandException: 5.1.1 <somchai.s@lao.go.th>: Recipient address rejected", "SmtpCommandException: 5.1.1 <[address]>: Recipient address rejected")]
    [InlineData("mailbox clerk@wiangha.go.th unavailable; also to=admin@x.test,", "mailbox [address] unavailable; also to=[address],")]
    [InlineData("HttpRequestException: Connection refused (127.0.0.1:25)", "HttpRequestException: Connection refused (127.0.0.1:25)")]
    public void Addresses_quoted_by_a_server_are_left_out_of_log_text(string error, string logged) =>
        LogText.WithoutAddresses(error).ShouldBe(logged);
}
