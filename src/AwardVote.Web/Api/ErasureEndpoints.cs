using System.Security.Claims;
using AwardVote.Application.Privacy;
using AwardVote.Web.Security;
using AwardVote.Web.UseCases;
using Microsoft.AspNetCore.Mvc;

namespace AwardVote.Web.Api;

/// <summary>
/// Erasure in the JSON API (issue 17): a person deletes their own account, an administrator erases one on request. The
/// same use case as the pages (<see cref="ErasePerson"/>), with the same refusals.
/// </summary>
public static class ErasureEndpoints
{
    public static void MapErasureApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapDelete("/api/account", DeleteOwn)
            .WithTags("Accounts")
            .RequireAuthorization()
            .WithSummary("Delete the signed-in account, with its password (or, without one, an authenticator code) and its e-mail address typed as the confirmation. What the award must keep stays without the person; every session ends.")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithExample(new DeleteAccountInput { Password = "Ozols-Lasa-Grāmatu-7", Confirmation = "ilze@biblioteka.example" }, null,
                StatusCodes.Status204NoContent);
        endpoints.MapPost("/api/admin/people/erase", EraseOnRequest)
            .WithTags("Privacy")
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Erase an account on the person's request (not an administrator's): its e-mail address, how the request came, and the confirmation. Answers with the pseudonym the audit log now shows.")
            .Produces<Erased>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithExample(new EraseOnRequestInput { Email = "ilze@biblioteka.example", Reason = "Letter of 6 January 2027, signature checked", Confirmed = true },
                new Erased("p-1a2b3c4d5e6f"));
    }

    private static async Task<IResult> DeleteOwn([FromBody] DeleteAccountInput input, ClaimsPrincipal user, HttpContext http, ErasePerson erase,
        CancellationToken cancellationToken) =>
        (await erase.RunAsync(user.UserId(), input, cancellationToken)).Answer(http, _ => TypedResults.NoContent());

    private static async Task<IResult> EraseOnRequest(EraseOnRequestInput input, HttpContext http, ErasePerson erase, CancellationToken cancellationToken) =>
        (await erase.RunAsync(input, cancellationToken)).Answer(http, erased => TypedResults.Ok(erased));
}
