namespace Lessons.Application.Common.Ports;

/// <summary>Absolute links to the site for e-mails sent from use cases, made from the configured public address
/// only: a request's Host header is the sender's to choose and must never end up in a mail.</summary>
public interface IPublicLinks
{
    string Report(Guid reportId);
}
