using System.Globalization;

using FluentValidation;

using Lessons.Application.Common.Ports;

using Lessons.Domain.Reports;
using Lessons.Domain.Taxonomy;

namespace Lessons.Application.Reports;

public sealed record EffectInput(string? Kind, string? Description, decimal? Value, string? Unit);

public sealed record SupportInput(string? Kind, string? Provider);

public sealed record LinkInput(string? Title, string? Url);

/// <summary>
/// What an author fills in, as the form, the API and the import send it: taxonomy values as their contract keys.
/// The same input (and validator) serves a new draft and every later edit.
/// </summary>
public sealed record ReportInput
{
    public string? Title { get; init; }
    public string? Summary { get; init; }
    public int? YearStarted { get; init; }
    public int? YearEnded { get; init; }
    public string? Outcome { get; init; }
    public string? Stage { get; init; }
    public IReadOnlyList<string> Principles { get; init; } = [];
    public IReadOnlyList<string> Challenges { get; init; } = [];
    public IReadOnlyList<string> InnovationTypes { get; init; } = [];
    public IReadOnlyList<string> Drivers { get; init; } = [];
    public IReadOnlyList<EffectInput> Effects { get; init; } = [];
    public decimal? CostSek { get; init; }
    public int? EffortHours { get; init; }
    public string? CostNote { get; init; }
    public IReadOnlyList<string> Collaborators { get; init; } = [];
    public IReadOnlyList<SupportInput> Support { get; init; } = [];
    public IReadOnlyList<LinkInput> Links { get; init; } = [];
    public IReadOnlyList<string> CoOrganisations { get; init; } = [];
    public string? ContactName { get; init; }
    public string? ContactEmail { get; init; }
    public string? Background { get; init; }
    public string? WhatWeDid { get; init; }
    public string? Result { get; init; }
    public string? Lessons { get; init; }
    public string? Recommendations { get; init; }
    public bool MembersOnly { get; init; }
    public bool Anonymous { get; init; }

    public ReportContent ToContent(IReadOnlyList<Guid> coOrganisationIds) => new()
    {
        Title = Clean(Title),
        Summary = Clean(Summary),
        YearStarted = YearStarted ?? 0,
        YearEnded = YearEnded,
        Outcome = Vocabulary.Outcomes.Parse(Outcome ?? ""),
        Stage = Vocabulary.Stages.Parse(Stage ?? ""),
        Principles = Distinct(Principles),
        Challenges = Distinct(Challenges),
        InnovationTypes = Distinct(InnovationTypes),
        Drivers = Distinct(Drivers),
        Effects = [.. Effects.Select(e => new Effect(e.Kind!, Clean(e.Description), e.Value, NullIfEmpty(e.Unit)))],
        CostSek = CostSek,
        EffortHours = EffortHours,
        CostNote = NullIfEmpty(CostNote),
        Collaborators = Distinct(Collaborators),
        Support = [.. Support.Select(s => new SupportUsed(s.Kind!, NullIfEmpty(s.Provider)))],
        Links = [.. Links.Select(l => new ReportLink(Clean(l.Title), Clean(l.Url)))],
        CoOrganisationIds = coOrganisationIds,
        ContactName = NullIfEmpty(ContactName),
        ContactEmail = NullIfEmpty(ContactEmail),
        Background = Clean(Background),
        WhatWeDid = Clean(WhatWeDid),
        Result = Clean(Result),
        Lessons = Clean(Lessons),
        Recommendations = Clean(Recommendations),
    };

    public static ReportInput From(ReportContent c, Visibility visibility, bool anonymous, IReadOnlyList<string> coOrganisationNames) => new()
    {
        Title = c.Title,
        Summary = c.Summary,
        YearStarted = c.YearStarted,
        YearEnded = c.YearEnded,
        Outcome = Vocabulary.Outcomes.Key(c.Outcome),
        Stage = Vocabulary.Stages.Key(c.Stage),
        Principles = c.Principles,
        Challenges = c.Challenges,
        InnovationTypes = c.InnovationTypes,
        Drivers = c.Drivers,
        Effects = [.. c.Effects.Select(e => new EffectInput(e.Kind, e.Description, e.Value, e.Unit))],
        CostSek = c.CostSek,
        EffortHours = c.EffortHours,
        CostNote = c.CostNote,
        Collaborators = c.Collaborators,
        Support = [.. c.Support.Select(s => new SupportInput(s.Kind, s.Provider))],
        Links = [.. c.Links.Select(l => new LinkInput(l.Title, l.Url))],
        CoOrganisations = coOrganisationNames,
        ContactName = c.ContactName,
        ContactEmail = c.ContactEmail,
        Background = c.Background,
        WhatWeDid = c.WhatWeDid,
        Result = c.Result,
        Lessons = c.Lessons,
        Recommendations = c.Recommendations,
        MembersOnly = visibility == Visibility.MembersOnly,
        Anonymous = anonymous,
    };

