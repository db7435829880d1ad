using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Localization;

/// <summary>Latvian first, English second: the only two languages of AwardVote.</summary>
public static class Cultures
{
    public const string Latvian = "lv";
    public const string English = "en";
    public static readonly string[] Supported = [Latvian, English];

    public static bool IsSupported(string? culture) => culture is not null && Supported.Contains(culture);

    public static void Configure(RequestLocalizationOptions options)
    {
        var cultures = Supported.Select(CultureInfo.GetCultureInfo).ToList();
        options.DefaultRequestCulture = new RequestCulture(Latvian);
        options.SupportedCultures = cultures;
        options.SupportedUICultures = cultures;
        // Latvian unless the person chose otherwise (cookie) or a link says so (?culture=en); never the browser's
        // Accept-Language, because the association wants Latvian as the default for everyone.
        options.RequestCultureProviders =
        [
            new QueryStringRequestCultureProvider(),
            new CookieRequestCultureProvider(),
        ];
    }

    /// <summary>Remembers the language for a year (MaxAge: the browser counts, so no clock is read here).</summary>
    public static void AppendCookie(HttpResponse response, string culture) =>
        response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
}

/// <summary>The model binder's own messages ("The value '' is invalid.") in the request's language.</summary>
public sealed class LocalizedModelBindingMessages(IStringLocalizer<SharedResource> l) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        var messages = options.ModelBindingMessageProvider;
        messages.SetValueIsInvalidAccessor(value => l["The value '{0}' is not valid.", value]);
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => l["The value '{0}' is not valid for {1}.", value, field]);
        messages.SetMissingBindRequiredValueAccessor(field => l["A value for {0} is required.", field]);
        messages.SetValueMustNotBeNullAccessor(field => l["A value for {0} is required.", field]);
        messages.SetValueMustBeANumberAccessor(field => l["{0} must be a number.", field]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => l["The field must be a number."]);
        messages.SetUnknownValueIsInvalidAccessor(field => l["The value for {0} is not valid.", field]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => l["The value '{0}' is not valid.", value]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => l["The value is not valid."]);
        messages.SetMissingKeyOrValueAccessor(() => l["A value is required."]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => l["A request body is required."]);
        options.ModelMetadataDetailsProviders.Add(new ImplicitRequiredMessage());
        options.Filters.Add<LocalizedBindingErrors>();
    }
}
