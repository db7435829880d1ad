using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages;

[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int? Code { get; private set; }

    public void OnGet(int? code) => Code = code;

    public void OnPost(int? code) => Code = code;

    public string Title(IStringLocalizer l) => Code switch
    {
        404 => l["Page not found"],
        403 => l["Access denied"],
        400 => l["The request could not be processed"],
        429 => l["Too many requests"],
        _ => l["Something went wrong"],
    };

    public string Explanation(IStringLocalizer l) => Code switch
    {
        404 => l["There is no page at this address."],
        403 => l["Your account may not open this page."],
        400 => l["The request was incomplete or not valid. Go back, check the form and try again."],
        429 => l["Too many requests from your network. Wait a minute and try again."],
        _ => l["An error occurred on the server. Nothing you saved before was lost; please try again."],
    };
}
