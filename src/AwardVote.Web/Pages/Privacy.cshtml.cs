using AwardVote.Infrastructure.Association;
using AwardVote.Infrastructure.Mail;
using AwardVote.Infrastructure.Privacy;
using AwardVote.Web.PublicPages;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace AwardVote.Web.Pages;

/// <summary>
/// The privacy notice (GDPR Art. 13): who the controller is, what is kept about each kind of person, why, who sees it,
/// how long, and the person's rights. The controller, contact and every period come from configuration (sections
/// <c>Privacy</c> and <c>Mail</c>), the same settings the retention jobs keep to, so the page cannot promise a period
/// the jobs do not keep.
/// </summary>
[OutputCache(PolicyName = PublicPageCachePolicy.Name)]
[AllowAnonymous]
public sealed class PrivacyModel(IOptions<PrivacyOptions> privacy, IOptions<MailOptions> mail, IOptions<AssociationOptions> association)
    : PageModel
{
    public PrivacyOptions Privacy => privacy.Value;

    public int FailedMailDays => mail.Value.FailedRetentionDays;

    /// <summary>The controller named in the notice: the configured one, or else the association itself.</summary>
    public InTwoLanguages Controller => Privacy.Controller is { Lv.Length: > 0 } controller ? controller : association.Value.Name;

    public void OnGet()
    {
    }
}
