using System.Text.RegularExpressions;

using Lessons.Domain.Taxonomy;

namespace Lessons.Domain.Organisations;

public sealed partial class Organisation
{
    private readonly List<string> emailDomains = [];

    private Organisation() { }

    public Organisation(Guid id, string name, OrganisationType type, string? code, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new DomainRuleException("Organisationen måste ha ett namn.", nameof(Name));
        Id = id;
        Name = name.Trim();
        Type = type;
        Code = string.IsNullOrWhiteSpace(code) ? null : code.Trim();
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public OrganisationType Type { get; private set; }

    /// <summary>SCB's municipality or region code, or the agency's organisation number, when known.</summary>
    public string? Code { get; private set; }

    /// <summary>True for organisations the registry did not know, created by an import or by hand.</summary>
    public bool IsUnlisted { get; private set; }

    /// <summary>Demo content is marked so that it can never be mistaken for a real organisation's account.</summary>
    public bool IsFictional { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>E-mail domains whose confirmed addresses may join this organisation without approval.</summary>
    public IReadOnlyList<string> EmailDomains => emailDomains;

    public static Organisation Unlisted(Guid id, string name, OrganisationType type, DateTimeOffset now) =>
        new(id, name, type, null, now) { IsUnlisted = true };

    public static Organisation Fictional(Guid id, string name, OrganisationType type, DateTimeOffset now) =>
        new(id, name, type, null, now) { IsFictional = true };

    /// <summary>Takes the name the registry now gives the organisation (a corrected spelling, a new name).</summary>
    public void Rename(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new DomainRuleException("Organisationen måste ha ett namn.", nameof(Name));
        Name = name.Trim();
    }

    public void AddEmailDomain(string domain)
    {
        var normalised = NormaliseDomain(domain);
        if (!emailDomains.Contains(normalised)) emailDomains.Add(normalised);
    }

    public void RemoveEmailDomain(string domain) => emailDomains.Remove(NormaliseDomain(domain));

    public bool OwnsAddress(string email)
    {
        var at = email.LastIndexOf('@');
        return at > 0 && emailDomains.Contains(email[(at + 1)..].Trim().ToLowerInvariant());
    }

    public static string NormaliseDomain(string domain)
    {
        var d = (domain ?? "").Trim().TrimStart('@').ToLowerInvariant();
        if (!DomainPattern().IsMatch(d))
            throw new DomainRuleException($"\"{domain}\" är ingen giltig e-postdomän (till exempel nacka.se).", "domain");
        return d;
    }

    [GeneratedRegex(@"^(?=.{3,253}$)([a-z0-9åäö]([a-z0-9åäö-]{0,61}[a-z0-9åäö])?\.)+[a-z]{2,63}$")]
    private static partial Regex DomainPattern();
}
