// The counter: the waiting counts follow the queue without a reload (every 5 s from /counter/state). The buttons are
// plain forms and need no script; nothing here knows the device token.
(function () {
    "use strict";
    const table = document.querySelector("[data-waiting]");
    if (!table) {
        return;
    }
    const refresh = () => fetch("/counter/state", { cache: "no-store", credentials: "same-origin" })
        .then(r => {
            if (r.status === 401) {
                location.reload(); // unpaired (revoked by the staff, or its key changed): the pairing form
            }
            return r.ok ? r.json() : null;
        })
        .then(state => {
            if (!state) {
                return;
            }
            state.waiting.forEach(w => {
                const cell = table.querySelector(`tr[data-agenda="${CSS.escape(w.agenda)}"] .count`);
                if (cell) {
                    cell.textContent = String(w.count);
                }
            });
        })
        .catch(() => { });
    setInterval(refresh, 5000);
})();
