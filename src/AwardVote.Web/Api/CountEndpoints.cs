using System.Text.Json.Serialization;
using AwardVote.Application.Counting;
using AwardVote.Domain.Counting;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Results;
using AwardVote.Web.Security;
using AwardVote.Web.UseCases;

namespace AwardVote.Web.Api;

/// <summary>
/// The counted rounds in the JSON API, for administrators as results review shows them (<see cref="CountedRounds"/>):
/// each round's outcome per category with its SHA-256, and the ballot file and protocol that <c>awardvote verify</c>
/// recounts (<see cref="DownloadCount"/>, audited like the page's downloads).
/// </summary>
public static class CountEndpoints
{
    public static void MapCountApi(this IEndpointRouteBuilder endpoints)
    {
        var rounds = endpoints.MapGroup("/api/admin/cycles/{id:int}/rounds").WithTags("Results").RequireAuthorization(Policies.Administrator);
        rounds.MapGet("", GetRounds)
            .WithSummary("Every round of the cycle with each category's count: the order, the winner, a tie waiting for the chair or a repeat ballot, the SHA-256")
            .Produces<List<RoundDto>>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithExample(null, new List<RoundDto> { ExampleRound });
        rounds.MapGet("/{number:int}/categories/{categoryId:int}/ballots", GetBallots)
            .WithSummary("The round's canonical ballot file in the category, exactly the bytes its SHA-256 is of")
            .Produces<string>(StatusCodes.Status200OK, "text/plain").ProducesProblem(StatusCodes.Status404NotFound);
        rounds.MapGet("/{number:int}/categories/{categoryId:int}/protocol", GetProtocol)
            .WithSummary("The count's protocol as JSON, which awardvote verify recounts the ballot file against")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblem(StatusCodes.Status404NotFound);
    }

    public sealed record PlacementDto(int Rank, string Name);

    /// <summary>
    /// A category's count in the round. <c>Outcome</c> is null before the count; <c>Needs</c> says what an unbroken tie
    /// for first place still waits for (<c>CastingVote</c>, <c>RepeatBallot</c>, <c>CastingVoteOrRepeatBallot</c>, or
    /// <c>Nothing</c>); <c>Winner</c> counts the chair's casting vote in.
    /// </summary>
    public sealed record CategoryCountDto(int CategoryId, string CategoryName, string? CategoryNameEn, bool Counted, int? ResultId,
        [property: JsonConverter(typeof(JsonStringEnumConverter<RoundOutcome>))] RoundOutcome? Outcome,
        [property: JsonConverter(typeof(JsonStringEnumConverter<TieNeed>))] TieNeed? Needs,
        string? Winner, string? CastingVote, IReadOnlyList<PlacementDto> Order, IReadOnlyList<string> Shortlist, string? BallotFileSha256,
        DateTimeOffset? CountedAt, string? BallotsUrl, string? ProtocolUrl);

    public sealed record RoundDto(int Number,
        [property: JsonConverter(typeof(JsonStringEnumConverter<BallotKind>))] BallotKind Kind,
        [property: JsonConverter(typeof(JsonStringEnumConverter<CountingMethod>))] CountingMethod Method,
        bool IsRepeatBallot, bool Counted, IReadOnlyList<CategoryCountDto> Categories);

    private static readonly RoundDto ExampleRound = new(1, BallotKind.Score, CountingMethod.WeightedMean, false, true,
    [
        new CategoryCountDto(21, "Gada bibliotēka", "Library of the Year", true, 55, RoundOutcome.Decided, TieNeed.Nothing, "Bauskas bibliotēka", null,
            [new PlacementDto(1, "Bauskas bibliotēka"), new PlacementDto(2, "Cesvaines bibliotēka")], ["Bauskas bibliotēka", "Cesvaines bibliotēka"],
            "9f2c0e1d4b7a6c5e3f8a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6", new DateTimeOffset(2027, 10, 1, 9, 0, 0, TimeSpan.Zero),
            "/api/admin/cycles/7/rounds/1/categories/21/ballots", "/api/admin/cycles/7/rounds/1/categories/21/protocol"),
    ]);

    private static async Task<IResult> GetRounds(int id, CountedRounds counted, CancellationToken cancellationToken)
    {
        if (await counted.RunAsync(id, cancellationToken) is not { } rounds)
            return TypedResults.NotFound();
        return TypedResults.Ok(rounds.Select(r => new RoundDto(r.Round.Number, r.Round.Kind, r.Round.Method, r.Round.RepeatOfRoundId is not null,
            r.Categories.Any(c => c.Result is not null),
            r.Categories.Select(c => ToDto(id, r.Round.Number, c)).ToList())).ToList());
    }

    private static CategoryCountDto ToDto(int cycleId, int number, CategoryCount c)
    {
        var files = $"/api/admin/cycles/{cycleId}/rounds/{number}/categories/{c.Category.Id}";
        return c is { Result: { } result, Protocol: { } protocol }
            ? new CategoryCountDto(c.Category.Id, c.Category.Name, c.Category.NameEn, true, result.Id, RoundOutcomes.Of(protocol.Outcome), TieRules.Need(protocol),
                TieRules.Winner(protocol, c.CastingVote), c.CastingVote?.ChosenName, protocol.Order.Select(p => new PlacementDto(p.Rank, p.Name)).ToList(),
                protocol.Score?.Shortlist ?? [], result.BallotFileSha256, result.CountedAt, $"{files}/ballots", $"{files}/protocol")
            : new CategoryCountDto(c.Category.Id, c.Category.Name, c.Category.NameEn, false, null, null, null, null, null, [], [], null, null, null, null);
    }

    private static Task<IResult> GetBallots(int id, int number, int categoryId, HttpContext http, DownloadCount download, CancellationToken cancellationToken) =>
        FileAsync(id, number, categoryId, CountFile.Ballots, http, download, cancellationToken);

    private static Task<IResult> GetProtocol(int id, int number, int categoryId, HttpContext http, DownloadCount download, CancellationToken cancellationToken) =>
        FileAsync(id, number, categoryId, CountFile.Protocol, http, download, cancellationToken);

    private static async Task<IResult> FileAsync(int id, int number, int categoryId, CountFile file, HttpContext http, DownloadCount download,
        CancellationToken cancellationToken) =>
        (await download.RunAsync(id, number, categoryId, file, cancellationToken))
            .Answer(http, found => TypedResults.File(found.Content, found.ContentType, found.FileName));
}
