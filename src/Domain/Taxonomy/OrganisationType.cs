namespace Lessons.Domain.Taxonomy;

public enum OrganisationType
{
    Kommun,
    Region,
    Myndighet,
    Bolag,
    Kommunalforbund,
    Ovrig,
}
