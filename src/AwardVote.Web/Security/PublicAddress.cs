using System.Net;
using AwardVote.Infrastructure.Mail;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;

namespace AwardVote.Web.Security;

/// <summary>
/// The one address people open AwardVote at (<c>Mail:PublicBaseUrl</c>) decides what a request may claim to be:
/// mailed links are built from it (<see cref="AwardVote.Application.PublicLinks"/>), only its host name is answered
/// (unless <c>AllowedHosts</c> says otherwise), and when it is https every cookie is Secure and HSTS is sent, also
/// behind a proxy that ends TLS (its X-Forwarded-For/-Proto are believed only from <c>Security:KnownProxies</c> and
/// <c>Security:KnownNetworks</c>). Outside Development a missing or local address stops the start: a mail with a link
/// to localhost, or to whatever Host a stranger sent, is worse than no start.
/// </summary>
public static class PublicAddress
{
    public const string Setting = MailOptions.Section + ":" + nameof(MailOptions.PublicBaseUrl);

    public static void AddPublicAddress(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;
        var development = builder.Environment.IsDevelopment();
        var address = Check(configuration[Setting], development);

        if (!development && string.IsNullOrWhiteSpace(configuration["AllowedHosts"]) && address is not null)
            services.Configure<HostFilteringOptions>(o => o.AllowedHosts = [address.IdnHost]);
        // A passkey belongs to a host name: the public one, not whatever Host a request names (in Development the
        // request's, so that localhost works).
        if (!development && address is not null)
            services.Configure<IdentityPasskeyOptions>(o => o.ServerDomain = address.IdnHost);

        // Read now, so that a mistyped address stops the start instead of failing the first request.
        var proxies = Read("Security:KnownProxies", configuration, IPAddress.Parse);
        var networks = Read("Security:KnownNetworks", configuration, text => System.Net.IPNetwork.Parse(text));
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies)
                o.KnownProxies.Add(proxy);
            foreach (var network in networks)
                o.KnownIPNetworks.Add(network);
        });

        var https = address?.Scheme == Uri.UriSchemeHttps;
        services.Configure<CookiePolicyOptions>(o =>
        {
            // Identity's, the anti-forgery and the language cookie alike: none of them may travel over plain http.
            o.Secure = https ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
    }

    /// <summary>First in the pipeline, so that what follows sees the client's address and scheme, not the proxy's.</summary>
    public static void UsePublicAddress(this WebApplication app)
    {
        var configuration = app.Configuration;
        if (configuration.GetSection("Security:KnownProxies").Exists() || configuration.GetSection("Security:KnownNetworks").Exists())
            app.UseForwardedHeaders();
        var https = Uri.TryCreate(configuration[Setting], UriKind.Absolute, out var address) && address.Scheme == Uri.UriSchemeHttps;
        // HSTS is sent on https requests only (behind a proxy: X-Forwarded-Proto from a known one) and never to localhost.
        if (!app.Environment.IsDevelopment() && (https || configuration.GetValue("Security:HttpsRedirection", true)))
            app.UseHsts();
        app.UseCookiePolicy();
    }

    /// <summary>The configured address, or why it cannot be used (outside Development an exception that stops the start).</summary>
    public static Uri? Check(string? configured, bool development)
    {
        if (Uri.TryCreate(configured, UriKind.Absolute, out var address)
            && (address.Scheme == Uri.UriSchemeHttps || address.Scheme == Uri.UriSchemeHttp)
            && (development || !IsLocal(address)))
            return address;
        if (development)
            return null;
        throw new InvalidOperationException(
            $"{Setting} is '{configured}'. Outside Development set it (environment variable Mail__PublicBaseUrl) to the " +
            "address people open AwardVote at, e.g. https://gadabiblioteka.example.lv: every link in every mail is built " +
            "from it and only its host name is answered. It must be an absolute http(s) address and not localhost.");
    }

    private static List<T> Read<T>(string key, IConfiguration configuration, Func<string, T> parse) =>
        (configuration.GetSection(key).Get<string[]>() ?? []).Select(text =>
        {
            try
            {
                return parse(text.Trim());
            }
            catch (FormatException)
            {
                throw new InvalidOperationException($"{key}: '{text}' is not an IP address (KnownProxies) or network such as 10.0.0.0/8 (KnownNetworks).");
            }
        }).ToList();

    private static bool IsLocal(Uri address) =>
        address.IsLoopback
        || address.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(address.Host, out var ip) && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any)));
}
