using System.Buffers.Text;
using System.Security.Cryptography;

using Lessons.Application.Common.Ports;

using Microsoft.AspNetCore.DataProtection;

namespace Lessons.Infrastructure.Subscriptions;

/// <summary>
/// Tokens made by ASP.NET Core Data Protection (authenticated encryption with keys kept in the database, shared by
/// every node). Expired keys still decrypt, so a link in an old digest keeps unsubscribing; one purpose per use, so
/// a confirmation token cannot manage and the other way round.
/// </summary>
internal sealed class DataProtectionSubscriberTokens(IDataProtectionProvider provider) : ISubscriberTokens
{
    public string Issue(Guid subscriberId, SubscriberTokenPurpose purpose) =>
        Base64Url.EncodeToString(Protector(purpose).Protect(subscriberId.ToByteArray()));

    public Guid? Read(string? token, SubscriberTokenPurpose purpose)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000) return null;
        try
        {
            var bytes = Protector(purpose).Unprotect(Base64Url.DecodeFromChars(token));
            return bytes.Length == 16 ? new Guid(bytes) : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }

    private IDataProtector Protector(SubscriberTokenPurpose purpose) =>
        provider.CreateProtector("Lessons.Subscriptions.Token", purpose.ToString());
}
