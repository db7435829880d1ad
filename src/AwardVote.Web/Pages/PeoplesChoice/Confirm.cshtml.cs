using AwardVote.Application.PeoplesChoice;
using AwardVote.Infrastructure.PeoplesChoice;
using AwardVote.Web.PeoplesChoice;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.PeoplesChoice;

/// <summary>
/// Where the e-mailed link leads. Opening it shows the choice and one button; the post casts the vote. The button
/// is there because mail scanners and link previews open links by themselves: a vote needs the voter's click.
/// </summary>
[AllowAnonymous]
public sealed class ConfirmModel(VoteDesk desk, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public VoteConfirmOutcome Outcome { get; private set; } = null!;
    /// <summary>Whether the page still offers the button (the link would confirm), or reports how it ended.</summary>
    public bool AwaitsConfirmation { get; private set; }
    public string Message { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Outcome = await desk.InspectAsync(Token, cancellationToken);
        AwaitsConfirmation = Outcome.Status == VoteConfirmStatus.Confirmed;
        Message = AwaitsConfirmation ? "" : VoteMessages.For(Outcome.Status, l);
    }

    public async Task OnPostAsync(CancellationToken cancellationToken)
    {
        Outcome = await desk.ConfirmAsync(Token, cancellationToken: cancellationToken);
        Message = VoteMessages.For(Outcome.Status, l);
        if (Outcome.Status != VoteConfirmStatus.Confirmed)
            Response.StatusCode = VoteMessages.HttpStatus(Outcome.Status);
    }
}
