using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages;

[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int? Code { get; private set; }

    // Read from the address by hand, with no model binding: a post re-executed here after its form was refused (too
    // large, too many fields) must not have that form read again, which fails the same way.
    public void OnGet() => Code = CodeInAddress();

    public void OnPost() => Code = CodeInAddress();

    private int? CodeInAddress() =>
        int.TryParse(Request.Query["code"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code) ? code : null;

    // A request at fault (4xx) is told what is wrong with it, never that the server failed.
    public string Title(IStringLocalizer l) => Code switch
    {
        404 => l["Page not found"],
        403 => l["Access denied"],
        413 => l["Too large"],
        429 => l["Too many requests"],
        >= 400 and < 500 => l["The request could not be processed"],
        _ => l["Something went wrong"],
    };

    public string Explanation(IStringLocalizer l) => Code switch
    {
        404 => l["There is no page at this address."],
        403 => l["Your account may not open this page."],
        413 => l["What was sent is too large. A photo can be at most 10 MB, a PDF at most 20 MB."],
        429 => l["Too many requests from your network. Wait a minute and try again."],
        >= 400 and < 500 => l["The request was incomplete or not valid. Go back, check the form and try again."],
        _ => l["An error occurred on the server. Nothing you saved before was lost; please try again."],
    };
}
