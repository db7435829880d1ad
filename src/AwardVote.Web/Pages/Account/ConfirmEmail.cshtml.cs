using AwardVote.Application.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AwardVote.Web.Pages.Account;

/// <summary>The mailed confirmation link (<see cref="ConfirmEmail"/>).</summary>
public sealed class ConfirmEmailModel(ConfirmEmail confirm) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(string? userId, string? code, CancellationToken cancellationToken) =>
        Confirmed = (await confirm.RunAsync(userId, code, cancellationToken)).Succeeded;
}
