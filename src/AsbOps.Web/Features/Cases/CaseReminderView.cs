namespace AsbOps.Web.Features.Cases;

/// <summary>A reminder step queued to the lead officer about an assessment's unknown answers.</summary>
public sealed record CaseReminderView(int Step, DateTime DueAt, DateTime QueuedAt, string AssessmentSubject, string? RecipientName);
