using Microsoft.AspNetCore.Identity;

namespace Lessons.Infrastructure.Identity;

/// <summary>The sign-in account. Its id is the member's id once the address is confirmed.</summary>
public sealed class LessonsUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";
}

public static class Roles
{
    public const string Moderator = "moderator";
    public const string Admin = "admin";
}
