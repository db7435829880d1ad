using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AwardVote.Application;

public static class ApplicationSetup
{
    /// <summary>
    /// Registers every <see cref="IUseCase"/> of this assembly (scoped: each shares the request's or the job's
    /// database context, so a change and its audit entry and mails commit together) and what they share.
    /// </summary>
    public static IServiceCollection AddAwardVoteUseCases(this IServiceCollection services)
    {
        foreach (var type in typeof(IUseCase).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IUseCase).IsAssignableFrom(t)))
        {
            services.AddScoped(type);
        }
        services.AddScoped<PublicLinks>();
        services.AddScoped<MailSoon>();
        services.AddScoped<Accounts.AccountMail>();
        services.TryAddScoped<PeoplesChoice.IAddressGroupReview, PeoplesChoice.ReportEveryAddressGroup>();
        return services;
    }
}
