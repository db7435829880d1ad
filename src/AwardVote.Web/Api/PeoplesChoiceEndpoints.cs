using System.Globalization;
using AwardVote.Application.PeoplesChoice;
using AwardVote.Domain.PeoplesChoice;
using AwardVote.Infrastructure.PeoplesChoice;
using AwardVote.Web.PeoplesChoice;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Api;

/// <summary>
/// The people's-choice vote in the JSON API, anonymous like the vote page and under the same rules: a request mails
/// the one-time link, the confirmation casts the vote, and the results answer only what the statute lets the
/// public see. Refusals are problem details with a localized <c>detail</c> (the request's culture, <c>?culture=en</c>)
/// and a stable <c>code</c>.
/// </summary>
public static class PeoplesChoiceEndpoints
{
    public static void MapPeoplesChoiceApi(this IEndpointRouteBuilder endpoints)
    {
        var vote = endpoints.MapGroup("/api/peoples-choice/{cycleSlug}").WithTags("People's choice").AllowAnonymous();
        vote.MapPost("/requests", RequestVote).RequireRateLimiting(VoteRateLimiting.RequestPolicy).DisableAntiforgery()
            .WithSummary("Ask for a vote link by e-mail; the answer is the same for every address, and only the mail says whether it may vote")
            .Produces<VoteRequestAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithExample(new VoteRequestBody(42, "anna@example.lv", null),
                new VoteRequestAccepted("sent", "Cēsu Centrālā bibliotēka",
                    "Ja ar šo adresi drīkst balsot, uz to ir nosūtīta saite. Atveriet e-pastā saņemto saiti, lai apstiprinātu balsi: līdz tam balss nav nodota. Ja ar šo adresi balsot nevar, e-pastā ir paskaidrots, kāpēc."),
                StatusCodes.Status202Accepted);
        vote.MapPost("/confirm", Confirm).DisableAntiforgery();
        vote.MapGet("/results", GetResults);
    }

    public sealed record VoteRequestBody(int NominationId, string? Email, string? HumanCheck);
    /// <summary>
    /// The one answer to a request, alike for an address that may vote, one that has voted and one not on the member
    /// list: nothing in it depends on the address (the link's expiry is in the mail).
    /// </summary>
    public sealed record VoteRequestAccepted(string Status, string Nominee, string Message);
    public sealed record ConfirmBody(string? Token);
    public sealed record Confirmed(string Status, int NominationId, int CategoryId, string Nominee, string Message);

    public sealed record ResultsDto(string State, bool Visible, bool Final, IReadOnlyList<CategoryResultDto> Categories);
    public sealed record CategoryResultDto(int CategoryId, string Name, long Votes, string? BallotFileSha256, DateTimeOffset? CountedAt, string? Outcome,
        IReadOnlyList<NomineeResultDto> Nominees);
    public sealed record NomineeResultDto(int Rank, string Name, long Votes);

    private static async Task<IResult> RequestVote(string cycleSlug, VoteRequestBody body, HttpContext http, VoteDesk desk, IHumanCheck humanCheck,
        IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var ip = http.Connection.RemoteIpAddress?.ToString();
        if (!await humanCheck.IsHumanAsync(new HumanCheckRequest(body.HumanCheck, ip), cancellationToken))
        {
            return Refuse(StatusCodes.Status400BadRequest, "human-check-failed", l["The check that you are a person did not succeed. Please try again."], l);
        }
        var outcome = await desk.RequestAsync(cycleSlug, body.NominationId, body.Email, ip,
            CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, cancellationToken);
        var message = VoteMessages.For(outcome.Status, l);
        return outcome.Status == VoteRequestStatus.Sent
            ? TypedResults.Accepted((string?)null, new VoteRequestAccepted("sent", outcome.NomineeName!, message))
            : Refuse(VoteMessages.HttpStatus(outcome.Status), VoteMessages.Code(outcome.Status), message, l);
    }

    private static async Task<IResult> Confirm(string cycleSlug, ConfirmBody body, VoteDesk desk, IStringLocalizer<SharedResource> l,
        CancellationToken cancellationToken)
    {
        var outcome = await desk.ConfirmAsync(body.Token, cycleSlug, cancellationToken);
        var message = VoteMessages.For(outcome.Status, l);
        return outcome.Status == VoteConfirmStatus.Confirmed
            ? TypedResults.Ok(new Confirmed("confirmed", outcome.NominationId!.Value, outcome.CategoryId!.Value, outcome.NomineeName!, message))
            : Refuse(VoteMessages.HttpStatus(outcome.Status), VoteMessages.Code(outcome.Status), message, l);
    }

    private static async Task<Results<Ok<ResultsDto>, NotFound>> GetResults(string cycleSlug, PublicVote vote, CancellationToken cancellationToken)
    {
        if (await vote.FindAsync(cycleSlug, cancellationToken) is not { } cycle)
            return TypedResults.NotFound();
        var results = await vote.ResultsAsync(cycle, cancellationToken);
        return TypedResults.Ok(new ResultsDto(results.State.ToString(), results.Visible, results.Final,
            results.Categories.Select(c => new CategoryResultDto(c.CategoryId, Localization.DisplayNames.Pick(c.Name, c.NameEn), c.Votes, c.Sha256,
                c.CountedAt, c.Outcome?.ToString(), c.Nominees.Select(n => new NomineeResultDto(n.Rank, n.Name, n.Votes)).ToList())).ToList()));
    }

    private static IResult Refuse(int status, string code, string detail, IStringLocalizer l) =>
        TypedResults.Problem(statusCode: status, title: status == StatusCodes.Status429TooManyRequests ? l["Too many requests"] : l["The vote was not accepted"],
            detail: detail, extensions: new Dictionary<string, object?> { ["code"] = code });
}
