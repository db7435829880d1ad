using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.UseCases;

/// <summary>
/// The JSON API checks a use case's input with the same attributes the page's form is checked with, and words each
/// error as the form does: the attribute's message is the localizer's key, formatted as DataAnnotations formats it.
/// Rows (a list of objects) are checked row by row, each error named by its JSON path (<c>partners[2].name</c>).
/// </summary>
public static class InputValidation
{
    public static Dictionary<string, string[]> Validate(object input, IStringLocalizer l, IServiceProvider? services = null)
    {
        var errors = new Dictionary<string, List<string>>();
        Check(input, "", l, services, errors, depth: 0);
        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

    private static void Check(object model, string prefix, IStringLocalizer l, IServiceProvider? services,
        Dictionary<string, List<string>> errors, int depth)
    {
        if (depth > 4)
            return;
        foreach (var property in model.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
                continue;
            var value = property.GetValue(model);
            var path = prefix + OutcomeResults.JsonPath(property.Name);
            var name = l[property.GetCustomAttribute<DisplayAttribute>()?.Name ?? property.Name].Value;
            var context = new ValidationContext(model, services, null) { DisplayName = name, MemberName = property.Name };
            foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>())
            {
                if (attribute.GetValidationResult(value, context) == ValidationResult.Success)
                    continue;
                var template = l[attribute.ErrorMessage ?? "The value is not valid."].Value;
                Add(errors, path, attribute switch
                {
                    StringLengthAttribute length => string.Format(CultureInfo.CurrentCulture, template, name, length.MaximumLength, length.MinimumLength),
                    RangeAttribute range => string.Format(CultureInfo.CurrentCulture, template, name, range.Minimum, range.Maximum),
                    _ => string.Format(CultureInfo.CurrentCulture, template, name),
                });
            }
            if (value is IEnumerable rows and not string && property.PropertyType.IsGenericType
                && property.PropertyType.GetGenericArguments() is [{ IsClass: true } row] && row != typeof(string))
            {
                var i = 0;
                foreach (var item in rows)
                {
                    if (item is not null)
                        Check(item, $"{path}[{i}].", l, services, errors, depth + 1);
                    i++;
                }
            }
        }
    }

    private static void Add(Dictionary<string, List<string>> errors, string key, string message)
    {
        if (!errors.TryGetValue(key, out var list))
            errors[key] = list = [];
        list.Add(message);
    }
}
