using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace AsbOps.Web.Components.Shared;

/// <summary>
/// Puts field errors from a rules function (the same one the feature service runs again on save) into the form's
/// <see cref="EditContext"/>, so each MudBlazor input bound with <c>For</c> shows its own message. Errors the server
/// returns are shown the same way through <see cref="ShowServerErrors"/>. Keys are the model's property names.
/// </summary>
public sealed class FieldRulesValidator : ComponentBase, IDisposable
{
    private ValidationMessageStore? _messages;
    private EditContext? _subscribed;

    [CascadingParameter]
    public EditContext? EditContext { get; set; }

    [Parameter, EditorRequired]
    public Func<IReadOnlyDictionary<string, string[]>> Rules { get; set; } = default!;

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
    }

    /// <summary>Shows the errors the service returned, each next to its field.</summary>
    public void ShowServerErrors(IReadOnlyDictionary<string, string[]> errors)
    {
        if (_messages is null || _subscribed is null)
        {
            return;
        }

        _messages.Clear();
        foreach (var (field, messages) in errors)
        {
            _messages.Add(_subscribed.Field(field), messages);
        }

        _subscribed.NotifyValidationStateChanged();
    }

    public void Dispose() => Unsubscribe();

    private void OnValidationRequested(object? sender, ValidationRequestedEventArgs e)
    {
        _messages!.Clear();
        foreach (var (field, messages) in Rules())
        {
            _messages.Add(_subscribed!.Field(field), messages);
        }

        _subscribed!.NotifyValidationStateChanged();
    }

    private void OnFieldChanged(object? sender, FieldChangedEventArgs e)
    {
        var field = e.FieldIdentifier;
        _messages!.Clear(field);
        if (Rules().TryGetValue(field.FieldName, out var messages))
        {
            _messages.Add(field, messages);
        }

        _subscribed!.NotifyValidationStateChanged();
    }

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
