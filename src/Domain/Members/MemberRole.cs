namespace Lessons.Domain.Members;

public enum MemberRole
{
    Member,
    Editor,
}
