using System.Collections;
using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Api;

/// <summary>
/// Refuses a JSON body holding an enum value its type does not define, at any depth: System.Text.Json reads any
/// number into an enum (99 as a round's kind, an eligibility outcome, a statistic), and the endpoints behind would save
/// it. A 400 with the field and a message, before the endpoint sees the body.
/// </summary>
public sealed class DefinedValuesFilter(IStringLocalizer<SharedResource> l) : IEndpointFilter
{
    private const int MaxDepth = 8;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var bodyType = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        if (bodyType is null)
            return await next(context);
        var errors = new Dictionary<string, string[]>();
        foreach (var argument in context.Arguments.Where(a => a is not null && bodyType.IsInstanceOfType(a)))
            Check(argument, "", errors, 0);
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : await next(context);
    }

    private void Check(object? value, string path, Dictionary<string, string[]> errors, int depth)
    {
        if (value is null || depth > MaxDepth)
            return;
        var type = value.GetType();
        if (type.IsEnum)
        {
            if (!Enum.IsDefined(type, value))
                errors[path] = [l["Choose one of the listed values."]];
            return;
        }
        switch (value)
        {
            case string or decimal or Guid or DateTime or DateTimeOffset or TimeSpan:
                return;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                    Check(entry.Value, $"{path}[{entry.Key}]", errors, depth + 1);
                return;
            case IEnumerable items:
                var index = 0;
                foreach (var item in items)
                    Check(item, $"{path}[{index++}]", errors, depth + 1);
                return;
        }
        // Only AwardVote's own request shapes are walked: nothing else comes in a body.
        if (type.IsPrimitive || type.Namespace?.StartsWith("AwardVote.", StringComparison.Ordinal) != true)
            return;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            var name = char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
            Check(property.GetValue(value), path.Length == 0 ? name : $"{path}.{name}", errors, depth + 1);
        }
    }
}
