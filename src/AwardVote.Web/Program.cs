using System.Text.Encodings.Web;
using System.Text.Unicode;
using AwardVote.Application;
using AwardVote.Application.PeoplesChoice;
using AwardVote.Infrastructure;
using AwardVote.Infrastructure.Accounts;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Demo;
using AwardVote.Infrastructure.Jobs;
using AwardVote.Web;
using AwardVote.Web.Accounts;
using AwardVote.Web.Api;
using AwardVote.Web.Localization;
using AwardVote.Web.Nominations;
using AwardVote.Web.PeoplesChoice;
using AwardVote.Web.PublicPages;
using AwardVote.Web.Reliability;
using AwardVote.Web.Security;
using Hangfire;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);
var services = builder.Services;
// Run from its build output instead of published (a test started as production, dotnet run -e Production), the app
// finds its stylesheet and scripts through the build's manifest, as Development does on its own; a published app has
// no such manifest and serves its own wwwroot.
if (!builder.Environment.IsDevelopment())
    builder.WebHost.UseStaticWebAssets();
// The public address: links in mails, host filtering, forwarded headers, Secure cookies and HSTS (Security/PublicAddress.cs).
builder.AddPublicAddress();
// Pseudonyms and hashed voter addresses need a secret outside Development (Infrastructure/Privacy/Pseudonyms.cs).
AwardVote.Infrastructure.Privacy.Pseudonyms.Check(builder.Configuration[AwardVote.Infrastructure.Privacy.PrivacyOptions.KeySetting], builder.Environment.IsDevelopment());

services.AddHttpContextAccessor();
// Latvian letters as text in the HTML, not as numeric entities.
services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
services.AddScoped<IAuditActor, HttpContextAuditActor>();
services.AddAwardVoteInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);
services.AddAwardVoteUseCases();
// The localizer input attributes of the use cases word their own messages with (MailAddressAttribute).
services.AddScoped<Microsoft.Extensions.Localization.IStringLocalizer>(sp => sp.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>());

services.AddAuthentication(AuthenticationSchemes.CookieOrBearer)
    .AddPolicyScheme(AuthenticationSchemes.CookieOrBearer, AuthenticationSchemes.CookieOrBearer, AuthenticationSchemes.Select)
    .AddBearerToken(IdentityConstants.BearerScheme)
    .AddIdentityCookies();
services.ConfigureApplicationCookie(cookie =>
{
    cookie.LoginPath = "/Account/Login";
    cookie.LogoutPath = "/Account/Logout";
    cookie.AccessDeniedPath = "/Account/AccessDenied";
    cookie.Cookie.HttpOnly = true;
    cookie.Cookie.SameSite = SameSiteMode.Lax;
    cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    // API callers get status codes, not the login page.
    cookie.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
    cookie.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
});
services.AddIdentityCore<AppUser>(AccountsSetup.Configure)
    .AddSignInManager()
    .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
    .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
    .AddAwardVoteIdentityStores()
    .AddApiEndpoints()
    // The password sign-in's rules (same answer and work for every wrong try, waits instead of a lockout); after
    // AddApiEndpoints, which registers Identity's own SignInManager again.
    .AddSignInManager<AwardVote.Application.Accounts.SignInWithPassword>();
services.AddSingleton<IEmailSender<AppUser>, IdentityApiEmailSender>();

Policies.Configure(services.AddAuthorizationBuilder());
// Administrators and chairs sign in with a second factor (Security:RequireSecondFactor); see SecondFactorAuthorization.
services.AddSecondFactorRule(builder.Configuration);
services.AddScoped<IAuthorizationHandler, LibraryAuthorizationHandler>();
services.AddScoped<IAuthorizationHandler, NominationAuthorizationHandler>();
services.AddScoped<IAuthorizationHandler, JuryAreaAuthorizationHandler>();
services.AddScoped<IAuthorizationHandler, PanelAuthorizationHandler>();
services.AddScoped<IAuthorizationHandler, JuryNominationAuthorizationHandler>();
services.AddSingleton<MarkdownRenderer>();
services.AddScoped<AwardVote.Web.Exports.CycleExports>();
services.AddMemoryCache();
// No CAPTCHA service is reachable: see PeoplesChoice/HumanCheck.cs for plugging one in.
services.AddScoped<IHumanCheck, AllowEveryoneHumanCheck>();
services.AddVoteRateLimiting(builder.Configuration);
// Account flows: per-client limits, sign-in waits, sessions checked against the security stamp (AccountRateLimiting).
services.AddAccountProtection(builder.Configuration);
services.AddPublicPageCache(builder.Configuration);
// Compressed: static files and the anonymous public pages only, never an answer with a secret (PublicCompression).
services.AddPublicCompression();
// Bad input refused with a message, never a 500 (issue 15): text a database cannot hold, forms past the limits.
services.AddStorableTextGuards();
services.AddRequestLimits();

