// The calling board: live by server-sent events (/board/events), which reconnect by themselves (also after a gateway
// restart); when they cannot be had (no EventSource, a refused connection, or silence past the heartbeat) the board
// polls /board/state every second and tries the live feed again now and then: a feed refused because the gateway's or
// the key's feeds are all taken (429, 503) is had again once one is free. A board whose pairing ended (401: revoked by
// the staff, or its key changed) reloads and shows the pairing form. A new call is highlighted and, with ?chime=1,
// chimes. The device token travels in its HttpOnly cookie; nothing here knows it.
(function () {
    "use strict";
    const root = document.querySelector("[data-board]");
    if (!root) {
        return;
    }
    const calling = root.querySelector("[data-calling]");
    const nobody = root.querySelector("[data-nobody]");
    const recent = root.querySelector("[data-recent]");
    const waiting = root.querySelector("[data-waiting]");
    const offline = root.querySelector("[data-offline]");
    const clock = root.querySelector("[data-clock]");
    const announce = root.querySelector("[data-announce]");
    const notice = root.querySelector("[data-notice]");
    const noticeText = root.querySelector("[data-notice-text]");
    const pauses = root.querySelector("[data-pauses]");
    const paused = root.querySelector("[data-paused]");
    const chime = root.dataset.chime === "true";
    const SILENCE_MS = 40000;       // three heartbeats (15 s) missed: the feed is gone
    const POLL_MS = 1000;
    const RETRY_FEED_MS = 15000;   // and up to 5 s more, so that boards refused together do not come back together

    let version = Number(root.dataset.version);
    const seen = new Set(Array.from(calling.querySelectorAll("tr[data-id]"), tr => tr.dataset.id));
    let source = null;
    let watchdog = 0;
    let poller = 0;
    let retry = 0;

    function el(tag, className, text) {
        const e = document.createElement(tag);
        if (className) { e.className = className; }
        if (text !== undefined) { e.textContent = text; }
        return e;
    }

    function recallLabel(n) {
        return root.dataset.recall.replace("{n}", n);
    }

    function render(state) {
        root.dataset.version = String(state.version);
        version = state.version;
        const fresh = [];
        const rows = state.calling.map(call => {
            const tr = el("tr");
            tr.dataset.id = call.id;
            const ticket = el("td", "ticket", call.ticket);
            if (call.calls > 1) {
                ticket.append(" ", el("span", "recall", recallLabel(call.calls)));
            }
            tr.append(ticket, el("td", "counter", call.counter));
            if (!seen.has(call.id)) {
                fresh.push(call);
                tr.classList.add("fresh");
                setTimeout(() => tr.classList.remove("fresh"), 10000);
            }
            return tr;
        });
        calling.replaceChildren(...rows);
        nobody.hidden = rows.length > 0;
        seen.clear();
        state.calling.forEach(c => seen.add(c.id));
        recent.replaceChildren(...state.recent.map(call => {
            const li = el("li");
            const arrow = el("span", "arrow", "→");
            arrow.setAttribute("aria-hidden", "true");
            li.append(el("span", "ticket", call.ticket), " ", arrow, " ", el("span", "counter", call.counter));
            return li;
        }));
        waiting.replaceChildren(...state.waiting.map(w => {
            const li = el("li");
            li.dataset.agenda = w.agenda;
            const name = el("span", "name", w.name + " ");
            const en = el("span", "en", w.nameEn);
            en.lang = "en";
            const uk = el("span", "uk", w.nameUk);
            uk.lang = "uk";
            name.append(en, " ", uk);
            li.append(name, " ", el("span", "count", String(w.count)));
            return li;
        }));
        if (clock) {
            clock.textContent = state.at;
        }
        if (noticeText.textContent !== (state.notice || "")) {
            noticeText.textContent = state.notice || "";
        }
        notice.hidden = !state.notice;
        paused.replaceChildren(...(state.paused || []).map(counter => el("li", "", counter)));
        pauses.hidden = !state.paused || state.paused.length === 0;
        if (fresh.length > 0) {
            announce.textContent = fresh.map(c => c.ticket + " → " + c.counter).join(", ");
            if (chime) {
                ding();
            }
        }
    }

    function ding() {
        try {
            const audio = new (window.AudioContext || window.webkitAudioContext)();
            [660, 880].forEach((hz, i) => {
                const tone = audio.createOscillator();
                const gain = audio.createGain();
                tone.frequency.value = hz;
                gain.gain.setValueAtTime(0.2, audio.currentTime + i * 0.35);
                gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + i * 0.35 + 0.3);
                tone.connect(gain).connect(audio.destination);
                tone.start(audio.currentTime + i * 0.35);
                tone.stop(audio.currentTime + i * 0.35 + 0.32);
            });
        } catch (e) {
            // No sound allowed (autoplay policy): the highlight is enough.
        }
    }

    function online(isOnline) {
        offline.hidden = isOnline;
        root.dataset.live = source && source.readyState === 1 ? "events" : (poller ? "polling" : "none");
    }

    function accept(state) {
        if (state && typeof state.version === "number") {
            render(state);
            online(true);
        }
    }

    function feed() {
        if (!("EventSource" in window)) {
            poll();
            return;
        }
        clearTimeout(retry);
        source = new EventSource("/board/events");
        source.addEventListener("open", () => {
            stopPolling();
            online(true);
            arm();
        });
        source.addEventListener("board", e => {
            arm();
            accept(JSON.parse(e.data));
        });
        source.addEventListener("error", () => {
            online(false);
            if (source.readyState === 2) { // CLOSED: refused for good (an error status); the browser will not retry
                fallBack();
            }
        });
    }

    // Silence past the heartbeat: the feed is gone (a proxy that buffers, a half-open connection).
    function arm() {
        clearTimeout(watchdog);
        watchdog = setTimeout(fallBack, SILENCE_MS);
    }

    function fallBack() {
        clearTimeout(watchdog);
        if (source) {
            source.close();
            source = null;
        }
        poll();
        retry = setTimeout(feed, RETRY_FEED_MS + Math.random() * 5000);
    }

    function poll() {
        if (poller) {
            return;
        }
        const once = () => fetch("/board/state", { cache: "no-store", credentials: "same-origin" })
            .then(r => {
                if (r.status === 401) {
                    location.reload();
                }
                return r.ok ? r.json() : Promise.reject(r.status);
            })
            .then(accept)
            .catch(() => online(false));
        poller = setInterval(once, POLL_MS);
        once();
        online(!offline.hidden);
    }

    function stopPolling() {
        clearInterval(poller);
        poller = 0;
    }

    feed();
})();