    public Visibility Visibility => MembersOnly ? Visibility.MembersOnly : Visibility.Public;

    private static string Clean(string? text) => (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string[] Distinct(IReadOnlyList<string> keys) => [.. keys.Where(k => !string.IsNullOrWhiteSpace(k)).Distinct()];
}

/// <summary>The rules for a report's fields, with messages written for the author.</summary>
public sealed class ReportInputValidator : AbstractValidator<ReportInput>
{
    public const int SummaryMax = 500;
    public const int SectionMax = 20_000;

    public ReportInputValidator(TimeProvider clock, IMarkdownRenderer markdown)
    {
        RuleFor(r => r.Title).NotEmpty().WithMessage("Rubrik är obligatorisk: skriv en rubrik.")
            .MaximumLength(200).WithMessage("Rubriken får vara högst 200 tecken.");
        RuleFor(r => r.Summary).NotEmpty().WithMessage("Sammanfattning är obligatorisk: skriv en kort sammanfattning.")
            .MaximumLength(SummaryMax).WithMessage($"Sammanfattningen får vara högst {SummaryMax} tecken.");
        RuleFor(r => r.YearStarted).NotNull().WithMessage("Startår är obligatoriskt: ange vilket år arbetet startade.")
            .Must(y => y is null || (y >= 1950 && y <= clock.GetUtcNow().Year + 1))
            .WithMessage(_ => $"Startåret ska ligga mellan 1950 och {clock.GetUtcNow().Year + 1}.");
        RuleFor(r => r.YearEnded)
            .Must(y => y is null || (y >= 1950 && y <= clock.GetUtcNow().Year + 10))
            .WithMessage(_ => $"Slutåret ska ligga mellan 1950 och {clock.GetUtcNow().Year + 10}.")
            .GreaterThanOrEqualTo(r => r.YearStarted).When(r => r.YearEnded is not null && r.YearStarted is not null)
            .WithMessage("Slutåret kan inte ligga före startåret.");
        RuleFor(r => r.Outcome).Must(Vocabulary.Outcomes.IsKey)
            .WithMessage("Hur det gick är obligatoriskt: välj " + Labels(Vocabulary.Outcomes) + ".");
        RuleFor(r => r.Stage).Must(Vocabulary.Stages.IsKey)
            .WithMessage("Hur långt ni kom är obligatoriskt: välj " + Labels(Vocabulary.Stages) + ".");
        KeysFrom(r => r.Principles, Vocabulary.Principles, "Principer för innovation");
        KeysFrom(r => r.Challenges, Vocabulary.Challenges, "Vad gjorde det svårt?");
        KeysFrom(r => r.InnovationTypes, Vocabulary.InnovationTypes, "Typ av innovation");
        KeysFrom(r => r.Drivers, Vocabulary.Drivers, "Drivkrafter");
        KeysFrom(r => r.Collaborators, Vocabulary.Collaborators, "Samarbetspartner");
        // The story, in the form's order: the required lessons first.
        RuleFor(r => r.Lessons).NotEmpty()
            .WithMessage("Lärdomar är obligatoriska: skriv minst en lärdom, det är den andra kommer hit för att hitta.");
        foreach (var (section, label) in new (System.Linq.Expressions.Expression<Func<ReportInput, string?>>, string)[]
        {
            (r => r.Lessons, "Lärdomar"), (r => r.Background, "Bakgrund och behov"), (r => r.WhatWeDid, "Vad vi gjorde"),
            (r => r.Result, "Resultat och effekter"), (r => r.Recommendations, "Råd till andra"),
        })
        {
            RuleFor(section).MaximumLength(SectionMax)
                .WithMessage($"{label} får vara högst {SectionMax.ToString("N0", CultureInfo.GetCultureInfo("sv-SE"))} tecken.")
                .Must(markdown.CanRender)
                .WithMessage($"{label} har listor eller citat i för många nivåer för att kunna visas. Minska antalet nivåer.");
        }
        RuleFor(r => r.Effects).Must(e => e.Count <= 20).WithMessage("Högst 20 effekter.");
        RuleForEach(r => r.Effects).ChildRules(e =>
        {
            e.RuleFor(x => x.Kind).Must(Vocabulary.EffectKinds.IsKey).WithMessage("Välj vilken sorts effekt det är.");
            e.RuleFor(x => x.Description).NotEmpty().WithMessage("Beskriv effekten.")
                .MaximumLength(300).WithMessage("Beskrivningen av effekten får vara högst 300 tecken.");
            e.RuleFor(x => x.Unit).NotEmpty().When(x => x.Value is not null)
                .WithMessage("Ange enheten för det uppmätta värdet (till exempel procent, timmar, kronor).")
                .MaximumLength(40).WithMessage("Enheten får vara högst 40 tecken.");
        });
        RuleFor(r => r.CostSek).GreaterThanOrEqualTo(0).When(r => r.CostSek is not null)
            .WithMessage("Kostnaden kan inte vara negativ.")
            .LessThan(1_000_000_000_000m).When(r => r.CostSek is not null).WithMessage("Kostnaden är orimligt stor.");
        RuleFor(r => r.EffortHours).InclusiveBetween(0, 10_000_000).When(r => r.EffortHours is not null)
            .WithMessage("Ange arbetsinsatsen som ett antal timmar (0 eller mer).");
        RuleFor(r => r.CostNote).MaximumLength(1000).WithMessage("Kommentaren om kostnad får vara högst 1 000 tecken.");
        RuleFor(r => r.Support).Must(s => s.Count <= 20).WithMessage("Högst 20 sorters stöd.");
        RuleForEach(r => r.Support).ChildRules(s =>
        {
            s.RuleFor(x => x.Kind).Must(Vocabulary.SupportKinds.IsKey).WithMessage("Välj vilken sorts stöd ni fick.");
            s.RuleFor(x => x.Provider).MaximumLength(200).WithMessage("Namnet på den som gav stödet får vara högst 200 tecken.");
        });
        RuleFor(r => r.CoOrganisations).Must(c => c.Count <= 20).WithMessage("Högst 20 medverkande organisationer.");
        RuleFor(r => r.Links).Must(l => l.Count <= 20).WithMessage("Högst 20 länkar.");
        RuleForEach(r => r.Links).ChildRules(l =>
        {
            l.RuleFor(x => x.Title).NotEmpty().WithMessage("Ge länken en text.")
                .MaximumLength(200).WithMessage("Länktexten får vara högst 200 tecken.");
            l.RuleFor(x => x.Url).Must(IsWebAddress)
                .WithMessage("Länken måste vara en fullständig webbadress som börjar med https:// eller http://.");
        });
        RuleFor(r => r.ContactName).MaximumLength(200).WithMessage("Namnet får vara högst 200 tecken.");
        RuleFor(r => r.ContactEmail).EmailAddress().When(r => !string.IsNullOrWhiteSpace(r.ContactEmail))
            .WithMessage("Ange en giltig e-postadress till kontaktpersonen.")
            .MaximumLength(254).WithMessage("E-postadressen är för lång.");
    }

    /// <summary>A list field's rule, its message naming the field by the form's label and the choices by theirs.</summary>
    private void KeysFrom(System.Linq.Expressions.Expression<Func<ReportInput, IReadOnlyList<string>>> list,
        TermList<string> terms, string label) =>
        RuleFor(list).Must(keys => keys.All(terms.IsKey))
            .WithMessage($"{label}: välj bland {Labels(terms)}.");

    /// <summary>The choices as the form shows them: "Lyckades, Delvis, …", never the contract keys.</summary>
    private static string Labels<T>(TermList<T> terms) where T : notnull =>
        string.Join(", ", terms.All.SkipLast(1).Select(t => t.Label)) + " eller " + terms.All[^1].Label;

    private static bool IsWebAddress(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && (url?.Length ?? 0) <= 2000;
}
