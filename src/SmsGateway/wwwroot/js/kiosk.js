// The kiosk: back to the start after 30 s without a touch, the keypad, printing. Without script the PIN is typed into
// its field and the ticket stays on the screen; nothing here knows the device key.
(function () {
    "use strict";
    const root = document.querySelector("[data-idle-home]");
    if (root && root.dataset.atHome !== "true") {
        const home = root.dataset.idleHome;
        const after = Number(root.dataset.idleSeconds || "30") * 1000;
        let timer = 0;
        const reset = () => {
            clearTimeout(timer);
            timer = setTimeout(() => location.assign(home), after);
        };
        ["pointerdown", "keydown", "input", "wheel"].forEach(e => addEventListener(e, reset, { passive: true, capture: true }));
        reset();
    }

    const pin = document.getElementById("pin");
    const pad = document.querySelector(".keypad");
    if (pin && pad) {
        pad.hidden = false;
        pin.setAttribute("inputmode", "none"); // the keypad is the keyboard; a physical one still types
        pad.addEventListener("click", e => {
            const key = e.target.closest("button");
            if (!key) {
                return;
            }
            if (key.dataset.digit !== undefined) {
                if (pin.value.length < 6) {
                    pin.value += key.dataset.digit;
                }
            } else if (key.dataset.key === "clear") {
                pin.value = "";
            } else if (key.dataset.key === "back") {
                pin.value = pin.value.slice(0, -1);
            }
        });
        pin.addEventListener("input", () => { pin.value = pin.value.replace(/\D/g, "").slice(0, 6); });
        // The PIN shows as dots; one tap shows its digits, another hides them again.
        const reveal = document.querySelector("[data-reveal]");
        if (reveal) {
            reveal.hidden = false;
            reveal.addEventListener("click", () => {
                const shown = reveal.getAttribute("aria-pressed") !== "true";
                reveal.setAttribute("aria-pressed", shown ? "true" : "false");
                pin.type = shown ? "text" : "password";
            });
        }
    }

    document.querySelectorAll("[data-print]").forEach(button => {
        button.hidden = false;
        button.addEventListener("click", () => window.print());
    });
})();
