namespace Lessons.Domain.Reports;

public enum Visibility
{
    /// <summary>Anyone, signed in or not.</summary>
    Public,

    /// <summary>Only signed-in members with a confirmed address at a public-sector organisation.</summary>
    MembersOnly,
}
