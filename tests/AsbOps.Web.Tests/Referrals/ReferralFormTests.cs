using AsbOps.Domain.Referrals;
using AsbOps.Web.Data;
using AsbOps.Web.Features.Referrals;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;

namespace AsbOps.Web.Tests.Referrals;

public sealed class ReferralFormTests : BunitTestBase
{
    private static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);
    private readonly FakeReferralService _referrals = new();

    public ReferralFormTests()
    {
        Services.AddSingleton<IReferralService>(_referrals);
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(Now)));
        Services.AddScoped<CurrentUser>();
        AddAuthorization().SetAuthorized("officer@test.local").SetRoles(Roles.Officer);
    }

    private IRenderedComponent<RecordReferralForm> RenderForm() =>
        Render<RecordReferralForm>(p => p.Add(x => x.CaseId, 42).Add(x => x.CaseOpenedOn, new DateOnly(2026, 11, 1)));

    /// <summary>The labels of the fields whose own control shows the message: the error sits beside its field.</summary>
    private static List<string> LabelsBeside(IRenderedComponent<RecordReferralForm> form, string message) =>
        form.FindAll(".mud-input-control")
            .Where(c => c.QuerySelector(".mud-input-helper-text")?.TextContent.Contains(message) == true)
            .Select(c => c.QuerySelector("label")?.TextContent.Trim() ?? "")
            .ToList();

    [Fact]
    public void SavingAnEmptyReferralShowsAnErrorBesideEachMissingFieldAndSendsNothing()
    {
        var form = RenderForm();

        form.Find("[data-testid=referral-save]").Click();

        form.WaitForAssertion(() => Assert.Contains("Agency", LabelsBeside(form, "Choose the agency the referral went to.")));
        Assert.Contains("Reason", LabelsBeside(form, "Give the reason for the referral."));
        Assert.Equal(0, _referrals.Calls);
    }

    [Fact]
    public async Task TheServicesDateErrorIsShownBesideTheDatePicker()
    {
        _referrals.NextResult = CommandResult.Invalid(new Dictionary<string, string> { [ReferralValidation.Fields.SentOn] = "Cannot be in the future." });
        var form = RenderForm();
        form.Find("textarea[data-testid=referral-reason]").Change("Noise from the flat above");
        var agency = form.FindComponent<MudSelect<Agency?>>();
        await form.InvokeAsync(() => agency.Instance.SelectOption(Agency.Housing));

        form.Find("[data-testid=referral-save]").Click();

        form.WaitForAssertion(() => Assert.Contains("Sent on", LabelsBeside(form, "Cannot be in the future.")));
        Assert.Equal(1, _referrals.Calls);
    }

    private sealed class FakeReferralService : IReferralService
    {
        public CommandResult NextResult { get; set; } = CommandResult.Saved(1);

        public int Calls { get; private set; }

        public Task<ReferralsPageModel?> GetAsync(UserScope user, string? reference, CancellationToken cancellationToken = default) =>
            Task.FromResult<ReferralsPageModel?>(null);

        public Task<CommandResult> RecordAsync(UserScope user, long caseId, ReferralInput input, CancellationToken cancellationToken = default)
        {
            Calls++;
            return Task.FromResult(NextResult);
        }

        public Task<CommandResult> RecordOutcomeAsync(UserScope user, long referralId, ReferralOutcomeInput input, CancellationToken cancellationToken = default)
        {
            Calls++;
            return Task.FromResult(NextResult);
        }
    }
}
