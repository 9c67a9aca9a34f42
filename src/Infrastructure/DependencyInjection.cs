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

    /// <summary>Connections one node may hold open to PostgreSQL. Npgsql's own default (100) on two nodes already
    /// exceeds the server's default <c>max_connections</c> (100), which refused connections under load.</summary>
    public const int DefaultMaxPoolSize = 30;

    /// <summary><c>Database:MaxPoolSize</c> as the pool's size, unless the connection string names one itself.</summary>
    internal static string SizedPool(string connectionString, int maxPoolSize)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        // The builder writes back only the keywords that were set, under their canonical names, whatever synonym
        // (MaxPoolSize, Max Pool Size) the operator wrote.
        var named = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = builder.ConnectionString };
        if (named.ContainsKey("Maximum Pool Size")) return connectionString;
        if (maxPoolSize < 1) throw new InvalidOperationException($"Database:MaxPoolSize ska vara minst 1, inte {maxPoolSize}.");
        builder.MaxPoolSize = maxPoolSize;
        return builder.ConnectionString;
    }

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        // The EF models are compiled (Persistence/CompiledModels, made by `dotnet ef dbcontext optimize`): building
        // them at start cost ~0.4 s of the cold start. Regenerate them with every migration (operators-guide.md).
        // Hosted services start in registration order: the schema must exist before anything (Data Protection's
        // key ring, registered by Identity's cookies) reads the database.
        services.AddHostedService<DatabaseStartup>();
        services.AddSingleton<Search.IndexMaintenance>();
        services.AddHostedService(sp => sp.GetRequiredService<Search.IndexMaintenance>());
        services.AddHostedService<Digests.DigestScheduler>();

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
            connectionString = SizedPool(connectionString, configuration.GetValue("Database:MaxPoolSize", DefaultMaxPoolSize));
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

        services.AddOptions<EmailOptions>().Bind(configuration.GetSection("Email"))
            .Validate(o => o.Smtp.Attempts >= 1, "Email:Smtp:Attempts must be at least 1.")
            .Validate(o => o.Smtp.MessagesPerSecond >= 0, "Email:Smtp:MessagesPerSecond must be 0 (no limit) or more.")
            .Validate(o => o.Smtp.Timeout > TimeSpan.Zero && o.Smtp.RetryDelay >= TimeSpan.Zero, "Email:Smtp:Timeout must be positive and Email:Smtp:RetryDelay not negative.")
            .ValidateOnStart();
        services.AddMetrics();
        services.AddSingleton<EmailMetrics>();
        var delivery = configuration["Email:Delivery"] ?? "Pickup";
        if (delivery.Equals("Smtp", StringComparison.OrdinalIgnoreCase)) services.AddSingleton<IEmailSender, SmtpEmailSender>();
        else if (delivery.Equals("Pickup", StringComparison.OrdinalIgnoreCase)) services.AddSingleton<IEmailSender, PickupFolderEmailSender>();
        else throw new InvalidOperationException($"Email:Delivery must be Pickup or Smtp, not \"{delivery}\".");

        services.AddSingleton<ISiteAddress, Site.ConfiguredSiteAddress>();
        services.AddSingleton<ISiteContact, Site.ConfiguredSiteContact>();
        services.AddSingleton<ISubscriberTokens, Subscriptions.DataProtectionSubscriberTokens>();
        services.AddScoped<IModeratorDirectory, ModeratorDirectory>();

        services.AddSingleton<IMarkdownRenderer, SafeMarkdown>();

        services.AddOptions<Application.Digests.DigestOptions>().Bind(configuration.GetSection("Digest"));
        services.AddScoped<IReportMatching, Search.ReportMatching>();
        services.AddScoped<IDeliveryClaims, DeliveryClaims>();
        services.AddScoped<IDeliveryWriter, DeliveryWriter>();
        services.AddSingleton<Digests.DigestSchedulerState>();
        services.AddHealthChecks().AddCheck<Digests.DigestHealthCheck>("digest", tags: ["ready"]);

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
