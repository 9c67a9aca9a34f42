namespace Lessons.Domain.Members;

/// <summary>
/// A person with a confirmed e-mail address. The account itself (password, lockout) belongs to the identity
/// system; the member is what the domain needs: a name to show and an organisation to belong to.
/// </summary>
public sealed class Member
{
    private Member() { }

    public Member(Guid id, string email, string displayName, DateTimeOffset now, string language = LanguageCodes.Swedish)
    {
        if (string.IsNullOrWhiteSpace(displayName))
            throw new DomainRuleException("Ange ditt namn.", nameof(DisplayName));
        Id = id;
        Email = email.Trim();
        DisplayName = displayName.Trim();
        CreatedAt = now;
        PreferredLanguage = LanguageCodes.Checked(language, nameof(PreferredLanguage));
    }

    public Guid Id { get; private set; }

    public string Email { get; private set; } = "";

    public string DisplayName { get; private set; } = "";

    public Guid? OrganisationId { get; private set; }

    public MemberRole Role { get; private set; }

    /// <summary>An organisation the member asked to join; its editors approve or decline.</summary>
    public Guid? RequestedOrganisationId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The language of the mails the member gets (<see cref="LanguageCodes"/>).</summary>
    public string PreferredLanguage { get; private set; } = LanguageCodes.Swedish;

    public bool IsEditorOf(Guid organisationId) => OrganisationId == organisationId && Role == MemberRole.Editor;

    public void Join(Guid organisationId)
    {
        if (OrganisationId == organisationId) return;
        OrganisationId = organisationId;
        Role = MemberRole.Member;
        RequestedOrganisationId = null;
    }

    public void RequestToJoin(Guid organisationId)
    {
        if (OrganisationId == organisationId)
            throw new DomainRuleException("Du är redan medlem i organisationen.", "organisationId");
        RequestedOrganisationId = organisationId;
    }

    public void DeclineRequest() => RequestedOrganisationId = null;

    public void SetRole(MemberRole role)
    {
        if (OrganisationId is null)
            throw new DomainRuleException("Personen tillhör ingen organisation.", "role");
        Role = role;
    }

    public void LeaveOrganisation()
    {
        OrganisationId = null;
        Role = MemberRole.Member;
    }

    public void Rename(string displayName)
    {
        if (string.IsNullOrWhiteSpace(displayName))
            throw new DomainRuleException("Ange ditt namn.", nameof(DisplayName));
        DisplayName = displayName.Trim();
    }

    public void ChooseLanguage(string language) => PreferredLanguage = LanguageCodes.Checked(language, nameof(PreferredLanguage));
}
