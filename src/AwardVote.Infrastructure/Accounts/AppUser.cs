using Microsoft.AspNetCore.Identity;

namespace AwardVote.Infrastructure.Accounts;

/// <summary>An account. Its roles are scoped <see cref="Domain.Accounts.RoleGrant"/>s, not Identity roles.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    /// <summary>"lv" or "en": pages after sign-in and every e-mail use it.</summary>
    public string PreferredCulture { get; set; } = "lv";
    /// <summary>The library the person works at, if any; conflict-of-interest proposals use it.</summary>
    public int? HomeLibraryId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
