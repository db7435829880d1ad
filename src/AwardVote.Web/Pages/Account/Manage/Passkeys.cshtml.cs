using AwardVote.Application;
using AwardVote.Application.Accounts;
using AwardVote.Infrastructure.Accounts;
using AwardVote.Web.Localization;
using AwardVote.Web.Security;
using AwardVote.Web.UseCases;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.Account.Manage;

/// <summary>
/// The account's passkeys: listed, added (the browser makes one, Identity checks it, <see cref="AddPasskey"/> keeps it)
/// and removed (<see cref="RemovePasskey"/>). The browser's part is wwwroot/js/passkeys.js.
/// </summary>
public sealed class PasskeysModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AddPasskey add, RemovePasskey remove,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public AddPasskeyInput Input { get; set; } = new();

    /// <summary>The browser's answer (JSON), filled in by the script.</summary>
    [BindProperty]
    public string? Credential { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public RemovePasskeyInput Remove { get; } = new();

    public sealed record PasskeyRow(string Id, string Name, DateTimeOffset CreatedAt);

    public IReadOnlyList<PasskeyRow> Passkeys { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    /// <summary>What the browser needs to make a passkey for this account (Identity keeps the challenge to check the answer).</summary>
    public async Task<IActionResult> OnPostCreationOptionsAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return NotFound();
        var options = await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity
        {
            Id = await users.GetUserIdAsync(user),
            Name = user.Email ?? user.UserName ?? user.Id,
            DisplayName = user.DisplayName,
        });
        return Content(options, "application/json");
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        UserPasskeyInfo? passkey = null;
        if (!string.IsNullOrEmpty(Credential) && Credential.Length <= 64 * 1024)
        {
            try
            {
                var attestation = await signIn.PerformPasskeyAttestationAsync(Credential);
                if (attestation.Succeeded)
                    passkey = attestation.Passkey;
            }
            catch (Exception e) when (e is InvalidOperationException or PasskeyException or System.Text.Json.JsonException)
            {
                // No passkey was being made in this browser (the options were never asked), or the answer is not JSON:
                // refused below like any answer Identity does not accept, not a 500.
            }
        }
        var outcome = await add.RunAsync(User.UserId(), Input, passkey, cancellationToken);
        if (outcome.Succeeded)
            return RedirectToPage(new { done = "added" });
        ModelState.Clear();
        return this.Refused(outcome) ?? (await LoadAsync() ? Page() : NotFound());
    }

    public async Task<IActionResult> OnPostRemoveAsync([Bind(Prefix = nameof(Remove))] RemovePasskeyInput input, CancellationToken cancellationToken)
    {
        var outcome = await remove.RunAsync(User.UserId(), input, cancellationToken);
        if (outcome.Succeeded)
            return RedirectToPage(new { done = "removed" });
        ModelState.Clear();
        if (outcome.Is(RefusalKind.NotFound))
            return NotFound();
        // Beside the passkey's own form: each row posts its own password field.
        foreach (var refusal in outcome.Refusals)
            ModelState.AddModelError($"Remove.{input.CredentialId}", RefusalText.Describe(refusal, l));
        return await LoadAsync() ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return false;
        Passkeys = (await users.GetPasskeysAsync(user))
            .Select(p => new PasskeyRow(WebEncoders.Base64UrlEncode(p.CredentialId), p.Name ?? "", p.CreatedAt))
            .OrderBy(p => p.CreatedAt)
            .ToList();
        return true;
    }
}
