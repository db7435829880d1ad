using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using AwardVote.Domain.Accounts;
using AwardVote.Domain.Libraries;
using AwardVote.Infrastructure.Accounts;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Localization;
using AwardVote.Web.Security;
using AwardVote.Web.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.Libraries;

/// <summary>
/// A signed-in person registers a library and becomes its first representative; the association approves it later.
/// The API (POST /api/libraries) uses the same input and <see cref="RegisterAsync"/>.
/// </summary>
[Authorize]
public sealed class RegisterModel(
    AppDbContext db,
    AuditLog audit,
    TimeProvider clock,
    SignInManager<AppUser> signIn,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Lengths as in LibraryConfiguration, so a long value is an error on the form, not in the database.</summary>
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the name of the library.")]
        [StringLength(300, ErrorMessage = "The name of the library is too long.")]
        [Display(Name = "Name of the library")]
        public string Name { get; set; } = "";

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

    public sealed record FieldError(string Field, string Message);

    public sealed record Outcome(Library? Library, IReadOnlyList<FieldError> Errors)
    {
        public bool Succeeded => Library is not null;
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
            return Page();

        var outcome = await RegisterAsync(db, audit, clock, l, User.UserId(), Input, cancellationToken);
        if (!outcome.Succeeded)
        {
            foreach (var error in outcome.Errors)
                ModelState.AddModelError($"{nameof(Input)}.{error.Field}", error.Message);
            return Page();
        }

        // The new grant becomes a role claim now, not at the next sign-in.
        if (await signIn.UserManager.GetUserAsync(User) is { } user)
            await signIn.RefreshSignInAsync(user);
        return RedirectToPage("./Index", new { registered = outcome.Library!.Id });
    }

    /// <summary>
    /// Creates the library (waiting for approval), the person's representative grant and the audit entry in one
    /// SaveChanges. The checks the attributes cannot make (region, web address, a taken registration number) come
    /// back as field errors in the request's language.
    /// </summary>
    public static async Task<Outcome> RegisterAsync(AppDbContext db, AuditLog audit, TimeProvider clock,
        IStringLocalizer l, string userId, InputModel input, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var region = input.Region.Trim();
        if (!LibraryDisplayNames.Regions.Contains(region))
            errors.Add(new(nameof(InputModel.Region), l["Choose a region from the list."]));
        if (!Enum.IsDefined(input.Type))
            errors.Add(new(nameof(InputModel.Type), l["Choose a type from the list."]));
        var website = NormalizeWebsite(input.Website);
        if (website is { Length: > 500 } || (website is not null && !IsWebAddress(website)))
            errors.Add(new(nameof(InputModel.Website), l["Enter a valid web address, for example https://biblioteka.lv."]));
        // Numbers are compared as written in capitals without spaces around: "lv-0123 " and "LV-0123" are one library.
        var registrationNumber = input.RegistrationNumber.Trim().ToUpperInvariant();
        if (await db.Libraries.AnyAsync(x => x.RegistrationNumber == registrationNumber, cancellationToken))
            errors.Add(DuplicateNumber(l));
        if (errors.Count > 0)
            return new Outcome(null, errors);

        var now = clock.GetUtcNow();
        var library = new Library
        {
            Name = input.Name.Trim(),
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
                library.Name, library.Region, library.Municipality, library.Type, library.RegistrationNumber, library.Status,
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone registered the same number between the check and the insert: the unique key decided.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return new Outcome(null, [DuplicateNumber(l)]);
        }
        return new Outcome(library, []);
    }

    private static FieldError DuplicateNumber(IStringLocalizer l) => new(nameof(InputModel.RegistrationNumber),
        l["A library with this registration number is already registered. If it is your library, ask its representative to invite you."]);

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
