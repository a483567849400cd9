// Small behaviours the pages declare with data- attributes, so the Content-Security-Policy needs no inline script.
document.addEventListener("change", (e) => {
    const el = e.target;
    if (el instanceof HTMLElement && el.hasAttribute("data-autosubmit") && el.form) {
        el.form.submit();
    }
});
document.addEventListener("click", (e) => {
    const el = e.target instanceof Element ? e.target.closest("[data-print]") : null;
    if (el) {
        window.print();
    }
});
document.addEventListener("submit", (e) => {
    const form = e.target;
    if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
        e.preventDefault();
    }
});
// data-copy="text": puts the text on the clipboard (the ITAS sheet's copy buttons). Over plain HTTP outside localhost
// the Clipboard API is missing, so a hidden textarea and execCommand do it there.
document.addEventListener("click", async (e) => {
    const el = e.target instanceof Element ? e.target.closest("[data-copy]") : null;
    if (!el) {
        return;
    }
    const text = el.getAttribute("data-copy") ?? "";
    try {
        await navigator.clipboard.writeText(text);
    } catch {
        const area = document.createElement("textarea");
        area.value = text;
        area.setAttribute("readonly", "");
        area.style.position = "fixed";
        area.style.opacity = "0";
        document.body.appendChild(area);
        area.select();
        document.execCommand("copy");
        area.remove();
    }
    const label = el.textContent;
    el.textContent = el.getAttribute("data-copied") ?? "✓";
    setTimeout(() => { el.textContent = label; }, 1500);
});
