namespace Lessons.Application.Notifications;

public sealed record Recipient(Guid Id, string Email, string DisplayName);

/// <summary>The platform's moderators and administrators: their role lives with the sign-in accounts, not the members.</summary>
public interface IModeratorDirectory
{
    Task<IReadOnlyList<Recipient>> ListAsync(CancellationToken ct);
}
