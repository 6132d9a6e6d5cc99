/* tei-edition: note popups, the diplomatic switch and search. The text reads without it. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  document.body.classList.add("js");

  /* ---- diplomatic reading ---- */
  var switcher = document.getElementById("diplomatic");
  if (switcher) {
    var saved = null;
    try { saved = window.localStorage.getItem("tei-diplomatic"); } catch (e) { /* private */ }
    switcher.checked = saved === "1";
    document.body.classList.toggle("diplomatic", switcher.checked);
    switcher.addEventListener("change", function () {
      document.body.classList.toggle("diplomatic", switcher.checked);
      try { window.localStorage.setItem("tei-diplomatic", switcher.checked ? "1" : "0"); } catch (e) { /* private */ }
    });
  }

  /* ---- notes ---- */
  var open = null;
  function closeNote(returnFocus) {
    if (!open) { return; }
    var call = open.call;
    open.popup.remove();
    call.setAttribute("aria-expanded", "false");
    open = null;
    if (returnFocus) { call.focus(); }
  }
  function openNote(call) {
    var n = call.getAttribute("data-note");
    var source = document.getElementById("note-" + n + "-text");
    if (!source) { return; }
    closeNote(false);
    var popup = document.createElement("span");
    popup.className = "note-popup";
    popup.id = "popup-" + n;
    popup.setAttribute("role", "dialog");
    popup.setAttribute("aria-label", "Note " + n);
    popup.tabIndex = -1;
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "×";
    close.setAttribute("aria-label", "Close note " + n);
    close.addEventListener("click", function () { closeNote(true); });
    popup.appendChild(close);
    var text = document.createElement("span");
    text.innerHTML = source.innerHTML;
    popup.appendChild(text);
    call.insertAdjacentElement("afterend", popup);
    call.setAttribute("aria-expanded", "true");
    call.setAttribute("aria-controls", popup.id);
    open = { call: call, popup: popup };
    popup.focus();
  }
  document.querySelectorAll("a.note-call").forEach(function (call) {
    call.setAttribute("aria-expanded", "false");
    call.addEventListener("click", function (event) {
      event.preventDefault();
      if (open && open.call === call) { closeNote(true); } else { openNote(call); }
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { closeNote(true); }
  });
  document.addEventListener("click", function (event) {
    if (open && !open.popup.contains(event.target) && event.target !== open.call) { closeNote(false); }
  });

  /* ---- search ----
     The index is the page itself: its paragraphs, headings, items and notes, each with the
     page it falls on and its section, read once, at the first search. Other pages send the
     query to index.html (#search=...). */
  var box = document.getElementById("search-box");
  var results = document.getElementById("search-results");
  var index = null;
  var BLOCK = "p, li, h1, h2, h3, h4";
  var BLOCKS = "main p, main li, main h1, main h2, main h3, main h4, section.notes li";
  function readable(element) {
    var walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        var parent = node.parentElement;
        if (parent.closest(".note-call, .sic, .note-popup, .back")) { return NodeFilter.FILTER_REJECT; }
        return parent.closest(BLOCK) === element ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
      }
    });
    var parts = [];
    var node;
    while ((node = walker.nextNode())) { parts.push(node.nodeValue); }
    return parts.join("").replace(/\s+/g, " ").trim();
  }
  function buildIndex() {
    var entries = [];
    var page = "";
    document.querySelectorAll(BLOCKS + ", main .pb").forEach(function (element) {
      if (element.classList.contains("pb")) { page = element.getAttribute("data-label"); return; }
      var text = readable(element);
      if (!text) { return; }
      var target = element.id ? element : element.closest("[id]");
      var inNotes = !!element.closest("section.notes");
      var section = element.closest("main > section, section.notes");
      var heading = section ? section.querySelector("h2") : null;
      entries.push({ id: target ? target.id : "", text: text, page: inNotes ? "" : page,
                     section: heading ? heading.textContent.replace(/\s+/g, " ").trim() : "" });
    });
    return entries;
  }
  function escapeHtml(text) {
    return text.replace(/[&<>"]/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c];
    });
  }
  function snippet(text, at, length) {
    var start = Math.max(0, at - 60);
    var end = Math.min(text.length, at + length + 60);
    return (start > 0 ? "…" : "") + escapeHtml(text.slice(start, at)) + "<mark>" +
      escapeHtml(text.slice(at, at + length)) + "</mark>" + escapeHtml(text.slice(at + length, end)) +
      (end < text.length ? "…" : "");
  }
  function highlight(element, query) {
    var walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    var lower = query.toLowerCase();
    var node;
    var found = [];
    while ((node = walker.nextNode())) {
      var at = node.nodeValue.toLowerCase().indexOf(lower);
      if (at >= 0) { found.push([node, at]); }
    }
    found.forEach(function (pair) {
      var range = document.createRange();
      range.setStart(pair[0], pair[1]);
      range.setEnd(pair[0], pair[1] + query.length);
      range.surroundContents(document.createElement("mark"));
    });
  }
  function go(id, query) {
    var target = document.getElementById(id);
    if (!target) { return; }
    results.hidden = true;
    document.querySelectorAll("main mark, section.notes mark").forEach(function (mark) {
      mark.replaceWith(document.createTextNode(mark.textContent));
    });
    highlight(target, query);
    history.replaceState(null, "", "#" + id);
    target.scrollIntoView({ block: "center" });
    target.setAttribute("tabindex", "-1");
    target.focus({ preventScroll: true });
  }
  var onTextPage = !document.body.classList.contains("register");
  function search() {
    var query = box.value.trim();
    if (query.length < 2) { results.hidden = true; results.innerHTML = ""; return []; }
    if (!onTextPage) {
      results.innerHTML = '<p><a href="index.html#search=' + encodeURIComponent(query) +
        '">Search the text for “' + escapeHtml(query) + '”</a></p>';
      results.hidden = false;
      return [];
    }
    if (index === null) { index = buildIndex(); }
    var lower = query.toLowerCase();
    var hits = [];
    for (var i = 0; i < index.length && hits.length < 100; i++) {
      var at = index[i].text.toLowerCase().indexOf(lower);
      if (at >= 0) { hits.push([index[i], at]); }
    }
    var html = "<p>" + hits.length + (hits.length === 100 ? "+" : "") + " result" + (hits.length === 1 ? "" : "s") + "</p><ol>";
    hits.forEach(function (hit) {
      var entry = hit[0];
      var where = [entry.section, entry.page].filter(Boolean).join(" · ");
      html += '<li><a href="#' + escapeHtml(entry.id) + '" data-id="' + escapeHtml(entry.id) + '">' +
        '<span class="where">' + escapeHtml(where) + "</span>" + snippet(entry.text, hit[1], query.length) + "</a></li>";
    });
    results.innerHTML = html + "</ol>";
    results.hidden = false;
    results.querySelectorAll("a[data-id]").forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        go(link.getAttribute("data-id"), query);
      });
    });
    return hits;
  }
  if (box && results) {
    var timer = null;
    box.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(search, 120);
    });
    box.addEventListener("keydown", function (event) {
      if (event.key !== "Enter") { return; }
      event.preventDefault();
      var query = box.value.trim();
      if (!onTextPage && query.length > 1) {
        window.location.href = "index.html#search=" + encodeURIComponent(query);
        return;
      }
      var hits = search();
      if (hits.length) { go(hits[0][0].id, query); }
    });
    var wanted = /^#search=(.+)$/.exec(window.location.hash);
    if (wanted && onTextPage) {
      box.value = decodeURIComponent(wanted[1]);
      var first = search();
      if (first.length) { go(first[0][0].id, box.value); }
    }
  }
}());
