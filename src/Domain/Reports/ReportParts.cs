namespace Lessons.Domain.Reports;

/// <summary>An effect the work had, with a measured value and unit where one exists ("minskade väntetider", 15, "procent").</summary>
public sealed record Effect(string Kind, string Description, decimal? Value, string? Unit);

/// <summary>Support the work used ("testbadd", "RISE").</summary>
public sealed record SupportUsed(string Kind, string? Provider);

public sealed record ReportLink(string Title, string Url);
