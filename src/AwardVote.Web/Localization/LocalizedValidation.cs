using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Localization;

/// <summary>
/// The [Required] MVC adds by itself to a non-nullable property carries no message of ours, so it said "The Scores
/// field is required." in English: it gets the key every other missing value uses, which the localizer translates.
/// </summary>
public sealed class ImplicitRequiredMessage : IValidationMetadataProvider
{
    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        foreach (var required in context.ValidationMetadata.ValidatorMetadata.OfType<RequiredAttribute>())
        {
            if (string.IsNullOrEmpty(required.ErrorMessage) && required.ErrorMessageResourceType is null)
                required.ErrorMessage = "A value for {0} is required.";
        }
    }
}

/// <summary>
/// A value model binding could not convert can reach the model state as the converter's own English words: an
/// exception without a message of ours, or the text of one ("The input string 'abc' was not in a correct format." for
/// a dictionary key that is not a number). Such an error is replaced by the translated "not valid" message before the
/// handler runs, so a refused form speaks the page's language.
/// </summary>
public sealed partial class LocalizedBindingErrors(IStringLocalizer<SharedResource> l) : IPageFilter
{
    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        foreach (var entry in context.ModelState.Values)
        {
            foreach (var error in entry.Errors.ToList())
            {
                string message;
                if (error.Exception is not null && string.IsNullOrEmpty(error.ErrorMessage))
                    message = entry.AttemptedValue is { } value ? l["The value '{0}' is not valid.", value] : l["The value is not valid."];
                else if (ConverterMessage().Match(error.ErrorMessage) is { Success: true } match)
                    message = l["The value '{0}' is not valid.", match.Groups[1].Value];
                else
                    continue;
                entry.Errors.Remove(error);
                entry.Errors.Add(new ModelError(message));
            }
        }
    }

    [GeneratedRegex("^The input string '(.*)' was not in a correct format\\.$", RegexOptions.Singleline)]
    private static partial Regex ConverterMessage();

    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
