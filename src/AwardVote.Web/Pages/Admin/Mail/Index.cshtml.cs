using AwardVote.Application.Mail;
using AwardVote.Web.Localization;
using AwardVote.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.Admin.Mail;

/// <summary>
/// Mail delivery (<see cref="MailDeliveryReport"/>): how much of the outbox is sent, waiting or failed, and the failed
/// messages, each of which can be sent again (<see cref="ResendMail"/>), as GET /api/admin/mail and its resend do.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class IndexModel(MailDeliveryReport report, ResendMail resend, IStringLocalizer<SharedResource> l) : PageModel
{
    public MailCounts Total { get; private set; } = new("", 0, 0, 0);
    public IReadOnlyList<MailCounts> ByPurpose { get; private set; } = [];
    public IReadOnlyList<FailedMail> Failed { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        (Total, ByPurpose, Failed) = await report.RunAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostResendAsync(long id, CancellationToken cancellationToken)
    {
        var outcome = await resend.RunAsync(id, cancellationToken);
        Message = outcome.Succeeded
            ? l["The message is queued again and goes out with the next delivery run."]
            : RefusalText.Describe(outcome.FirstRefusal!, l);
        return RedirectToPage();
    }
}
