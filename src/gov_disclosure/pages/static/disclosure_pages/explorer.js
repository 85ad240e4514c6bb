// Wagtail's sidebar page explorer offers an edit link on every page it lists. Hide the
// links to pages this user's role cannot edit (the server refuses them anyway); the
// answer for each page is asked once per admin page view.
(function () {
  "use strict";
  const endpoint = document.currentScript.dataset.endpoint;
  const editable = new Map(); // page id → true / false; pending ids are absent
  const pending = new Set();
  const EDIT_LINK = '.c-page-explorer a[href$="/edit/"]';

  function pageId(link) {
    const match = link.getAttribute("href").match(/\/pages\/(\d+)\/edit\/$/);
    return match ? match[1] : null;
  }

  function hideRefused() {
    document.querySelectorAll(EDIT_LINK).forEach((link) => {
      if (editable.get(pageId(link)) === false) {
        // Hidden, not removed: the explorer's React tree owns the element.
        link.hidden = true;
      }
    });
  }

  async function ask(ids) {
    ids.forEach((id) => pending.add(id));
    try {
      const query = ids.map((id) => "id=" + encodeURIComponent(id)).join("&");
      const response = await fetch(endpoint + "?" + query, { credentials: "same-origin" });
      if (!response.ok) return;
      const allowed = new Set((await response.json()).editable.map(String));
      ids.forEach((id) => editable.set(id, allowed.has(id)));
      hideRefused();
    } finally {
      ids.forEach((id) => pending.delete(id));
    }
  }

  let scheduled = false;
  function check() {
    scheduled = false;
    const ids = new Set();
    document.querySelectorAll(EDIT_LINK).forEach((link) => {
      const id = pageId(link);
      if (id && !editable.has(id) && !pending.has(id)) ids.add(id);
    });
    if (ids.size) ask([...ids]);
    hideRefused();
  }

  new MutationObserver(() => {
    if (!scheduled) {
      scheduled = true;
      window.requestAnimationFrame(check);
    }
  }).observe(document.body, { childList: true, subtree: true });
})();
