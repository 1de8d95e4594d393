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

// A table wider than the screen (a phone) scrolls sideways inside its container: such a container is made focusable,
// so that a keyboard user can reach and scroll it (WCAG 2.1.1; axe's scrollable-region-focusable), and made plain
// again when it no longer scrolls. Checked once per frame after the page changes or the window is resized.
(function () {
    var pending = false;
    function mark() {
        pending = false;
        document.querySelectorAll(".mud-table-container, .table-scroll").forEach(function (el) {
            var scrolls = el.scrollWidth > el.clientWidth + 1;
            if (scrolls && !el.hasAttribute("tabindex")) {
                el.setAttribute("tabindex", "0");
                el.setAttribute("data-scroll-focus", "true");
            } else if (!scrolls && el.hasAttribute("data-scroll-focus")) {
                el.removeAttribute("tabindex");
                el.removeAttribute("data-scroll-focus");
            }
        });
    }
    function schedule() {
        if (!pending) {
            pending = true;
            window.requestAnimationFrame(mark);
        }
    }
    new MutationObserver(schedule).observe(document.documentElement, { childList: true, subtree: true });
    window.addEventListener("resize", schedule);
})();
