namespace Lessons.Domain.Taxonomy;

public enum Stage
{
    Ide,
    Test,
    Inforande,
    Spridning,
}
