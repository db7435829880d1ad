using AwardVote.Application.Accounts;
using AwardVote.Web.Accounts;
using AwardVote.Web.UseCases;

namespace AwardVote.Web.Api;

/// <summary>
/// The account endpoints of AwardVote's own under /api/auth, beside Identity's (sign-in, tokens, confirmation, reset):
/// registering an account runs the same use case as the page, with the same input and the same answers.
/// </summary>
public static class AccountEndpoints
{
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
    }

    private static async Task<IResult> Register(RegisterAccountInput input, HttpContext http, RegisterAccount register,
        CancellationToken cancellationToken) =>
        (await register.RunAsync(input, cancellationToken)).Answer(http, () => TypedResults.Ok());
}
