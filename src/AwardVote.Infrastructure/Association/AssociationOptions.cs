using System.Globalization;

namespace AwardVote.Infrastructure.Association;

/// <summary>
/// Whose award this is: the name, logo, mail sender and footer people see come from here (section
/// <c>Association</c>), not from the software's name. The defaults are the demo's association, LBB.
/// </summary>
public sealed class AssociationOptions
{
    public const string Section = "Association";

    public InTwoLanguages Name { get; set; } = new("Latvijas Bibliotekāru biedrība", "Library Association of Latvia");
    /// <summary>What the association is known by in a few letters; stands for the site's name in mails ("LBB konts").</summary>
    public string ShortName { get; set; } = "LBB";
    /// <summary>The site's name beside the logo and at the end of every page title.</summary>
    public InTwoLanguages SiteName { get; set; } = new("Gada bibliotēka", "Library of the Year");
    /// <summary>A picture under wwwroot (e.g. <c>/img/logo.png</c>) for the header and for sharing; none: a star.</summary>
    public string? LogoPath { get; set; }
    /// <summary>The name mail arrives from; <c>Mail:FromName</c> wins when it is set.</summary>
    public string MailSenderName { get; set; } = "LBB Gada bibliotēka";
    /// <summary>The footer of every page, and what a page without a description of its own says to search engines.</summary>
    public InTwoLanguages Footer { get; set; } = new(
        "Latvijas Bibliotekāru biedrības Gada bibliotēkas balva: pieteikumi, žūrijas vērtējums un laureātes.",
        "The Library Association of Latvia's Library of the Year award: nominations, the jury's assessment and the laureates.");
    /// <summary>The signature under every mail.</summary>
    public InTwoLanguages MailFooter { get; set; } = new("Latvijas Bibliotekāru biedrība, Gada bibliotēkas balva", "Library Association of Latvia, Library of the Year award");
    /// <summary>Links in the footer, e.g. the association's own site and its privacy notice (none by default: a list
    /// default would be added to, not replaced by, the configured one).</summary>
    public List<FooterLink> Links { get; set; } = [];
}

/// <summary>A text in Latvian and in English; the reader's language picks one, Latvian when the other is missing.</summary>
public sealed class InTwoLanguages
{
    public InTwoLanguages() { }

    public InTwoLanguages(string lv, string en) => (Lv, En) = (lv, en);

    public string Lv { get; set; } = "";
    public string En { get; set; } = "";

    public string For(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en" && En.Length > 0 ? En : Lv;

    public string Current => For(CultureInfo.CurrentUICulture);

    public override string ToString() => Current;
}

public sealed class FooterLink
{
    public InTwoLanguages Text { get; set; } = new();
    public string Url { get; set; } = "";
}
