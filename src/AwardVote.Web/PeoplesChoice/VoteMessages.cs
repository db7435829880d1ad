using AwardVote.Application.PeoplesChoice;
using AwardVote.Infrastructure.PeoplesChoice;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.PeoplesChoice;

/// <summary>
/// What the voter reads, on the page and in the API's problem details, for each outcome of a request or a
/// confirmation, with the HTTP status and a stable code the API returns beside the localized text.
/// </summary>
public static class VoteMessages
{
    public static string For(VoteRequestStatus status, IStringLocalizer l) => status switch
    {
        // One answer for every address: whether it may vote, or has voted, is told only in the mail to it.
        VoteRequestStatus.Sent => l["If this address may vote, we have sent it a link. Open the link in the e-mail to confirm your vote: until then no vote is cast. If it may not vote, the e-mail says why."],
        VoteRequestStatus.UnknownCycle => l["This award cycle has no people's-choice vote."],
        VoteRequestStatus.UnknownNomination => l["Choose one of the nominees listed on the vote page."],
        VoteRequestStatus.InvalidAddress => l["Enter a valid e-mail address, for example anna@example.lv."],
        VoteRequestStatus.NotYetOpen => l["The people's-choice vote has not opened yet."],
        VoteRequestStatus.Closed => l["The people's-choice vote is closed: no more votes are accepted."],
        VoteRequestStatus.TooManyRequests => l["Too many vote requests for this e-mail address. Wait an hour, or look for the e-mails already sent."],
        _ => status.ToString(),
    };

    public static string For(VoteConfirmStatus status, IStringLocalizer l) => status switch
    {
        VoteConfirmStatus.Confirmed => l["Thank you! Your vote is counted."],
        VoteConfirmStatus.InvalidLink => l["This link is not valid. Check that you copied the whole address from the e-mail."],
        VoteConfirmStatus.Expired => l["This link has expired. Ask for a new one on the vote page."],
        VoteConfirmStatus.AlreadyUsed => l["This link was already used: your vote is counted."],
        VoteConfirmStatus.AlreadyVoted => l["You already voted with this e-mail address. A confirmed vote cannot be changed."],
        VoteConfirmStatus.NotYetOpen => l["The people's-choice vote has not opened yet."],
        VoteConfirmStatus.Closed => l["The people's-choice vote is closed: no more votes are accepted."],
        VoteConfirmStatus.NotOnMemberList => l["Only members of the association may vote, and this e-mail address is not on the member list. Use the address the association has for you."],
        _ => status.ToString(),
    };

    public static int HttpStatus(VoteRequestStatus status) => status switch
    {
        VoteRequestStatus.Sent => StatusCodes.Status202Accepted,
        VoteRequestStatus.UnknownCycle => StatusCodes.Status404NotFound,
        VoteRequestStatus.UnknownNomination or VoteRequestStatus.InvalidAddress => StatusCodes.Status400BadRequest,
        VoteRequestStatus.TooManyRequests => StatusCodes.Status429TooManyRequests,
        _ => StatusCodes.Status409Conflict,
    };

    public static int HttpStatus(VoteConfirmStatus status) => status switch
    {
        VoteConfirmStatus.Confirmed => StatusCodes.Status200OK,
        VoteConfirmStatus.InvalidLink => StatusCodes.Status404NotFound,
        VoteConfirmStatus.Expired => StatusCodes.Status410Gone,
        VoteConfirmStatus.NotOnMemberList => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status409Conflict,
    };

    /// <summary>"already-voted", "not-on-member-list" …: for scripts, which should not parse the localized text.</summary>
    public static string Code(Enum status) =>
        string.Concat(status.ToString().Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(c) : c.ToString()));
}
