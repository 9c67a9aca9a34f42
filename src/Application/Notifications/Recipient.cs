using Lessons.Domain;

namespace Lessons.Application.Notifications;

/// <summary>Someone a notification goes to, with the language their mails are written in (<see cref="LanguageCodes"/>).</summary>
public sealed record Recipient(Guid Id, string Email, string DisplayName, string Language = LanguageCodes.Swedish);

/// <summary>The platform's moderators and administrators: their role lives with the sign-in accounts, not the members.</summary>
public interface IModeratorDirectory
{
    Task<IReadOnlyList<Recipient>> ListAsync(CancellationToken ct);
}
