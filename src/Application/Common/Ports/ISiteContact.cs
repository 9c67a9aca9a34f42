namespace Lessons.Application.Common.Ports;

/// <summary>
/// Who runs this installation and where to reach them (<c>Site:Operator</c>, <c>Site:ContactEmail</c>): named on the
/// about pages, and the address that accessibility feedback is mailed to. Never taken from a request.
/// </summary>
public interface ISiteContact
{
    string Operator { get; }

    string Email { get; }
}
