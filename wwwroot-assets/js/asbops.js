// Small browser helpers for AsbOps. Loaded once by App.razor.
window.asbops = {
    // Marks the page as interactive once the Blazor circuit has rendered, for monitoring and end-to-end tests.
    markInteractive: function () {
        document.body.setAttribute("data-interactive", "true");
    }
};
