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
