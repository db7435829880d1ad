using System.Security.Claims;
using AwardVote.Application.Accounts;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.Data;
using AwardVote.Web.Accounts;
using AwardVote.Web.UseCases;

namespace AwardVote.Web.Api;

/// <summary>
/// The account endpoints of AwardVote's own under /api/auth, beside Identity's (sign-in, tokens, confirmation, reset):
/// registering an account runs the same use case as the page, with the same input and the same answers.
/// </summary>
public static class AccountEndpoints
{
    /// <summary>Identity's /api/auth endpoints these replace (same route, same body): left out of the API description.</summary>
    public static readonly string[] IdentityRoutesReplaced = ["/register", "/refresh", "/forgotPassword", "/resetPassword", "/resendConfirmationEmail"];

    public static void MapAccountApi(this IEndpointRouteBuilder endpoints)
    {
        // Identity's API maps its own POST /api/auth/register (no name, no language, and "already taken" for a known
        // address); this one comes first in routing, and Identity's is left out of the description (Program.cs).
        endpoints.MapPost("/api/auth/register", Register)
            .WithTags("Accounts")
            .AllowAnonymous()
            .RequireRateLimiting(AccountRateLimiting.Policy)
            .WithOrder(-1)
            .WithSummary("Create an account; a link to confirm the address is mailed. The answer is the same for an address that already has an account.")
            .Produces(StatusCodes.Status200OK).ProducesValidationProblem()
            .WithExample(new RegisterAccountInput
            {
                DisplayName = ExampleValues.Applicant, Email = "ilze@biblioteka.example", Password = "Ozols-Lasa-Grāmatu-7", ConfirmPassword = "Ozols-Lasa-Grāmatu-7",
                PreferredCulture = "lv",
            }, null);
        MapSessions(endpoints);
        MapResets(endpoints);
    }

    private static void MapSessions(IEndpointRouteBuilder endpoints)
    {
        // Identity's POST /api/auth/refresh trades one refresh token any number of times; this one comes first in
        // routing (the same request and answer), and Identity's is left out of the description (Program.cs).
        endpoints.MapPost("/api/auth/refresh", Refresh)
            .WithTags("Accounts")
            .AllowAnonymous()
            .RequireRateLimiting(AccountRateLimiting.Policy)
            .WithOrder(-1)
            .WithSummary("Trade a refresh token for new tokens. Each refresh token works once: a second use ends every session of the account.")
            .Produces<AccessTokenResponse>().ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithExample(new RefreshRequest { RefreshToken = "CfDJ8…" },
                new AccessTokenResponse { AccessToken = "CfDJ8…", ExpiresIn = 3600, RefreshToken = "CfDJ8…" });
        endpoints.MapPost("/api/auth/logout", Logout)
            .WithTags("Accounts")
            .RequireAuthorization()
            .WithSummary("Sign out everywhere: every session of the account ends (cookies, bearer and refresh tokens), this one too.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithExample(null, null, StatusCodes.Status204NoContent);
    }

    /// <summary>
    /// Identity's reset and resend endpoints answer an unknown address at once and a known one after making a token
    /// and a mail: the time tells them apart. These run the pages' use cases instead, on the same routes and bodies.
    /// </summary>
    private static void MapResets(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/auth/forgotPassword", ForgotPassword)
            .WithTags("Accounts").AllowAnonymous().RequireRateLimiting(AccountRateLimiting.Policy).WithOrder(-1)
            .WithSummary("Ask for a password reset mail (its link carries the code /api/auth/resetPassword takes). The answer is the same for every address.")
            .Produces(StatusCodes.Status200OK).ProducesValidationProblem()
            .WithExample(new ForgotPasswordRequest { Email = "ilze@biblioteka.example" }, null);
        endpoints.MapPost("/api/auth/resetPassword", ResetPasswordWithCode)
            .WithTags("Accounts").AllowAnonymous().RequireRateLimiting(AccountRateLimiting.Policy).WithOrder(-1)
            .WithSummary("Choose a new password with the mailed code. Every session of the account ends.")
            .Produces(StatusCodes.Status200OK).ProducesValidationProblem()
            .WithExample(new ResetPasswordRequest { Email = "ilze@biblioteka.example", ResetCode = "Q2ZESjh…", NewPassword = "Ozols-Lasa-Grāmatu-7" }, null);
        endpoints.MapPost("/api/auth/resendConfirmationEmail", ResendConfirmationEmail)
            .WithTags("Accounts").AllowAnonymous().RequireRateLimiting(AccountRateLimiting.Policy).WithOrder(-1)
            .WithSummary("Ask for the confirmation mail again. The answer is the same for every address.")
            .Produces(StatusCodes.Status200OK).ProducesValidationProblem()
            .WithExample(new ResendConfirmationEmailRequest { Email = "ilze@biblioteka.example" }, null);
    }

    private static async Task<IResult> ForgotPassword(ForgotPasswordRequest request, HttpContext http, RequestPasswordReset reset,
        CancellationToken cancellationToken) =>
        (await reset.RunAsync(new RequestPasswordResetInput { Email = request.Email ?? "" }, cancellationToken)).Answer(http, () => TypedResults.Ok());

    private static async Task<IResult> ResetPasswordWithCode(ResetPasswordRequest request, HttpContext http, ResetPassword reset,
        CancellationToken cancellationToken) =>
        (await reset.RunAsync(new ResetPasswordInput
        {
            Email = request.Email ?? "", Code = request.ResetCode ?? "", Password = request.NewPassword ?? "", ConfirmPassword = request.NewPassword ?? "",
        }, cancellationToken)).Answer(http, () => TypedResults.Ok());

    private static async Task<IResult> ResendConfirmationEmail(ResendConfirmationEmailRequest request, HttpContext http, ResendConfirmation resend,
        CancellationToken cancellationToken) =>
        (await resend.RunAsync(new RequestPasswordResetInput { Email = request.Email ?? "" }, cancellationToken)).Answer(http, () => TypedResults.Ok());

    private static async Task<IResult> Refresh(RefreshRequest request, RefreshSession refresh, CancellationToken cancellationToken) =>
        await refresh.RunAsync(request.RefreshToken, cancellationToken) is { Succeeded: true, Value: { } principal }
            ? TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme)
            : TypedResults.Unauthorized();

    private static async Task<IResult> Logout(ClaimsPrincipal user, HttpContext http, UserManager<Infrastructure.Accounts.AppUser> users,
        EndAllSessions endAll, CancellationToken cancellationToken) =>
        (await endAll.RunAsync(users.GetUserId(user) ?? "", cancellationToken)).Answer(http, () => TypedResults.NoContent());

    private static async Task<IResult> Register(RegisterAccountInput input, HttpContext http, RegisterAccount register,
        CancellationToken cancellationToken) =>
        (await register.RunAsync(input, cancellationToken)).Answer(http, () => TypedResults.Ok());
}
