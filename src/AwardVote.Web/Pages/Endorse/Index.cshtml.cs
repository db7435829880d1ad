using AwardVote.Domain.Libraries;
using AwardVote.Application;
using AwardVote.Application.Nominations;
using AwardVote.Web.Localization;
using AwardVote.Web.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.Endorse;

/// <summary>
/// Where an endorser writes a letter of support without an account (<see cref="OpenEndorsementLink"/>,
/// <see cref="WriteEndorsement"/>, as the API does). The link works once and until it expires; a second use, an old
/// link or a made-up token changes nothing.
/// </summary>
[AllowAnonymous]
[RequestSizeLimit(UploadAttachment.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadAttachment.RequestLimit)]
public sealed class IndexModel(OpenEndorsementLink open, WriteEndorsement write, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public WriteEndorsementInput Input { get; set; } = new();

    public string? Refusal { get; private set; }
    public LibraryName LibraryName { get; private set; } = new("", "", "", "", "");
    public string? EndorserName { get; private set; }
    public bool Done { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await OpenAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await OpenAsync(cancellationToken) || !ModelState.IsValid)
            return Page();
        var written = await write.RunAsync(Token, Input, cancellationToken);
        if (written.Succeeded)
        {
            Done = true;
            return Page();
        }
        // The link itself refused (spent meanwhile by a second click): the page says so instead of the form.
        if (written.FirstRefusal is { Kind: RefusalKind.Conflict } or { Field: "Token" })
        {
            Refusal = RefusalText.Describe(written.FirstRefusal, l);
            return Page();
        }
        return this.Refused(written) ?? Page();
    }

    private async Task<bool> OpenAsync(CancellationToken cancellationToken)
    {
        var link = await open.RunAsync(Token, cancellationToken);
        if (!link.Succeeded)
        {
            Refusal = RefusalText.Describe(link.FirstRefusal!, l);
            return false;
        }
        LibraryName = link.Value!.LibraryName;
        EndorserName = link.Value.EndorserName;
        return true;
    }
}
