using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace AsbOps.Web.Components.Shared;

/// <summary>
/// Puts field errors from a rules function (the same one the feature service runs again on save) into the form's
/// <see cref="EditContext"/>, so each MudBlazor input bound with <c>For</c> shows its own message. Errors the server
/// returns are shown the same way through <see cref="ShowServerErrors(IReadOnlyDictionary{string, string[]})"/>.
/// Keys are the model's property names; a key that is not one (a dotted path into a nested list, a value the
/// component converts for its input) is placed by <see cref="FieldFor"/>.
/// </summary>
public sealed class FieldRulesValidator : ComponentBase, IDisposable
{
    private ValidationMessageStore? _messages;
    private EditContext? _subscribed;
    private bool _holdsMessages;

    [CascadingParameter]
    public EditContext? EditContext { get; set; }

    [Parameter, EditorRequired]
    public Func<IReadOnlyDictionary<string, string[]>> Rules { get; set; } = default!;

    /// <summary>The field a key's message belongs to, when that is not the form model's property of that name.</summary>
    [Parameter]
    public Func<string, FieldIdentifier?>? FieldFor { get; set; }

    /// <summary>Show the rules' messages as soon as the form appears (a form that starts from data, not from empty).</summary>
    [Parameter]
    public bool ShowFromStart { get; set; }

    protected override void OnParametersSet()
    {
        if (EditContext is null)
        {
            throw new InvalidOperationException($"{nameof(FieldRulesValidator)} must sit inside an EditForm.");
        }

        if (ReferenceEquals(EditContext, _subscribed))
        {
            return;
        }

        Unsubscribe();
        _messages = new ValidationMessageStore(EditContext);
        EditContext.OnValidationRequested += OnValidationRequested;
        EditContext.OnFieldChanged += OnFieldChanged;
        _subscribed = EditContext;
        if (ShowFromStart)
        {
            ShowAll(Rules());
        }
    }

    /// <summary>Shows the errors the service returned, each next to its field.</summary>
    public void ShowServerErrors(IReadOnlyDictionary<string, string[]> errors)
    {
        if (_messages is null || _subscribed is null)
        {
            return;
        }

        ShowAll(errors);
    }

    /// <summary>Shows the errors the service returned (one message a field), each next to its field.</summary>
    public void ShowServerErrors(IReadOnlyDictionary<string, string> errors) => ShowServerErrors(errors.AsFieldMessages());

    /// <summary>Shows the rules' messages now, e.g. after an action that is not a submit.</summary>
    public void ShowRules()
    {
        if (_messages is null || _subscribed is null)
        {
            return;
        }

        ShowAll(Rules());
    }

    /// <summary>Clears every message, e.g. when the form starts over.</summary>
    public void Clear()
    {
        if (_messages is null || _subscribed is null)
        {
            return;
        }

        _messages.Clear();
        _holdsMessages = false;
        _subscribed.NotifyValidationStateChanged();
    }

    public void Dispose() => Unsubscribe();

    /// <summary>
    /// MudBlazor inputs read their messages only when told the state changed, so an input that appeared since (the
    /// explanation under a "yes", a field in another tab) would miss one already held. The form has just rendered with
    /// this validator in it: say it again.
    /// </summary>
    protected override void OnAfterRender(bool firstRender)
    {
        if (_holdsMessages)
        {
            _subscribed?.NotifyValidationStateChanged();
        }
    }

    private void OnValidationRequested(object? sender, ValidationRequestedEventArgs e) => ShowAll(Rules());

    private void OnFieldChanged(object? sender, FieldChangedEventArgs e)
    {
        var field = e.FieldIdentifier;
        _messages!.Clear(field);
        foreach (var (key, messages) in Rules())
        {
            if (Field(key).Equals(field))
            {
                _messages.Add(field, messages);
                _holdsMessages = true;
            }
        }

        _subscribed!.NotifyValidationStateChanged();
    }

    private void ShowAll(IReadOnlyDictionary<string, string[]> errors)
    {
        _messages!.Clear();
        _holdsMessages = errors.Count > 0;
        foreach (var (key, messages) in errors)
        {
            _messages.Add(Field(key), messages);
        }

        _subscribed!.NotifyValidationStateChanged();
    }

    private FieldIdentifier Field(string key) => FieldFor?.Invoke(key) ?? _subscribed!.Field(key);

    private void Unsubscribe()
    {
        if (_subscribed is not null)
        {
            _subscribed.OnValidationRequested -= OnValidationRequested;
            _subscribed.OnFieldChanged -= OnFieldChanged;
            _subscribed = null;
        }
    }
}
