using System.Security.Claims;

using Lessons.Application.Common.Ports;
using Lessons.Infrastructure.Identity;

namespace Lessons.Web.Infrastructure;

/// <summary>The signed-in user of the current request, from the Identity cookie's claims.</summary>
internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public Guid? UserId =>
        Principal?.Identity?.IsAuthenticated == true
        && Guid.TryParse(Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public bool IsModerator => Principal?.IsInRole(Roles.Moderator) == true || IsAdmin;

    public bool IsAdmin => Principal?.IsInRole(Roles.Admin) == true;
}

/// <summary>The operator at the command line: the command verbs act with administrator rights.</summary>
internal sealed class OperatorUser : ICurrentUser
{
    public Guid? UserId => Guid.Empty;

    public bool IsModerator => true;

    public bool IsAdmin => true;
}
