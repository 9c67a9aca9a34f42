using FluentValidation;

using Lessons.Application.Common.Behaviors;
using Lessons.Application.Common.Security;
using Lessons.Application.Notifications;
using Lessons.Application.Organisations;
using Lessons.Application.Subscriptions;

using Microsoft.Extensions.DependencyInjection;

namespace Lessons.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(DependencyInjection)];
            // Order matters: an unauthorised caller learns nothing from validation messages.
            options.PipelineBehaviors = [typeof(AuthorizationBehavior<,>), typeof(ValidationBehavior<,>)];
        });
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddScoped<CurrentViewer>();
        services.AddScoped<OrganisationResolver>();
        services.AddScoped<Notifier>();
        services.AddScoped<MembershipNotifications>();
        services.AddScoped<ReportNotifications>();
        services.AddScoped<SubscriptionMails>();
        services.AddScoped<Digests.DigestComposer>();
        services.AddScoped<Digests.DigestRunWork>();
        services.AddSingleton<Digests.DigestNode>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
