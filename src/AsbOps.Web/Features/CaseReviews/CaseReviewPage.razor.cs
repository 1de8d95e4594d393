using AsbOps.Web.Components.Shared;
using AsbOps.Web.Data;
using AsbOps.Web.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AsbOps.Web.Features.CaseReviews;

/// <summary>One application: the threshold check, the clock and every step, each form validated beside its fields.</summary>
public sealed partial class CaseReviewPage
{
    private CaseReviewDetail? _d;
    private bool _loading = true;
    private string? _message;
    private OverrideInput _override = new();
    private AcknowledgeInput _ack = new();
    private DecisionInput _decision = new();
    private MeetingInput _meeting = new();
    private RecommendationInput _recommendation = new();
    private LetterInput _letter = new();
    private AppealInput _appeal = new();
    private FieldRulesValidator? _overrideValidator;
    private FieldRulesValidator? _ackValidator;
    private FieldRulesValidator? _decisionValidator;
    private FieldRulesValidator? _meetingValidator;
    private FieldRulesValidator? _recommendationValidator;
    private FieldRulesValidator? _letterValidator;
    private FieldRulesValidator? _appealValidator;

    [Parameter] public string Reference { get; set; } = "";

    [Inject] private CaseReviewQueries Queries { get; set; } = default!;

    [Inject] private CaseReviewSteps Steps { get; set; } = default!;

    [Inject] private CurrentUser CurrentUser { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    private DateOnly Today => UkTime.Today(Clock.GetUtcNow().UtcDateTime);

    private List<BreadcrumbItem> Breadcrumbs =>
    [
        new("ASB Case Reviews", href: "/case-reviews"),
        new(_d?.Reference ?? Reference, href: null, disabled: true),
    ];

    protected override async Task OnParametersSetAsync() => await LoadAsync(resetForms: true);

    private async Task LoadAsync(bool resetForms)
    {
        _d = await Queries.GetAsync(await CurrentUser.GetScopeAsync(), Reference);
        _loading = false;
        if (resetForms && _d is not null)
        {
            var today = Today.ToDateTime(TimeOnly.MinValue);
            _override = new();
            _ack = new() { On = today };
            _decision = new() { On = today, Met = _d.Threshold.Met };
            _meeting = new() { HeldOn = today };
            _recommendation = new() { DueDate = today.AddDays(28) };
            _letter = new() { Text = _d.LetterDraft, SentOn = today };
            _appeal = new()
            {
                By = _d.AppealBy,
                ReceivedOn = _d.AppealReceivedOn?.ToDateTime(TimeOnly.MinValue),
                Outcome = _d.AppealOutcome,
            };
        }
    }

    private Task OverrideAsync() => RunAsync((u, d) => Steps.OverrideAsync(u, d.Id, d.Version, _override), _overrideValidator);

    private Task AcknowledgeAsync() => RunAsync((u, d) => Steps.AcknowledgeAsync(u, d.Id, d.Version, _ack), _ackValidator);

    private Task DecideAsync() => RunAsync((u, d) => Steps.DecideAsync(u, d.Id, d.Version, _decision), _decisionValidator);

    private Task MeetingAsync() => RunAsync((u, d) => Steps.RecordMeetingAsync(u, d.Id, d.Version, _meeting), _meetingValidator);

    private Task RecommendAsync() => RunAsync((u, d) => Steps.AddRecommendationAsync(u, d.Id, d.Version, _recommendation), _recommendationValidator);

    private Task SendLetterAsync() => RunAsync((u, d) => Steps.SaveLetterAsync(u, d.Id, d.Version, _letter, send: true), _letterValidator);

    private Task SaveDraftAsync() => RunAsync((u, d) => Steps.SaveLetterAsync(u, d.Id, d.Version, _letter, send: false), _letterValidator, keepLetter: true);

    private Task AppealAsync() => RunAsync((u, d) => Steps.RecordAppealAsync(u, d.Id, d.Version, _appeal), _appealValidator);

    private async Task AfterEditAsync(CommandResult result)
    {
        _message = result.Succeeded ? null : result.Message;
        if (result.Succeeded)
        {
            await LoadAsync(resetForms: true);
        }
    }

    private async Task RunAsync(Func<UserScope, CaseReviewDetail, Task<CommandResult>> command, FieldRulesValidator? validator, bool keepLetter = false)
    {
        if (_d is null)
        {
            return;
        }

        _message = null;
        var result = await command(await CurrentUser.GetScopeAsync(), _d);
        if (result.Succeeded)
        {
            var letter = _letter.Text;
            await LoadAsync(resetForms: true);
            if (keepLetter)
            {
                _letter.Text = letter;
                _message = "Draft saved.";
            }

            return;
        }

        validator?.ShowServerErrors(result.Errors);
        _message = result.Message;
    }
}
