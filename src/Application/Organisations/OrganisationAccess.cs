using Lessons.Application.Common.Security;

namespace Lessons.Application.Organisations;

public static class OrganisationAccess
{
    /// <summary>Editors manage their own organisation (members, e-mail domains); moderators manage any.</summary>
    public static bool CanManage(Viewer viewer, Guid organisationId) =>
        viewer.IsModerator || viewer.IsEditorOf(organisationId);
}
