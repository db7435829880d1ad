using System.ComponentModel.DataAnnotations;
using System.Net.Mail;
using Microsoft.Extensions.Localization;

namespace AwardVote.Application.Validation;

/// <summary>
/// An address mail can be sent to: one address (no name, no list), a domain with a dot, none of the characters
/// markup and address lists are made of. [EmailAddress] only looks for an "@", so "&lt;script&gt;…&lt;/script&gt;@x"
/// passed it and went to the outbox. Empty passes: [Required] says whether one is needed. The message is the
/// request's language: MVC translates only the attributes it knows, so this one translates its own with the
/// localizer the request offers (Web registers its pages' one as the plain <see cref="IStringLocalizer"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class MailAddressAttribute : ValidationAttribute
{
    private static readonly char[] Forbidden = ['<', '>', '"', '(', ')', ',', ';', ':', '\\', '[', ']', ' ', '\t', '\r', '\n'];

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (IsValid(value))
            return ValidationResult.Success;
        var message = validationContext.GetService(typeof(IStringLocalizer)) is IStringLocalizer l
            ? l[ErrorMessageString, validationContext.DisplayName].Value
            : FormatErrorMessage(validationContext.DisplayName);
        return new ValidationResult(message, validationContext.MemberName is { } member ? [member] : null);
    }

    public override bool IsValid(object? value)
    {
        if (value is null || value is string { Length: 0 })
            return true;
        if (value is not string text)
            return false;
        text = text.Trim();
        return text.IndexOfAny(Forbidden) < 0
               && MailAddress.TryCreate(text, out var address)
               && address.Address == text
               && string.IsNullOrEmpty(address.DisplayName)
               && address.Host.Contains('.')
               && !address.Host.StartsWith('.') && !address.Host.EndsWith('.');
    }
}
