// The import's progress, polled while it runs (the page reloads when it ends).
(function () {
    const box = document.querySelector("[data-import-progress]");
    if (!box) return;
    const bar = box.querySelector("progress");
    const text = box.querySelector("[data-progress-text]");
    function poll() {
        fetch(box.dataset.importProgress, { credentials: "same-origin" })
            .then((response) => response.json())
            .then((state) => {
                bar.max = state.total || 1;
                bar.value = state.imported;
                text.textContent = `${state.status_label}：${state.imported} / ${state.total}`;
                if (state.status === "running") {
                    setTimeout(poll, 1500);
                } else {
                    window.location.reload();
                }
            })
            .catch(() => setTimeout(poll, 5000));
    }
    poll();
})();
