using System.Text;
using System.Text.Json;
using AwardVote.Application.Validation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Reliability;

/// <summary>
/// Text with a NUL (or another character <see cref="StorableText"/> says a database cannot hold) is refused where it
/// comes in, for every page and endpoint at once, so no form or script can turn it into a 500 on PostgreSQL. A page's
/// field gets its message beside it and the form comes back with what was typed; the API answers 400 naming the
/// field; a query string with one is a 400. The use cases check their input records again (InputRules), for callers
/// that come in another way.
/// </summary>
public static class StorableTextGuards
{
    /// <summary>The API's message: a JSON body names no field the way a form does.</summary>
    public const string BodyMessage = "The text contains a character that cannot be saved (an invisible control character, such as a null character). Remove it and try again.";

    public static IServiceCollection AddStorableTextGuards(this IServiceCollection services) =>
        services.Configure<MvcOptions>(o => o.ModelBinderProviders.Insert(0, new StorableTextBinderProvider()));

    /// <summary>The fields of a page's form whose NUL characters were taken out before the framework read it.</summary>
    private static readonly object CleanedFields = new();

    /// <summary>
    /// After routing, so that an endpoint's own size limits apply when its form is read here, and after authorization,
    /// so that nobody's body is read for an endpoint they may not use.
    /// </summary>
    public static IApplicationBuilder UseStorableTextGuards(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            var api = request.Path.StartsWithSegments("/api");
            // The error page a refused post is re-executed into must not read (and fail on) the same body again.
            if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null)
            {
                await next();
                return;
            }
            try
            {
                var refused = UnstorableQueryValue(request.Query);
                if (refused is null && api && IsJson(request.ContentType))
                {
                    var body = await BufferAsync(request, context.RequestAborted);
                    refused = UnstorableJsonValue(body.Span);
                }
                if (refused is not null)
                {
                    await RefuseAsync(context, refused, api);
                    return;
                }
                if (!api && request.HasFormContentType && request.ContentType!.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
                    await TakeOutNulAsync(context);
                if (request.HasFormContentType && context.GetEndpoint() is not null)
                    await request.ReadFormAsync(context.RequestAborted);
            }
            catch (BadHttpRequestException e)
            {
                // Past the endpoint's size limit: a 413 the error page and the API's problem explain, not a bare 400.
                context.Response.StatusCode = e.StatusCode;
                return;
            }
            catch (InvalidDataException e)
            {
                // The form's own limits (too many fields, a part too long) are "too large" as well; any other
                // malformed form is a 400.
                context.Response.StatusCode = e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)
                    ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
                return;
            }
            await next();
        });

    private static async Task<ReadOnlyMemory<byte>> BufferAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        body.Position = 0;
        request.Body = body;
        return body.GetBuffer().AsMemory(0, (int)body.Length);
    }

    /// <summary>
    /// ASP.NET Core refuses a form holding a NUL with a bare 400, which loses everything typed. The NULs are taken
    /// out here and the fields remembered, so the page comes back with the text and a message beside each field.
    /// </summary>
    private static async Task TakeOutNulAsync(HttpContext context)
    {
        var body = await BufferAsync(context.Request, context.RequestAborted);
        var text = Encoding.UTF8.GetString(body.Span);
        if (!text.Contains("%00", StringComparison.Ordinal) && !text.Contains('\0'))
            return;
        var cleaned = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pairs = new List<string>();
        foreach (var (key, values) in QueryHelpers.ParseQuery(text))
        {
            foreach (var value in values)
            {
                if (value is not null && value.Contains('\0'))
                    cleaned.Add(key);
                pairs.Add($"{Uri.EscapeDataString(key.Replace("\0", ""))}={Uri.EscapeDataString((value ?? "").Replace("\0", ""))}");
            }
        }
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(string.Join('&', pairs)));
        context.Request.ContentLength = context.Request.Body.Length;
        context.Items[CleanedFields] = cleaned;
    }

    private static async Task RefuseAsync(HttpContext context, string field, bool api)
    {
        if (!api)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        var l = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        await TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [field] = [l[BodyMessage].Value] },
            extensions: new Dictionary<string, object?> { ["code"] = "InputNotValid", ["codes"] = new[] { "InputNotValid" } })
            .ExecuteAsync(context);
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null && (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
                                    || contentType.Contains("+json", StringComparison.OrdinalIgnoreCase));

    private static string? UnstorableQueryValue(IQueryCollection query)
    {
        foreach (var (key, values) in query)
        {
            if (!StorableText.IsStorable(key))
                return "query";
            foreach (var value in values)
            {
                if (!StorableText.IsStorable(value))
                    return key;
            }
        }
        return null;
    }

    /// <summary>The path (<c>partners[3].name</c>) of the first string in the body that cannot be stored, or null.</summary>
    internal static string? UnstorableJsonValue(ReadOnlySpan<byte> json)
    {
        // A body that is not JSON is the endpoint's to refuse, with its own message.
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var frames = new List<Frame>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        NextValue(frames);
                        frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        frames[^1].Property = reader.GetString();
                        if (!StorableText.IsStorable(frames[^1].Property))
                            return Path(frames);
                        break;
                    case JsonTokenType.String:
                        NextValue(frames);
                        if (!StorableText.IsStorable(reader.GetString()))
                            return Path(frames);
                        break;
                    default:
                        NextValue(frames);
                        break;
                }
            }
        }
        catch (InvalidOperationException)
        {
            // GetString of an escaped lone surrogate ("\ud800"): text no database column holds.
            return Path(frames);
        }
        catch (JsonException)
        {
            return null;
        }
        return null;
    }

    private static void NextValue(List<Frame> frames)
    {
        if (frames is [.., { Array: true } array])
            array.Index++;
    }

    private static string Path(List<Frame> frames) =>
        string.Concat(frames.Select((f, i) => f.Array ? $"[{f.Index}]" : i == 0 ? f.Property : $".{f.Property}"));

    private sealed class Frame(bool array)
    {
        public bool Array { get; } = array;
        public int Index { get; set; } = -1;
        public string? Property { get; set; }
    }

    /// <summary>Every text a page binds from its form, address or route.</summary>
    private sealed class StorableTextBinderProvider : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context)
        {
            if (context.Metadata.ModelType != typeof(string) || context.BindingInfo.BinderType is not null)
                return null;
            var source = context.BindingInfo.BindingSource;
            if (source is not null && source != BindingSource.Form && source != BindingSource.Query && source != BindingSource.Path
                && source != BindingSource.ModelBinding)
                return null;
            return new StorableTextBinder(new SimpleTypeModelBinder(typeof(string), context.Services.GetRequiredService<ILoggerFactory>()));
        }
    }

    private sealed class StorableTextBinder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext binding)
        {
            await inner.BindModelAsync(binding);
            if (binding.Result.Model is not string text)
                return;
            var nulTakenOut = binding.HttpContext.Items[CleanedFields] is HashSet<string> cleaned && cleaned.Contains(binding.ModelName);
            if (!nulTakenOut && StorableText.IsStorable(text))
                return;
            var l = binding.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            binding.ModelState.TryAddModelError(binding.ModelName, l[StorableText.FieldMessage, binding.ModelMetadata.GetDisplayName()]);
            // The message keeps the form from being saved; a handler that saves regardless saves the text without them.
            binding.Result = ModelBindingResult.Success(StorableText.WithoutUnstorable(text));
        }
    }
}
