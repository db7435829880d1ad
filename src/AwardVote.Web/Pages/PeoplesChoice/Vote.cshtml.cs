using System.ComponentModel.DataAnnotations;
using System.Globalization;
using AwardVote.Application.PeoplesChoice;
using AwardVote.Domain.PeoplesChoice;
using AwardVote.Infrastructure.PeoplesChoice;
using AwardVote.Web.PeoplesChoice;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.PeoplesChoice;

/// <summary>
/// The public vote: the nominees with their photos and summaries, one choice and an e-mail address. Posting mails a
/// one-time link; only opening it and confirming casts the vote. Plain HTML and one form, for a phone on a slow
/// connection. Posts are rate-limited per IP address; reading the page is not.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(VoteRateLimiting.RequestPolicy)]
public sealed class VoteModel(PublicVote vote, VoteDesk desk, IHumanCheck humanCheck, IStringLocalizer<SharedResource> l) : PageModel
{
    public PublicVote.VoteCycle Cycle { get; private set; } = null!;
    public List<PublicVote.Nominee> Nominees { get; private set; } = [];
    public VoteState State { get; private set; }
    public PublicVote.ResultsView Results { get; private set; } = null!;
    public string? Sent { get; private set; }
    public string? Refusal { get; private set; }

    [BindProperty]
    public VoteInput Input { get; set; } = new();

    public sealed class VoteInput
    {
        [Required(ErrorMessage = "Choose a nominee.")]
        [Display(Name = "Nominee")]
        public int? NominationId { get; set; }

        [Required(ErrorMessage = "Enter your e-mail address.")]
        [StringLength(VoterAddress.MaxLength, ErrorMessage = "The e-mail address is too long.")]
        [Display(Name = "Your e-mail address")]
        public string? Email { get; set; }

        /// <summary>The answer of a plugged-in <see cref="IHumanCheck"/> widget; unused by default.</summary>
        public string? HumanCheck { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) =>
        await LoadAsync(slug, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
            return NotFound();
        if (!ModelState.IsValid)
            return Page();
        if (!await humanCheck.IsHumanAsync(new HumanCheckRequest(Input.HumanCheck, HttpContext.Connection.RemoteIpAddress?.ToString()), cancellationToken))
        {
            Refusal = l["The check that you are a person did not succeed. Please try again."];
            return Page();
        }
        var outcome = await desk.RequestAsync(slug, Input.NominationId!.Value, Input.Email, HttpContext.Connection.RemoteIpAddress?.ToString(),
            CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, cancellationToken);
        if (outcome.Status == VoteRequestStatus.Sent)
        {
            Sent = VoteMessages.For(outcome.Status, l);
            Input = new VoteInput();
            ModelState.Clear();
        }
        else
        {
            Refusal = VoteMessages.For(outcome.Status, l);
            if (outcome.Status == VoteRequestStatus.TooManyRequests)
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
        }
        return Page();
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        if (await vote.FindAsync(slug, cancellationToken) is not { } cycle)
            return false;
        Cycle = cycle;
        State = vote.State(cycle);
        // Nominees are shown once the vote opens: before, the list may still change.
        if (State is VoteState.Open or VoteState.Closed)
            Nominees = await vote.NomineesAsync(cycle.Id, cancellationToken);
        Results = await vote.ResultsAsync(cycle, cancellationToken);
        return true;
    }
}
