namespace AwardVote.Web.Reliability;

/// <summary>
/// An address no page or endpoint answers is "not found" for everybody. Without this the fallback policy ("signed in
/// unless a page says otherwise") also covered addresses that lead nowhere, so a stranger asking for a missing page
/// was sent to the sign-in page, as if it existed and were private.
/// </summary>
public static class UnknownAddresses
{
    /// <summary>After routing (which finds the endpoint) and before authentication and authorization.</summary>
    public static void UseNotFoundForUnknownAddresses(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.GetEndpoint() is not null)
                return next(context);
            // An empty 404: the status-code pages show the error page (or the API's problem) in the reader's language.
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
}
