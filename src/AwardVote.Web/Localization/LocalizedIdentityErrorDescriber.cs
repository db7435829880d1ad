using AwardVote.Infrastructure.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Localization;

/// <summary>Identity's error messages (passwords, duplicate addresses, tokens) in the request's language.</summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<SharedResource> l) : IdentityErrorDescriber, ICommonPasswordDescriber
{
    private IdentityError Error(string code, LocalizedString text) => new() { Code = code, Description = text };

    public override IdentityError DefaultError() => Error(nameof(DefaultError), l["Something went wrong. Please try again."]);
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), l["The e-mail address {0} is already registered.", email]);
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), l["The e-mail address {0} is already registered.", userName]);
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), l["The e-mail address {0} is not valid.", email ?? ""]);
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), l["The e-mail address {0} is not valid.", userName ?? ""]);
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), l["The link is not valid or has expired."]);
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), l["The password is not correct."]);
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), l["The password must have at least {0} characters.", length]);
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), l["The password must contain a digit."]);
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), l["The password must contain a lowercase letter."]);
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), l["The password must contain an uppercase letter."]);
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), l["The password must contain a symbol."]);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), l["The password must have at least {0} different characters.", uniqueChars]);
    public string PasswordTooCommon() => l["This password is too easy to guess: it is made of common words, names, dates or patterns. Choose a longer one, for example three or four unrelated words."];
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), l["Someone else changed this at the same time. Please try again."]);
}
