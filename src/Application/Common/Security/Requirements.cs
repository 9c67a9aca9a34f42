namespace Lessons.Application.Common.Security;

/// <summary>Marks a request that needs a signed-in user with a confirmed address (a member).</summary>
public interface IRequireMember;

/// <summary>Marks a request only moderators (and administrators) may send.</summary>
public interface IRequireModerator;

/// <summary>Marks a request only administrators may send.</summary>
public interface IRequireAdmin;
