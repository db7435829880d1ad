using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using AwardVote.Application.Validation;

namespace AwardVote.Application;

/// <summary>
/// Checks a use case's input against the attributes on its record, row by row, so that the page, the API and any
/// other caller are held to the same limits by the use case itself. Each failure is an
/// <see cref="RefusalCode.InputNotValid"/> refusal naming its field (<c>Partners[2].Name</c>) and carrying the
/// attribute's message and the field's display name as keys that Web words in the person's language.
/// </summary>
public static class InputRules
{
    public static IReadOnlyList<Refusal> Check(object input)
    {
        var refusals = new List<Refusal>();
        Check(input, "", refusals, depth: 0);
        return refusals;
    }

    private static void Check(object model, string prefix, List<Refusal> refusals, int depth)
    {
        if (depth > 4)
            return;
        foreach (var property in model.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
                continue;
            var value = property.GetValue(model);
            var field = prefix + property.Name;
            var name = property.GetCustomAttribute<DisplayAttribute>()?.Name ?? property.Name;
            // With the record as context: [Compare] reads the other property through it.
            var context = new ValidationContext(model) { MemberName = property.Name, DisplayName = name };
            // Before the attributes: a text the database cannot hold is refused whatever else it breaks.
            if (value is string text && !StorableText.IsStorable(text))
            {
                refusals.Add(Refusal.Invalid(field, RefusalCode.InputNotValid, [new InputMessage(StorableText.FieldMessage, name)]));
                continue;
            }
            var refused = false;
            foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>())
            {
                if (attribute.GetValidationResult(value, context) == ValidationResult.Success)
                    continue;
                // The message's {1} and {2} are a length's or a range's bounds, as DataAnnotations formats them.
                object[] bounds = attribute switch
                {
                    StringLengthAttribute length => [length.MaximumLength, length.MinimumLength],
                    RangeAttribute range => [range.Minimum, range.Maximum],
                    MaxLengthAttribute max => [max.Length],
                    _ => [],
                };
                refusals.Add(Refusal.Invalid(field, RefusalCode.InputNotValid,
                    [new InputMessage(attribute.ErrorMessage ?? "The value is not valid.", name), .. bounds]));
                refused = true;
                break;
            }
            // Rows past their cap are not checked one by one: 20,000 rows would be 20,000 refusals.
            if (!refused && value is IEnumerable rows and not string && property.PropertyType.IsGenericType
                && property.PropertyType.GetGenericArguments() is [{ IsClass: true } row] && row != typeof(string))
            {
                var i = 0;
                foreach (var item in rows)
                {
                    if (item is not null)
                        Check(item, $"{field}[{i}].", refusals, depth + 1);
                    i++;
                }
            }
        }
    }
}

/// <summary>An input attribute's message and the field's display name, both keys of the pages' texts.</summary>
public sealed record InputMessage(string Template, string DisplayName);
