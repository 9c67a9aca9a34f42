namespace Lessons.Domain.Organisations;

/// <summary>
/// A form of an organisation's name people actually write ("Nacka", "Nacka kommun", "Göteborgs Stad", "CSN"),
/// stored normalised so that imports and forms match the registry instead of creating duplicates.
/// </summary>
public sealed class OrganisationAlias
{
    private OrganisationAlias() { }

    public OrganisationAlias(Guid organisationId, string normalisedName)
    {
        OrganisationId = organisationId;
        NormalisedName = normalisedName;
    }

    public Guid OrganisationId { get; private set; }

    public string NormalisedName { get; private set; } = "";
}
