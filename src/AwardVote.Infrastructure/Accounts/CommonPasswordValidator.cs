using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace AwardVote.Infrastructure.Accounts;

/// <summary>
/// Refuses a password an attacker would guess early: zxcvbn (its dictionaries of common and breached passwords,
/// names, English words, keyboard patterns, years and dates) judges it, with Latvian words added and the person's own
/// address and name, and anything below <see cref="MinimumScore"/> is refused. "Summer2026!", "Aaaaaaaaa1" and
/// "Bibliotekas1" pass the length and character rules and are refused here.
/// </summary>
public sealed class CommonPasswordValidator<TUser>(IdentityErrorDescriber errors) : IPasswordValidator<TUser>
    where TUser : class
{
    public const string Code = "PasswordTooCommon";

    /// <summary>zxcvbn's 3: "safely unguessable", about 10^10 guesses, beyond an offline attack on a slow hash.</summary>
    public const int MinimumScore = 3;

    public async Task<IdentityResult> ValidateAsync(UserManager<TUser> manager, TUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
            return IdentityResult.Success;
        var personal = new List<string>();
        var email = await manager.GetEmailAsync(user);
        if (email is not null)
            personal.AddRange(email.Split('@', '.', '-', '_', '+').Where(part => part.Length >= 3));
        if (user is AppUser { DisplayName: { } name })
            personal.AddRange(name.Split(' ', '-', '.').Where(part => part.Length >= 3));
        // The address's own name anywhere in it ("Berzina-Anna-77" for berzina@…) is the first thing a colleague tries.
        var local = email is null ? "" : Fold(email.Split('@')[0]);
        var ownName = local.Length >= 4 && Fold(password).Contains(local, StringComparison.Ordinal);
        return ownName || Score(password, personal) < MinimumScore
            ? IdentityResult.Failed(new IdentityError { Code = Code, Description = Describe(errors) })
            : IdentityResult.Success;
    }

    /// <summary>
    /// The lower of the scores of the password as typed and without its Latvian marks: "Bibliotēka2026!" is as easy
    /// to guess as "Biblioteka2026!", but zxcvbn's dictionaries hold only the latter.
    /// </summary>
    public static int Score(string password, IEnumerable<string> personal)
    {
        var inputs = LatvianWords.Common.Concat(personal.Select(Fold)).ToList();
        var folded = Fold(password);
        var score = Zxcvbn.Zxcvbn.MatchPassword(password, inputs).Score;
        return folded == password ? score : Math.Min(score, Zxcvbn.Zxcvbn.MatchPassword(folded, inputs).Score);
    }

    /// <summary>The describer may be the localised one; a plain one gets the English text.</summary>
    private static string Describe(IdentityErrorDescriber errors) =>
        errors is ICommonPasswordDescriber localised ? localised.PasswordTooCommon() : LatvianWords.Advice;

    private static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                builder.Append(c);
        return builder.ToString().Normalize(NormalizationForm.FormC).ToLowerInvariant();
    }
}

/// <summary>The message for a common password, in the request's language.</summary>
public interface ICommonPasswordDescriber
{
    string PasswordTooCommon();
}
