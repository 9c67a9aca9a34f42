// Progressive enhancement for every page: each piece only improves what already works without JavaScript.
(function () {
    "use strict";

    // WCAG 3.3.1: after a failed submit the error summary takes focus, so it is read out first; its links move focus
    // to the field's first input (a link to a group of radios lands on the first radio, its legend in view).
    var summary = document.querySelector(".error-summary");
    var ask = document.querySelector("[data-autofocus]");     // a confirmation step: the question is read first
    if (ask && !summary) ask.focus();
    if (summary) {
        summary.focus();
        summary.addEventListener("click", function (event) {
            var link = event.target.closest("a[href^='#']");
            if (!link) return;
            var target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
            if (!target) return;
            var input = target.matches("input, select, textarea, button") ? target : target.querySelector("input, select, textarea");
            if (!input) return;
            event.preventDefault();
            var group = input.closest("fieldset");
            var label = (group && group.querySelector("legend")) || document.querySelector("label[for='" + input.id + "']") || input;
            label.scrollIntoView();
            input.focus({ preventScroll: true });
        });
    }

    // The search filters are a closed disclosure on a phone (results first) and an open column on a wide screen.
    var wide = window.matchMedia("(min-width: 48.0625rem)");
    function openWide() {
        document.querySelectorAll("details[data-open-wide]").forEach(function (d) { if (wide.matches) d.open = true; });
    }
    openWide();
    wide.addEventListener("change", openWide);

    // A removal asks first. Without a script its button leads to a confirmation page; with one, a modal <dialog> asks
    // the same question on the spot, and its "Ja, ta bort" sends the same form with the page's Confirmed=true.
    if (typeof HTMLDialogElement === "function") {
        document.querySelectorAll("button[data-confirm]").forEach(function (button) {
            button.addEventListener("click", function (event) {
                event.preventDefault();
                var dialog = document.createElement("dialog");
                dialog.className = "confirm";
                dialog.setAttribute("aria-labelledby", "confirm-question");
                dialog.setAttribute("aria-describedby", "confirm-consequence");
                var question = document.createElement("h2");
                question.id = "confirm-question";
                question.textContent = button.getAttribute("data-confirm");
                var consequence = document.createElement("p");
                consequence.id = "confirm-consequence";
                consequence.textContent = button.getAttribute("data-consequence");
                var actions = document.createElement("div");
                actions.className = "actions";
                var yes = document.createElement("button");
                yes.type = "button";
                yes.className = "danger";
                yes.textContent = button.getAttribute("data-yes") || "Ja, ta bort";   // the page's language
                var no = document.createElement("button");
                no.type = "button";
                no.className = "secondary";
                no.textContent = button.getAttribute("data-no") || "Avbryt";
                no.autofocus = true;            // the safe choice has the focus, so Enter does not remove by mistake
                actions.append(yes, no);
                dialog.append(question, consequence, actions);
                document.body.appendChild(dialog);
                var submitting = false;
                dialog.addEventListener("close", function () {
                    dialog.remove();
                    if (!submitting) button.focus();
                });
                no.addEventListener("click", function () { dialog.close(); });
                yes.addEventListener("click", function () {
                    var confirmed = document.createElement("input");
                    confirmed.type = "hidden";
                    confirmed.name = "Confirmed";
                    confirmed.value = "true";
                    button.form.appendChild(confirmed);
                    submitting = true;
                    button.form.requestSubmit(button);
                });
                dialog.showModal();
            });
        });
    }

    // "Skriv ut" and "Kopiera länk" do nothing without a script, so they are hidden until this runs.
    document.querySelectorAll("[data-print]").forEach(function (button) {
        button.hidden = false;
        button.addEventListener("click", function () { window.print(); });
    });
    document.querySelectorAll("[data-copy-link]").forEach(function (button) {
        if (!navigator.clipboard) return;
        button.hidden = false;
        var status = document.getElementById(button.getAttribute("aria-controls"));
        button.addEventListener("click", function () {
            navigator.clipboard.writeText(button.getAttribute("data-copy-link")).then(function () {
                if (status) status.textContent = "Länken är kopierad.";
            }, function () {
                if (status) status.textContent = "Länken kunde inte kopieras. Adressen är " + button.getAttribute("data-copy-link");
            });
        });
    });
})();
