using System.Globalization;
using AwardVote.Infrastructure.Mail;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace AwardVote.Infrastructure.Association;

/// <summary>
/// The mail texts as the association signs them: the software's name in a text ("your AwardVote account") becomes
/// the association's short name, and the signature under every mail is the configured one. Done here, on the texts
/// and not on the rendered mail, so nothing a person wrote (a library's name, a note) is ever changed.
/// </summary>
public sealed class AssociationMailText(IStringLocalizer inner, IOptions<AssociationOptions> options) : IStringLocalizer<MailResource>
{
    /// <summary>The signature's text key in the mail resources.</summary>
    public const string SignatureKey = "AwardVote, Latvian Library Association";
    private const string SoftwareName = "AwardVote";

    public LocalizedString this[string name] => Brand(inner[name]);

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = Brand(inner[name]);
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound, format.SearchedLocation);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures).Select(Brand);

    private LocalizedString Brand(LocalizedString text)
    {
        var association = options.Value;
        if (text.Name == SignatureKey)
            return new LocalizedString(text.Name, association.MailFooter.Current, text.ResourceNotFound, text.SearchedLocation);
        return text.Value.Contains(SoftwareName, StringComparison.Ordinal)
            ? new LocalizedString(text.Name, text.Value.Replace(SoftwareName, association.ShortName, StringComparison.Ordinal), text.ResourceNotFound, text.SearchedLocation)
            : text;
    }
}
