// The public queue page keeps its figures current: every 30 s it reads itself again and swaps the table in, without
// a reload and without moving the reader's place. The switch beside it stops that (WCAG 2.2.2: auto-updating content
// can be paused). Without script the page is as it was served.
(function () {
    "use strict";
    addEventListener("DOMContentLoaded", () => {
        const switchLine = document.querySelector("[data-refresh]");
        const table = document.querySelector(".queue-status tbody");
        const updated = document.querySelector("[data-updated]");
        if (!switchLine || !table || !updated) {
            return;
        }
        switchLine.hidden = false;
        const box = switchLine.querySelector("input");
        setInterval(() => {
            if (!box.checked) {
                return;
            }
            fetch(location.href, { cache: "no-store" })
                .then(r => r.ok ? r.text() : Promise.reject(r.status))
                .then(html => {
                    const fresh = new DOMParser().parseFromString(html, "text/html");
                    const rows = fresh.querySelector(".queue-status tbody");
                    const when = fresh.querySelector("[data-updated]");
                    if (rows && when) {
                        table.replaceChildren(...rows.children);
                        updated.textContent = when.textContent;
                    }
                })
                .catch(() => { });
        }, Number(switchLine.dataset.refresh) * 1000);
    });
})();
