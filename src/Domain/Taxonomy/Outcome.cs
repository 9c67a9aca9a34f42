namespace Lessons.Domain.Taxonomy;

public enum Outcome
{
    Lyckades,
    Delvis,
    Misslyckades,
    Avbruten,
    Pagaende,
}
