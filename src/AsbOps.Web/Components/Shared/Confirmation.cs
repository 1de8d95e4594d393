using MudBlazor;

namespace AsbOps.Web.Components.Shared;

/// <summary>Asks before an action that cannot simply be undone by the next click (disable, revoke, retire).</summary>
public static class Confirmation
{
    /// <summary>True only when the user pressed <paramref name="action"/>; Cancel, Escape or closing the box is false.</summary>
    public static async Task<bool> ConfirmAsync(this IDialogService dialogs, string title, string message, string action) =>
        await dialogs.ShowMessageBoxAsync(title, message, yesText: action, cancelText: "Cancel") == true;
}
