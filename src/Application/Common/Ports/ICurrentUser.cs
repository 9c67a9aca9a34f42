namespace Lessons.Application.Common.Ports;

/// <summary>Who is asking, as the host knows it (a cookie, the command line). Organisation and role come from the database.</summary>
public interface ICurrentUser
{
    Guid? UserId { get; }

    bool IsModerator { get; }

    bool IsAdmin { get; }
}
