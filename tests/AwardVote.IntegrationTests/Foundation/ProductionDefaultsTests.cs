extern alias cli;
using System.Net;
using cli::AwardVote.Cli;
using AwardVote.Infrastructure.Accounts;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Demo;
using AwardVote.IntegrationTests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AwardVote.IntegrationTests.Foundation;

/// <summary>
/// AwardVote started as in production (the Production environment, on Kestrel, behind a TLS proxy on this machine):
/// what a stranger finds there. Every other test runs in Development, with host filtering off and demo data on.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class ProductionDefaultsTests
{
    private const string PublicHost = "gadabiblioteka.example";

    private static Dictionary<string, string> Production(string? publicBaseUrl) => new()
    {
        ["environment"] = "Production",
        ["Mail:PublicBaseUrl"] = publicBaseUrl ?? "",
        ["Privacy:PseudonymKey"] = "production-test-pseudonym-key",
        // TLS ends at the proxy, which is this machine here.
        ["Security:HttpsRedirection"] = "false",
        ["Security:KnownProxies:0"] = "127.0.0.1",
        // Asked for, and still no demo account may appear.
        ["Demo:SeedWhenEmpty"] = "true",
    };

    [Theory, AllProviders]
    public async Task Behind_its_proxy_it_answers_its_own_host_only_with_secure_cookies_and_hsts_and_no_demo_accounts(DatabaseProvider provider)
    {
        await using var app = new AwardVoteApp(provider, onKestrel: true, settings: Production($"https://{PublicHost}"));
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        Assert.Equal(Environments.Production, app.Services.GetRequiredService<IHostEnvironment>().EnvironmentName);
        // A passkey is made for the public host name, not for whatever Host a request names.
        Assert.Equal(PublicHost, app.Services.GetRequiredService<IOptions<IdentityPasskeyOptions>>().Value.ServerDomain);

        // A foreign Host header is refused before any page or endpoint sees it (host filtering from the public address).
        using (var foreign = await SendAsync(http, "evil.example", forwardedProto: "https"))
            Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);

        // Through the proxy (X-Forwarded-Proto from a known proxy): HSTS, and every cookie Secure and HttpOnly where set.
        using (var page = await SendAsync(http, PublicHost, forwardedProto: "https"))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.StartsWith("max-age=", Assert.Single(page.Headers.GetValues("Strict-Transport-Security")));
            var cookies = page.Headers.GetValues("Set-Cookie").ToList();
            Assert.NotEmpty(cookies);
            Assert.All(cookies, cookie => Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase));
        }
        // Even a request that reached it over plain http gets no cookie a plain-http request would carry back.
        using (var plain = await SendAsync(http, PublicHost, forwardedProto: null))
            Assert.All(plain.Headers.GetValues("Set-Cookie"), cookie => Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase));

        // Demo:SeedWhenEmpty outside Development: nothing, no account with the README's password.
        Assert.Equal(0, await app.QueryAsync(db => db.Users.CountAsync()));
        Assert.False(await app.QueryAsync(db => db.Association.AnyAsync()));

        // Explicitly allowed outside Development: the demo's data, still without an account.
        await using (var scope = app.Scope())
        {
            var services = scope.ServiceProvider;
            var allowed = new ConfigurationBuilder().AddInMemoryCollection([new(DemoSeeder.AllowOutsideDevelopmentSetting, "true")]).Build();
            var seeder = new DemoSeeder(services.GetRequiredService<AppDbContext>(), services.GetRequiredService<UserManager<AppUser>>(),
                services.GetRequiredService<AuditLog>(), TimeProvider.System, services.GetRequiredService<IHostEnvironment>(), allowed);
            Assert.Equal(DemoSeeding.SeededWithoutAccounts, await seeder.SeedIfEmptyAsync());
        }
        Assert.True(await app.QueryAsync(db => db.Association.AnyAsync()));
        Assert.Equal(0, await app.QueryAsync(db => db.Users.CountAsync()));
        Assert.False(await app.QueryAsync(db => db.RoleGrants.AnyAsync()));

        // The first administrator comes from the installation step docker-compose.yml runs before every start:
        // the second run finds them and changes nothing.
        var email = Unique.Email("anna");
        var cli = new CliSettings(provider.ToString(), app.ConnectionString, Path.Combine(Path.GetTempPath(), "awardvote-cli-" + Unique.Id()));
        Environment.SetEnvironmentVariable("AWARDVOTE_ADMIN_PASSWORD", PersonBuilder.Password);
        try
        {
            Assert.Equal(0, await Commands.CreateAdministratorAsync(cli, email, "Anna Administratore", CancellationToken.None));
            Assert.Equal(0, await Commands.CreateAdministratorAsync(cli, email, "Anna Administratore", CancellationToken.None));
        }
        finally
        {
            Environment.SetEnvironmentVariable("AWARDVOTE_ADMIN_PASSWORD", null);
        }
        Assert.Equal(1, await app.QueryAsync(db => db.RoleGrants.CountAsync(g => g.Role == AwardVote.Domain.Accounts.ScopedRole.Administrator)));
        Assert.Equal(1, await app.QueryAsync(db => db.Users.CountAsync()));
    }

    [Theory, AllProviders]
    public async Task It_does_not_start_without_a_public_address_or_with_a_local_one(DatabaseProvider provider)
    {
        foreach (var address in new string?[] { null, "http://localhost:5080", "http://127.0.0.1:8080", "gadabiblioteka.example" })
        {
            await using var app = new AwardVoteApp(provider, settings: Production(address));
            var error = Assert.ThrowsAny<Exception>(() => app.Server);
            Assert.Contains("Mail:PublicBaseUrl", Flatten(error));
        }
    }

    [Theory, AllProviders]
    public async Task It_does_not_start_without_the_secret_its_pseudonyms_are_made_with(DatabaseProvider provider)
    {
        var settings = Production("https://" + PublicHost);
        settings["Privacy:PseudonymKey"] = "";
        await using var app = new AwardVoteApp(provider, settings: settings);
        var error = Assert.ThrowsAny<Exception>(() => app.Server);
        Assert.Contains("Privacy:PseudonymKey", Flatten(error));
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, string host, string? forwardedProto)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        request.Headers.Host = host;
        if (forwardedProto is not null)
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        return await http.SendAsync(request);
    }

    private static string Flatten(Exception error) =>
        error is AggregateException aggregate
            ? string.Join("\n", aggregate.InnerExceptions.Select(Flatten))
            : error.Message + (error.InnerException is { } inner ? "\n" + Flatten(inner) : "");
}
