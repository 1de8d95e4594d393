// Small browser helpers for AsbOps. Loaded once by App.razor.
window.asbops = {
    // Marks the page as interactive once the Blazor circuit has rendered, for monitoring and end-to-end tests.
    markInteractive: function () {
        document.body.setAttribute("data-interactive", "true");
    },
    // How many rows of the table with this id fit between the top of its body and the bottom of the window (at least 3).
    rowsThatFit: function (id) {
        var table = document.getElementById(id);
        var body = table && table.tBodies[0];
        var row = body && body.rows[0];
        if (!row) {
            return 0;
        }
        var available = document.documentElement.clientHeight - body.getBoundingClientRect().top - 32;
        return Math.max(3, Math.floor(available / row.getBoundingClientRect().height));
    }
};
