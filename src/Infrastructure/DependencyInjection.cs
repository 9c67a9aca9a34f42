using Lessons.Application.Common.Ports;
using Lessons.Application.Notifications;
using Lessons.Infrastructure.Email;
using Lessons.Infrastructure.Identity;
using Lessons.Infrastructure.Markdown;
using Lessons.Infrastructure.Persistence;

using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Lessons.Infrastructure;

public static class DependencyInjection
{
    public const string DefaultSqliteConnection = "Data Source=data/lessons.db";

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        // The EF models are compiled (Persistence/CompiledModels, made by `dotnet ef dbcontext optimize`): building
        // them at start cost ~0.4 s of the cold start. Regenerate them with every migration (operators-guide.md).
        // Hosted services start in registration order: the schema must exist before anything (Data Protection's
        // key ring, registered by Identity's cookies) reads the database.
        services.AddHostedService<DatabaseStartup>();
        services.AddHostedService<Search.SearchIndexerService>();

        services.AddSingleton<Search.SearchChangeSignal>();
        services.AddSingleton<RenderSectionsOnSave>();
        services.AddSingleton<SharedPageCacheEviction>();
        services.TryAddSingleton<ISharedPageCache, NoSharedPageCache>();
        var provider = configuration["Database:Provider"] ?? "Sqlite";
        var connectionString = configuration.GetConnectionString("Lessons");
        if (provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            var builder = new SqliteConnectionStringBuilder(connectionString ?? DefaultSqliteConnection);
            if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(file)) is { } dir)
                Directory.CreateDirectory(dir);
            var setup = new SqliteConnectionSetup();
            services.AddDbContextPool<LessonsDbContext, SqliteLessonsDbContext>((sp, o) => o.UseSqlite(builder.ToString())
                .UseModel(Persistence.CompiledModels.Sqlite.SqliteLessonsDbContextModel.Instance)
                .AddInterceptors(setup, sp.GetRequiredService<Search.SearchChangeSignal>(), sp.GetRequiredService<RenderSectionsOnSave>(),
                    sp.GetRequiredService<SharedPageCacheEviction>()));
        }
        else if (provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException("Database:Provider is Postgres, so ConnectionStrings:Lessons must be set (see docs/operators-guide.md).");
            services.AddDbContextPool<LessonsDbContext, PostgresLessonsDbContext>((sp, o) => o.UseNpgsql(connectionString)
                .UseModel(Persistence.CompiledModels.Postgres.PostgresLessonsDbContextModel.Instance)
                .AddInterceptors(sp.GetRequiredService<Search.SearchChangeSignal>(), sp.GetRequiredService<RenderSectionsOnSave>(),
                    sp.GetRequiredService<SharedPageCacheEviction>()));
        }
        else
        {
            throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not \"{provider}\".");
        }
        services.AddScoped<ILessonsDbContext>(sp => sp.GetRequiredService<LessonsDbContext>());

        services.AddOptions<EmailOptions>().Bind(configuration.GetSection("Email"));
        var delivery = configuration["Email:Delivery"] ?? "Pickup";
        if (delivery.Equals("Smtp", StringComparison.OrdinalIgnoreCase)) services.AddSingleton<IEmailSender, SmtpEmailSender>();
        else if (delivery.Equals("Pickup", StringComparison.OrdinalIgnoreCase)) services.AddSingleton<IEmailSender, PickupFolderEmailSender>();
        else throw new InvalidOperationException($"Email:Delivery must be Pickup or Smtp, not \"{delivery}\".");

        services.AddSingleton<ISiteAddress, Site.ConfiguredSiteAddress>();
        services.AddSingleton<ISubscriberTokens, Subscriptions.DataProtectionSubscriberTokens>();
        services.AddScoped<IModeratorDirectory, ModeratorDirectory>();

        services.AddSingleton<IMarkdownRenderer, SafeMarkdown>();

        // Search: the index is opened on first use, so the command verbs (which only write the database and the
        // outbox) never take the index's lock; the running site keeps the index current.
        services.AddSingleton<Search.LuceneReportIndex>();
        services.AddSingleton<Search.SearchIndexer>();
        services.AddSingleton<IReportSearch, Search.LuceneReportSearch>();

        services.AddIdentity<LessonsUser, IdentityRole<Guid>>(options =>
            {
                // OWASP ASVS L2: length, not composition. Passphrases and å/ä/ö are welcome.
                options.Password.RequiredLength = 8;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.User.RequireUniqueEmail = true;
                options.User.AllowedUserNameCharacters = "";        // e-mail addresses as user names, å/ä/ö included
                options.SignIn.RequireConfirmedEmail = true;
                // No lockout: anyone could lock anyone out. PasswordGuard holds guessers off instead (ASVS 2.2.1).
                options.Lockout.AllowedForNewUsers = false;
            })
            .AddEntityFrameworkStores<LessonsDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<SwedishIdentityErrors>()
            .AddPasswordValidator<MaximumLengthPasswordValidator>();
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);   // OWASP 2023 for PBKDF2-SHA512
        services.AddScoped<PasswordGuard>();
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.Replace(ServiceDescriptor.Scoped<ISecurityStampValidator, SessionStampValidator>());

        // Keys in the database: every web node on the same PostgreSQL reads cookies and tokens the others wrote.
        services.AddDataProtectionKeys(configuration);
        return services;
    }
}