services.Configure<RequestLocalizationOptions>(Cultures.Configure);
services.AddRazorPages(pages =>
    {
        pages.Conventions.AuthorizeFolder("/Admin", Policies.Administrator);
        // The jury's area; the chair's pages besides. Which panel is the page's check with PanelOperations.
        pages.Conventions.AuthorizeFolder("/Jury", Policies.Juror);
        foreach (var chairPage in new[] { "/Jury/Progress", "/Jury/Conflicts", "/Jury/Citation", "/Jury/CastingVote" })
            pages.Conventions.AuthorizePage(chairPage, Policies.Chair);
        pages.Conventions.AllowAnonymousToFolder("/Account");
        pages.Conventions.AllowAnonymousToPage("/Index");
        pages.Conventions.AllowAnonymousToPage("/Culture");
        pages.Conventions.AllowAnonymousToPage("/Error");
        pages.Conventions.AuthorizePage("/Account/Logout");
        // The signed-in account's own security pages (second factor, passkeys): the /Account folder's anonymity ends here.
        pages.Conventions.AuthorizeAccountManagement();
    })
    .AddViewLocalization()
    .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
services.AddSingleton<IConfigureOptions<MvcOptions>, LocalizedModelBindingMessages>();
services.AddOpenApi(openApi => openApi.AddOperationTransformer<ApiExampleTransformer>());
services.AddProblemDetails(o => o.CustomizeProblemDetails = ApiProblems.Customize);
// A body the API cannot read is answered 400 (with the problem ApiProblems writes) in every environment, not
// thrown into the developer page in Development only.
services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);

var app = builder.Build();

await StartUp.PrepareDatabaseAsync(app);

app.UsePublicAddress();
app.UseResponseCompression();
if (!app.Environment.IsDevelopment())
    app.UseExceptionHandler("/Error");
if (app.Configuration.GetValue("Security:HttpsRedirection", true))
    app.UseHttpsRedirection();
app.UseSecurityHeaders(HangfireDashboardSetup.Path);
// An error without a body: the API says what is wrong as a JSON problem, the pages show the error page.
app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages(ApiProblems.WriteAsync));
app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePagesWithReExecute("/Error", "?code={0}"));
app.UseRequestLocalization();
// After localization, so the outage message is in the reader's language.
app.UseDatabaseOutageResponses();
app.UseRouting();
app.UseNotFoundForUnknownAddresses();
app.UseAuthentication();
// A cookie-signed-in change through the API must come from AwardVote's own pages (Security/ApiCookieGuard.cs).
app.UseApiCookieGuard();
app.UseAuthorization();
// After authorization (a stranger's body is not read for a page they may not post to), before any endpoint reads a
// body: a NUL in a JSON body or an address is refused with a 400 naming the field, a form past its endpoint's limit
// gets a 413 that says so.
app.UseStorableTextGuards();
app.UseJobsDashboardFormGuard();
app.UseRateLimiter();
app.UseAntiforgery();
// After authentication (only anonymous reads are cached) and localization (one copy per language).
app.UsePublicPageCache();

// The stylesheet and scripts under fingerprinted names, cached for a year (the tag helpers link those names).
app.MapStaticAssets().AllowAnonymous();
app.MapRazorPages().WithStaticAssets();
app.MapSearchEngineFiles();
app.MapGroup("/api/auth").WithTags("Accounts")
    // Every post (sign-in, refresh, reset, confirmation mails) limited per client (AccountRateLimiting).
    .RequireRateLimiting(AccountRateLimiting.Policy)
    .MapIdentityApi<AppUser>()
    // Turning the second factor on or off and new recovery codes go through the account page's use cases (issue 15).
    .AddEndpointFilter<IEndpointConventionBuilder, TwoFactorApiFilter>()
    // Open to anyone, except /manage, the signed-in account's own: Identity marks it as such, and an AllowAnonymous on
    // the whole group would override that and let anonymous requests in.
    .Add(endpoint =>
    {
        if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: { } route } && !route.Contains("/manage/", StringComparison.Ordinal))
            endpoint.Metadata.Add(new AllowAnonymousAttribute());
        // AwardVote's own register, refresh, reset and resend (AccountEndpoints) answer these routes; Identity's are not described.
        if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: { } path } && AccountEndpoints.IdentityRoutesReplaced.Any(own => path.EndsWith(own, StringComparison.Ordinal)))
            endpoint.Metadata.Add(new ExcludeFromDescriptionAttribute());
    });
// Every AwardVote API endpoint refuses enum values its types do not define (see DefinedValuesFilter).
var api = app.MapGroup("").AddEndpointFilter<DefinedValuesFilter>();
api.MapAwardVoteApi();
api.MapAccountApi();
api.MapMailApi();
api.MapLibraryApi();
api.MapCycleApi();
api.MapNominationApi();
api.MapEndorsementApi();
api.MapBallotApi();
api.MapJuryApi();
api.MapResultApi();
api.MapPeoplesChoiceApi();
api.MapPublicationApi();
api.MapCountApi();
api.MapPersonalDataApi();
api.MapErasureApi();
app.MapOpenApi().AllowAnonymous();
app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync }).AllowAnonymous();
app.MapJobsDashboard();

app.Lifetime.ApplicationStarted.Register(() =>
{
    var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
    foreach (var address in addresses ?? [])
        app.Logger.LogInformation("AwardVote is running. Open {Address} in a browser.", address.Replace("[::]", "localhost").Replace("0.0.0.0", "localhost"));
});

app.Run();

static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
{
    if (context.Request.Path.StartsWithSegments("/api"))
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
    context.Response.Redirect(context.RedirectUri);
    return Task.CompletedTask;
}

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
