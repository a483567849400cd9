using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WiangHa.Platform.Infrastructure.Identity;

namespace WiangHa.Platform.IntegrationTests.Infrastructure;

/// <summary>
/// The platform as an attacker meets it: clients from chosen IP addresses, a low per-IP limit on the forgotten-password
/// form, and mail that leaves only when the test drains the queue (no worker woken by requests, no scheduler). The
/// password hasher is the real one, wrapped to count how many passwords the app verifies.
/// </summary>
public sealed class AccountAbuseFactory : SmtpPlatformFactory
{
    public const int ForgotPasswordPerMinute = 3;

    public CountingPasswordHasher.Counter Verifications { get; } = new();

    protected override IEnumerable<(string Key, string Value)> ExtraSettings =>
    [
        .. base.ExtraSettings,
        ("Compliance:Scheduler:Enabled", "false"),
        ("Email:SendQueuedAtOnce", "false"),
        ("Security:RateLimits:ForgotPasswordPerMinute", ForgotPasswordPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddScoped<IPasswordHasher<PlatformUser>>(sp =>
            new CountingPasswordHasher(new PasswordHasher<PlatformUser>(sp.GetRequiredService<IOptions<PasswordHasherOptions>>()), Verifications)));
    }

    /// <summary>A browser (cookies, no redirects followed) whose requests reach the app from <paramref name="address"/>.</summary>
    public BrowserlessClient From(string address)
    {
        var ip = IPAddress.Parse(address);
        var handler = new CookieContainerHandler { InnerHandler = Server.CreateHandler(context => context.Connection.RemoteIpAddress = ip) };
        return new BrowserlessClient(new HttpClient(handler) { BaseAddress = new Uri("http://localhost") });
    }
}

/// <summary>The real hasher, counting its verifications (a decorator, not a stand-in: every hash and check is real).</summary>
public sealed class CountingPasswordHasher(IPasswordHasher<PlatformUser> inner, CountingPasswordHasher.Counter counter) : IPasswordHasher<PlatformUser>
{
    public string HashPassword(PlatformUser user, string password) => inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(PlatformUser user, string hashedPassword, string providedPassword)
    {
        counter.Add();
        return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }

    public sealed class Counter
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Add() => Interlocked.Increment(ref _count);
    }
}
