using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AwardVote.Web.Api;

/// <summary>An example request body and answer of one endpoint, shown in <c>/openapi/v1.json</c>.</summary>
public sealed record ApiExample(object? Request, object? Response, int Status);

public static class ApiExampleExtensions
{
    /// <summary>
    /// Documents the endpoint with an example of what to send and what comes back (status <paramref name="status"/>),
    /// written as the C# objects the JSON is serialised from, so the example cannot drift from the types' names.
    /// </summary>
    public static RouteHandlerBuilder WithExample(this RouteHandlerBuilder builder, object? request, object? response, int status = StatusCodes.Status200OK) =>
        builder.WithMetadata(new ApiExample(request, response, status));
}

/// <summary>Puts each endpoint's <see cref="ApiExample"/> into its OpenAPI operation.</summary>
internal sealed class ApiExampleTransformer : IOpenApiOperationTransformer
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<ApiExample>().FirstOrDefault() is not { } example)
            return Task.CompletedTask;
        if (example.Request is not null && operation.RequestBody?.Content is { } requestContent)
        {
            foreach (var media in requestContent.Values)
                media.Example = JsonSerializer.SerializeToNode(example.Request, example.Request.GetType(), Json);
        }
        if (example.Response is not null)
        {
            operation.Responses ??= [];
            var status = example.Status.ToString(CultureInfo.InvariantCulture);
            if (!operation.Responses.TryGetValue(status, out var response))
                operation.Responses[status] = response = new OpenApiResponse { Description = "OK" };
            if (response is OpenApiResponse concrete)
            {
                concrete.Content ??= new Dictionary<string, OpenApiMediaType>();
                if (concrete.Content.Count == 0)
                    concrete.Content["application/json"] = new OpenApiMediaType();
                foreach (var media in concrete.Content.Values)
                    media.Example = JsonSerializer.SerializeToNode(example.Response, example.Response.GetType(), Json);
            }
        }
        return Task.CompletedTask;
    }
}

/// <summary>
/// The people and places the API's examples speak of. Constants, so an example's <c>Name = …</c> is not taken for a
/// page text that needs a translation (the examples are data, in Latvian as the association's own would be).
/// </summary>
internal static class ExampleValues
{
    public const string Library = "Latgales Centrālā bibliotēka";
    public const string Representative = "Līga Kalniņa";
    public const string Applicant = "Ilze Bērziņa";
}
