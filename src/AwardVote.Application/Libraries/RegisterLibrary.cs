using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using AwardVote.Application.Validation;
using AwardVote.Domain.Accounts;
using AwardVote.Domain.Libraries;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using AwardVote.Infrastructure.Mail.Templates;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Libraries;

/// <summary>A library as the person registering it describes it. Lengths as in LibraryConfiguration.</summary>
public sealed class RegisterLibraryInput
{
    [Required(ErrorMessage = "Enter the name of the library.")]
    [StringLength(300, ErrorMessage = "The name of the library is too long.")]
    [Display(Name = "Name of the library")]
    public string Name { get; set; } = "";

    /// <summary>The name's other cases for Latvian sentences ("Lēmums par … (ko?)"); left empty, the proposal stands.</summary>
    [StringLength(300, ErrorMessage = "A form of the name is too long.")]
    [Display(Name = "Genitive (kā?), as in “… pieteikums”")]
    public string? NameGenitive { get; set; }

    [StringLength(300, ErrorMessage = "A form of the name is too long.")]
    [Display(Name = "Dative (kam?), as in “vēstule …”")]
    public string? NameDative { get; set; }

    [StringLength(300, ErrorMessage = "A form of the name is too long.")]
    [Display(Name = "Accusative (ko?), as in “lēmums par …”")]
    public string? NameAccusative { get; set; }

    [StringLength(300, ErrorMessage = "A form of the name is too long.")]
    [Display(Name = "Locative (kur?), as in “pasākums …”")]
    public string? NameLocative { get; set; }

    [Required(ErrorMessage = "Choose the region.")]
    [StringLength(100, ErrorMessage = "Choose a region from the list.")]
    [Display(Name = "Region")]
    public string Region { get; set; } = "";

    [StringLength(100, ErrorMessage = "The name of the city or municipality is too long.")]
    [Display(Name = "City or municipality")]
    public string? Municipality { get; set; }

    [Display(Name = "Type of library")]
    [JsonConverter(typeof(JsonStringEnumConverter<LibraryType>))]
    public LibraryType Type { get; set; } = LibraryType.Public;

    [Required(ErrorMessage = "Enter the registration number.")]
    [StringLength(50, ErrorMessage = "The registration number is too long.")]
    [Display(Name = "Registration number")]
    public string RegistrationNumber { get; set; } = "";

    [StringLength(500, ErrorMessage = "The address is too long.")]
    [Display(Name = "Address")]
    public string? Address { get; set; }

    [StringLength(500, ErrorMessage = "The web address is too long.")]
    [Display(Name = "Website")]
    public string? Website { get; set; }

    [MailAddress(ErrorMessage = "Enter a valid e-mail address.")]
    [StringLength(320, ErrorMessage = "The e-mail address is too long.")]
    [Display(Name = "Library's e-mail")]
    public string? Email { get; set; }

    [StringLength(50, ErrorMessage = "The phone number is too long.")]
    [Display(Name = "Phone")]
    public string? Phone { get; set; }
}

