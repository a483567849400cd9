using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using WiangHa.Platform.Infrastructure;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.Web.Common;
using WiangHa.Platform.Web.Identity;

namespace WiangHa.Platform.Web;

public static class DependencyInjection
{
    public static readonly CultureInfo[] SupportedCultures = [new("th-TH"), new("en-US")];

    public static IServiceCollection AddPlatformIdentity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddIdentity<PlatformUser, Microsoft.AspNetCore.Identity.IdentityRole<Guid>>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddPlatformIdentityStores()
            .AddClaimsPrincipalFactory<PlatformClaimsPrincipalFactory>();

        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(2));
        // The stamp itself is checked on every request (PlatformSecurityStampValidator), so sign-out, a reset or a
        // membership change ends a cookie at once; the claims are rebuilt every minute for changes that keep the stamp.
        services.AddOptions<SecurityStampValidatorOptions>().Configure<TimeProvider>((o, clock) =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            o.TimeProvider = clock;
        });
        services.AddScoped<ISecurityStampValidator, PlatformSecurityStampValidator>();
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "wiangha.auth";
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.HttpOnly = true;
            options.LoginPath = "/account/sign-in";
            options.LogoutPath = "/account/sign-out";
            options.AccessDeniedPath = "/status/403";
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            // The API answers 401/403 with a ProblemDetails instead of redirecting to the sign-in page.
            options.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
        });

        services.AddHostPrefixCookies();
        services.AddSingleton<IAuthorizationHandler, TenantRoleHandler>();
        services.AddSingleton<IAuthorizationHandler, ScopeHandler>();
        services.AddAuthorizationBuilder().AddTenantPolicies().AddPlatformPolicies().AddApiPolicies().AddDashboardPolicies();
        services.AddHttpContextAccessor();
        services.AddScoped<WiangHa.Platform.Infrastructure.Audit.IAuditActorAccessor, HttpAuditActorAccessor>();
        var database = WiangHa.Platform.Infrastructure.Data.DatabaseOptions.From(configuration);
        if (!database.IsEmbeddedDefault && string.IsNullOrWhiteSpace(configuration["Platform:PublicBaseUrl"]))
        {
            // Emailed links must never be built from a request's Host header, which a client can forge.
            throw new InvalidOperationException("Platform:PublicBaseUrl must be set (the public https URL) when a server database is configured.");
        }

        services.AddPlatformOpenIdConnect(configuration, database, environment);
        services.AddPlatformRateLimits(configuration);
        services.AddApiCors();
        return services;
    }

    public static IServiceCollection AddPlatformWeb(this IServiceCollection services)
    {
        services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/Tenant", TenantPolicies.Read);
            options.Conventions.AuthorizeFolder("/Tenant/OrgUnits", TenantPolicies.Admin);
            options.Conventions.AuthorizePage("/Account/SelectTenant");
            options.Conventions.AuthorizeFolder("/Operator", PlatformPolicies.Operator);
            options.Conventions.AuthorizeFolder("/Dashboards", DashboardPolicies.Read);
        });
        services.AddProblemDetails();
        // Malformed API input throws in every environment, and BadRequestProblems answers it with a 400 naming the parameter.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<WiangHa.Platform.Web.Common.BadRequestProblems>();
        // Clerks and supervisors are often on slow links: pages, JSON and the inline map go compressed. Request tokens
        // are encrypted with a fresh IV per response, so compressing pages that carry them does not open BREACH.
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProvider>();
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
        });
        services.Configure<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        services.Configure<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        services.AddSingleton<WiangHa.Platform.Web.Common.PublicUrls>();
        // Thai text stays readable in the HTML (Razor would otherwise escape every Thai letter as &#x...;).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddTextInput();
        services.AddPlatformOpenApi();
        // Ready: the database answers, and the scheduler with its job store (registered beside the scheduler). Every
        // check answers within a few seconds whatever the database does, so the load balancer's probe never hangs.
        services.AddSingleton<StartupWarmUp>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<StartupWarmUpHealthCheck>("warm-up", tags: ["ready"]);
        services.PostConfigure<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckServiceOptions>(o =>
        {
            foreach (var check in o.Registrations)
            {
                check.Timeout = TimeSpan.FromSeconds(3);
            }
        });
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture("th-TH");
            options.SupportedCultures = SupportedCultures;
            options.SupportedUICultures = SupportedCultures;
            options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        return services;
    }


    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            if (status == StatusCodes.Status401Unauthorized)
            {
                // RFC 6750 §3: no credentials at all, so no error code; a bad token gets one from the token validation.
                context.Response.Headers.WWWAuthenticate = $"Bearer realm=\"{Identity.OpenIdConnectServer.ApiAudience}\"";
            }

            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
