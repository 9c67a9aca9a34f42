using System.Security.Cryptography.X509Certificates;

using Lessons.Infrastructure.Persistence;

using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lessons.Infrastructure.Identity;

/// <summary>
/// The data-protection keys sign and encrypt the session cookies and the links in account e-mails. They live in the
/// database, so that every web node shares them, and are therefore in every backup: with a certificate configured
/// (<c>DataProtection:Certificate:Path</c> to a PFX with its private key, and <c>:Password</c>) each key is stored
/// encrypted to it, and a copy of the database alone forges no cookie. See docs/operators-guide.md.
/// </summary>
internal static partial class DataProtectionKeys
{
    public const string CertificatePath = "DataProtection:Certificate:Path";
    public const string CertificatePassword = "DataProtection:Certificate:Password";

    public static void AddDataProtectionKeys(this IServiceCollection services, IConfiguration configuration)
    {
        var keys = services.AddDataProtection().SetApplicationName("Lessons").PersistKeysToDbContext<LessonsDbContext>();
        if (configuration[CertificatePath] is { Length: > 0 } path)
        {
            // Ephemeral: the private key stays in this process and is never written to a key store on disk.
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[CertificatePassword], X509KeyStorageFlags.EphemeralKeySet);
            if (!certificate.HasPrivateKey)
                throw new InvalidOperationException($"{CertificatePath} ({path}) must hold the private key too: the keys are decrypted with it.");
            // Also registers the certificate for decryption, which on Linux (no certificate store) is the only way.
            keys.ProtectKeysWithCertificate(certificate);
        }
        else
        {
            services.AddHostedService<UnprotectedKeysWarning>();
        }
    }

    private sealed partial class UnprotectedKeysWarning(IHostEnvironment environment, ILogger<UnprotectedKeysWarning> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (!environment.IsDevelopment()) Unprotected(logger, CertificatePath);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(Level = LogLevel.Warning, Message = "{Setting} is not set: the data-protection keys are stored unencrypted in the database and its backups, and anyone with a copy can forge session cookies (docs/operators-guide.md).")]
        private static partial void Unprotected(ILogger logger, string setting);
    }
}
