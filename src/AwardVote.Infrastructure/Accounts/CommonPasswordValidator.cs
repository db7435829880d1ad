using Microsoft.AspNetCore.Identity;

namespace AwardVote.Infrastructure.Accounts;

/// <summary>
/// Refuses passwords that appear on lists of the most used (and so first guessed) passwords, including the ones that
/// pass the length and character rules ("Password123", "Qwerty12345"), Latvian ones ("Parole123"), and passwords
/// made of the person's own e-mail name.
/// </summary>
public sealed class CommonPasswordValidator<TUser>(IdentityErrorDescriber errors) : IPasswordValidator<TUser>
    where TUser : class
{
    public const string Code = "PasswordTooCommon";

    // Lower-cased, digits and symbols at the end stripped: "Password123!" and "password" are the same guess.
    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "password", "passw0rd", "qwerty", "qwertyuiop", "asdfgh", "asdfghjkl", "zxcvbnm", "letmein", "welcome", "admin",
        "administrator", "iloveyou", "monkey", "dragon", "football", "baseball", "sunshine", "princess", "starwars",
        "trustno", "master", "shadow", "superman", "batman", "michael", "jennifer", "charlie", "whatever", "freedom",
        "abc", "abcdef", "abcdefg", "qazwsx", "qwe", "qweasd", "changeme", "secret", "default", "login", "test", "user",
        "parole", "parolite", "slepens", "latvija", "riga", "bibliotek", "biblioteka", "library", "awardvote", "lbb",
        "gadabiblioteka", "zurija", "juris", "janis", "anna", "liga", "ilze", "inese", "andris", "martins", "karlis",
    };

    public async Task<IdentityResult> ValidateAsync(UserManager<TUser> manager, TUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
            return IdentityResult.Success;
        var stem = Stem(password);
        var email = await manager.GetEmailAsync(user);
        var local = email is null ? null : Stem(email.Split('@')[0]);
        return stem.Length == 0 || Common.Contains(stem) || (local is { Length: >= 3 } && stem.Contains(local, StringComparison.Ordinal))
            ? IdentityResult.Failed(new IdentityError { Code = Code, Description = Describe(errors) })
            : IdentityResult.Success;
    }

    /// <summary>The describer may be the localised one; a plain one gets the English text.</summary>
    private static string Describe(IdentityErrorDescriber errors) =>
        errors is ICommonPasswordDescriber localised ? localised.PasswordTooCommon() : "This password is too common or too easy to guess. Choose another.";

    private static string Stem(string password)
    {
        var lower = password.Trim().ToLowerInvariant();
        var end = lower.Length;
        while (end > 0 && !char.IsLetter(lower[end - 1]))
            end--;
        var start = 0;
        while (start < end && !char.IsLetter(lower[start]))
            start++;
        return lower[start..end].Replace("0", "o", StringComparison.Ordinal);
    }
}

/// <summary>The message for a common password, in the request's language.</summary>
public interface ICommonPasswordDescriber
{
    string PasswordTooCommon();
}