/// <summary>
/// A signed-in person registers a library and becomes its first representative; the association approves it later.
/// The library (waiting for approval), the person's grant, the audit entry and a mail to every administrator (in
/// their language, with a link to the review page) are saved in one transaction: nobody has to look for new libraries.
/// </summary>
public sealed class RegisterLibrary(AppDbContext db, AuditLog audit, Outbox outbox, MailSoon mail, PublicLinks links,
    TimeProvider clock) : IUseCase
{
    public async Task<Outcome<Library>> RunAsync(string userId, RegisterLibraryInput input, CancellationToken cancellationToken)
    {
        if (InputRules.Check(input) is { Count: > 0 } invalid)
            return Outcome<Library>.Refused(invalid);
        var refusals = new List<Refusal>();
        var region = input.Region.Trim();
        if (!Regions.All.Contains(region))
            refusals.Add(Refusal.Invalid(nameof(input.Region), RefusalCode.RegionNotInList));
        if (!Enum.IsDefined(input.Type))
            refusals.Add(Refusal.Invalid(nameof(input.Type), RefusalCode.LibraryTypeNotInList));
        var website = NormalizeWebsite(input.Website);
        if (website is { Length: > 500 } || (website is not null && !IsWebAddress(website)))
            refusals.Add(Refusal.Invalid(nameof(input.Website), RefusalCode.WebsiteNotValid));
        // Numbers are compared as written in capitals without spaces around: "lv-0123 " and "LV-0123" are one library.
        var registrationNumber = input.RegistrationNumber.Trim().ToUpperInvariant();
        if (await db.Libraries.AnyAsync(x => x.RegistrationNumber == registrationNumber, cancellationToken))
            refusals.Add(DuplicateNumber);
        if (refusals.Count > 0)
            return Outcome<Library>.Refused(refusals);

        var now = clock.GetUtcNow();
        var name = input.Name.Trim();
        var proposed = LatvianDeclension.Propose(name).Name;
        var library = new Library
        {
            Name = name,
            NameGenitive = Optional(input.NameGenitive) ?? proposed.Genitive,
            NameDative = Optional(input.NameDative) ?? proposed.Dative,
            NameAccusative = Optional(input.NameAccusative) ?? proposed.Accusative,
            NameLocative = Optional(input.NameLocative) ?? proposed.Locative,
            Region = region,
            Municipality = Optional(input.Municipality),
            Type = input.Type,
            RegistrationNumber = registrationNumber,
            Address = Optional(input.Address),
            Website = website,
            Email = Optional(input.Email),
            Phone = Optional(input.Phone),
            Status = LibraryStatus.PendingApproval,
            RegisteredAt = now,
        };
        db.Libraries.Add(library);
        // The grant needs the library's id: one transaction keeps "a library without its representative" impossible.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            db.RoleGrants.Add(RoleGrant.Representative(userId, library.Id, now, userId));
            audit.Record("library.registered", nameof(Library), library.Id, after: new
            {
                library.Name, library.NameGenitive, library.NameDative, library.NameAccusative, library.NameLocative, library.Region, library.Municipality, library.Type, library.RegistrationNumber, library.Status,
            });
            await QueueReviewMailsAsync(library, userId, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone registered the same number between the check and the insert: the unique key decided.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return DuplicateNumber;
        }
        mail.DeliverSoon();
        return library;
    }

    private async Task QueueReviewMailsAsync(Library library, string userId, CancellationToken cancellationToken)
    {
        var registeredBy = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken) ?? "";
        var administrators = await db.RoleGrants
            .Where(g => g.Role == ScopedRole.Administrator)
            .Join(db.Users, g => g.UserId, u => u.Id, (g, u) => new { u.Id, u.Email, u.DisplayName, u.PreferredCulture })
            .Distinct()
            .ToListAsync(cancellationToken);
        var url = links.To($"/Admin/Libraries/Review?id={library.Id}");
        foreach (var administrator in administrators.Where(a => a.Email is not null))
        {
            outbox.Enqueue(new LibraryRegisteredMail(administrator.DisplayName, library.Name, library.Region, registeredBy, url),
                administrator.Email!, administrator.DisplayName, administrator.PreferredCulture, $"{library.Id}:{administrator.Id}");
        }
    }

    private static Refusal DuplicateNumber => Refusal.Invalid(nameof(RegisterLibraryInput.RegistrationNumber), RefusalCode.RegistrationNumberTaken);

    private static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>People type "www.biblioteka.lv"; the link needs a scheme.</summary>
    private static string? NormalizeWebsite(string? value)
    {
        var website = Optional(value);
        if (website is null)
            return null;
        return website.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || website.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            ? website
            : "https://" + website;
    }

    private static bool IsWebAddress(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.Host.Contains('.');
}
