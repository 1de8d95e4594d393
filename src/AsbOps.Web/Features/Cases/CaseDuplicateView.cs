namespace AsbOps.Web.Features.Cases;

/// <summary>An open case in the same area that may be the same problem, and why it was suggested.</summary>
public sealed record CaseDuplicateView(string Reference, DateTime OpenedAt, string Address, string Postcode, IReadOnlyList<string> Reasons);
