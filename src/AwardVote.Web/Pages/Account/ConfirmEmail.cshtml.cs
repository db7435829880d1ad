using AwardVote.Application.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AwardVote.Web.Pages.Account;

/// <summary>The mailed confirmation link (<see cref="ConfirmEmail"/>).</summary>
public sealed class ConfirmEmailModel(ConfirmEmail confirm) : PageModel
{
    public bool Confirmed { get; private set; }

    /// <summary>The sign-in leads on here: where the person was going when they registered (a jury invitation).</summary>
    public string? ReturnUrl { get; private set; }

    public async Task OnGetAsync(string? userId, string? code, string? returnUrl, CancellationToken cancellationToken)
    {
        Confirmed = (await confirm.RunAsync(userId, code, cancellationToken)).Succeeded;
        ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : null;
    }
}
