using Lessons.Application.Reports;

namespace Lessons.IntegrationTests.Fixtures;

public static class Drafts
{
    public static ReportInput Valid(string title = "Välfärdsteknik i hemtjänsten", string outcome = "misslyckades",
        bool anonymous = false, bool membersOnly = false) => new()
    {
        Title = title,
        Summary = "Vi prövade digitala lås och nattkameror i hemtjänsten. Det gick inte som tänkt.",
        YearStarted = 2022,
        YearEnded = 2024,
        Outcome = outcome,
        Stage = "test",
        Principles = ["testa-och-lara"],
        Challenges = ["upphandling-och-avtal", "teknik-och-infrastruktur"],
        InnovationTypes = ["tjanst-produkt"],
        Drivers = ["ny-teknik"],
        Effects = [new EffectInput("okad-effektivitet", "Kortare restid", 12.5m, "procent")],
        CostSek = 450_000m,
        EffortHours = 320,
        CostNote = "Mest arbetstid.",
        Collaborators = ["foretag"],
        Support = [new SupportInput("testbadd", "En testbädd")],
        Links = [new LinkInput("Slutrapport", "https://example.org/rapport.pdf")],
        ContactName = "Kim Kontakt",
        ContactEmail = "kim@example.org",
        Background = "Hemtjänsten hade långa restider.",
        WhatWeDid = "Vi testade i ett område.",
        Result = "Restiden minskade något.",
        Lessons = "- Testa i liten skala först.\n- Involvera personalen.",
        Recommendations = "Börja smått.",
        MembersOnly = membersOnly,
        Anonymous = anonymous,
    };
}
