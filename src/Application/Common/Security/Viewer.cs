using Lessons.Domain.Members;

namespace Lessons.Application.Common.Security;

/// <summary>The current user turned into data that access rules and queries can use without knowing about HTTP.</summary>
public sealed record Viewer(Guid? UserId, Guid? OrganisationId, bool IsMember, bool IsEditor, bool IsModerator, bool IsAdmin)
{
    public static readonly Viewer Anonymous = new(null, null, false, false, false, false);

    public bool IsSignedIn => UserId is not null;

    /// <summary>A confirmed member of a public-sector organisation: may read members-only reports.</summary>
    public bool IsPublicSectorMember => IsMember && OrganisationId is not null;

    public bool IsEditorOf(Guid organisationId) => IsEditor && OrganisationId == organisationId;

    public static Viewer From(Guid? userId, Member? member, bool isModerator, bool isAdmin) =>
        new(userId, member?.OrganisationId, member is not null, member?.Role == MemberRole.Editor,
            isModerator || isAdmin, isAdmin);
}
