// The page's half of src/app/web_input.cpp (linked with --pre-js, so it runs before GLFW installs
// its listeners, and the single file has it too). Three things the canvas cannot do alone:
// - the text agent: a real <input> that has focus while a field is edited, at the field's caret,
//   so IME composition, dictation, emoji and phone keyboards reach the app;
// - touch: a tap is a click, a finger drag scrolls, a long press is the context click;
// - the accessibility mirror: the frame's items as DOM elements (roles, names, values) over the
//   canvas, which screen readers read and activate; plan text in them is always textContent.
var FiduciaInput = {
  agent: null,        // the text agent
  layer: null,        // the mirror's container
  live: null,         // notices for screen readers (role=status)
  elements: new Map(),  // mirror element by item id
  nodes: [],          // the last mirror, for hit tests: [id, role, name, value, x, y, w, h, flags, description]
  textWanted: false,
  textId: 0,          // the item being edited
  composing: false,
  ownFocusChange: false,  // focus moved by this code, not by the person
  pasteShortcutAt: 0,     // Ctrl+V just pressed: the app pastes itself, the agent's copy is dropped
  pressedFieldAt: -1e9,   // when a press on a text field gave the agent focus, before ImGui saw the press
  focusId: 0,
  lastNotice: "",
  touch: null,        // the finger being followed: {id, x, y, lastX, lastY, scrolling, timer, long}

  // An export's wrapper exists before the wasm does and throws if called early (a focus or resize
  // event while the page loads), so nothing calls in before the runtime is up.
  ready: function (name) { return runtimeInitialized && !!Module["_" + name]; },
  wake: function () { if (FiduciaInput.ready("fiducia_wake")) Module._fiducia_wake(); },
  call: function (name) {  // into the wasm, once it is there; wakes the frame loop
    if (!FiduciaInput.ready(name)) return;
    Module["_" + name].apply(null, Array.prototype.slice.call(arguments, 1));
    FiduciaInput.wake();
  },
  callText: function (name, text) {
    if (!FiduciaInput.ready(name) || !text) return;
    FiduciaPage.withString(text, function (p) { Module["_" + name](p); });
    FiduciaInput.wake();
  },

  // ---- the text agent ----------------------------------------------------------------------
  textAgent: function (want, id, x, y, height, name) {
    var agent = FiduciaInput.agent;
    FiduciaInput.textWanted = want;
    FiduciaInput.textId = id >>> 0;  // an ImGui id is unsigned; the wasm hands it over signed
    if (want) {
      agent.style.left = Math.max(0, x) + "px";
      agent.style.top = Math.max(0, y) + "px";
      agent.style.height = Math.max(16, height) + "px";
      agent.setAttribute("aria-label", name || "text");
      if (document.activeElement !== agent) FiduciaInput.focus(agent);
    } else if (document.activeElement === agent && performance.now() - FiduciaInput.pressedFieldAt > 500) {
      // (A field pressed a moment ago has not seen its press yet: the agent keeps the focus for it.)
      FiduciaInput.endComposition();
      FiduciaInput.focus(Module.canvas);  // the phone's keyboard closes
    }
  },
  // A text field was pressed, tapped or activated: the agent takes focus now, inside the person's
  // gesture (a phone shows its keyboard only then), before ImGui has seen the press.
  focusForField: function () {
    var agent = FiduciaInput.agent;
    FiduciaInput.pressedFieldAt = performance.now();
    FiduciaInput.focus(agent);
    setTimeout(function () {  // the field did not start editing after all: give the focus back
      if (!FiduciaInput.textWanted && document.activeElement === agent) FiduciaInput.focus(Module.canvas);
    }, 600);
  },
  focus: function (element) {
    FiduciaInput.ownFocusChange = true;
    try { element.focus({preventScroll: true}); } finally { FiduciaInput.ownFocusChange = false; }
  },
  endComposition: function () {
    FiduciaInput.composing = false;
    FiduciaInput.agent.classList.remove("composing");
    FiduciaInput.agent.value = "";
  },
  // Whatever the agent holds goes to the app, and the agent is emptied for the next.
  commitAgent: function () {
    var text = FiduciaInput.agent.value;
    FiduciaInput.agent.value = "";
    if (text) FiduciaInput.callText("fiducia_text_input", text);
  },

  // ---- touch ---------------------------------------------------------------------------------
  longPressMs: 550,
  slopPx: 8,  // a finger that moved less than this tapped
  onTouch: function (e) {
    if (e.target !== Module.canvas) return;
    e.preventDefault();            // no emulated mouse events, no double click
    e.stopImmediatePropagation();  // GLFW's own touch handling would press at the touch's start
    var t = FiduciaInput.touch;
    if (e.type === "touchstart") {
      if (t || e.touches.length !== 1) { FiduciaInput.cancelTouch(); return; }  // two fingers: not ours
      var f = e.changedTouches[0];
      t = FiduciaInput.touch = {id: f.identifier, x: f.clientX, y: f.clientY, lastX: f.clientX, lastY: f.clientY,
                                scrolling: false, long: false, timer: 0};
      t.timer = setTimeout(function () {  // held still: the context click
        if (FiduciaInput.touch !== t || t.scrolling) return;
        t.long = true;
        FiduciaInput.call("fiducia_touch_tap", t.x, t.y, 1);
      }, FiduciaInput.longPressMs);
      return;
    }
    if (!t) return;
    var finger = null;
    for (var i = 0; i < e.changedTouches.length; ++i) if (e.changedTouches[i].identifier === t.id) finger = e.changedTouches[i];
    if (!finger) return;
    if (e.type === "touchmove") {
      if (!t.scrolling && Math.hypot(finger.clientX - t.x, finger.clientY - t.y) < FiduciaInput.slopPx) return;
      if (!t.scrolling) { t.scrolling = true; clearTimeout(t.timer); }
      FiduciaInput.call("fiducia_touch_scroll", t.x, t.y, finger.clientX - t.lastX, finger.clientY - t.lastY);
      t.lastX = finger.clientX;
      t.lastY = finger.clientY;
      return;
    }
    clearTimeout(t.timer);
    FiduciaInput.touch = null;
    if (e.type !== "touchend" || t.scrolling || t.long) return;
    // A tap on a text field: focus the agent now, inside the gesture, or a phone shows no keyboard.
    var hit = FiduciaInput.nodeAt(t.x, t.y);
    if (hit && hit[1] === "textbox" && !(hit[8] & 8)) {
      FiduciaInput.focusForField();
    }
    FiduciaInput.call("fiducia_touch_tap", t.x, t.y, 0);
  },
  cancelTouch: function () {
    if (FiduciaInput.touch) clearTimeout(FiduciaInput.touch.timer);
    FiduciaInput.touch = null;
  },
  nodeAt: function (x, y) {
    var found = null;
    FiduciaInput.nodes.forEach(function (n) {
      if (x >= n[4] && x < n[4] + n[6] && y >= n[5] && y < n[5] + n[7]) found = n;  // the last drawn is on top
    });
    return found;
  },

  // ---- the accessibility mirror --------------------------------------------------------------
  tags: {button: "button", menu: "button", menuitem: "button", tab: "button", checkbox: "input", textbox: "div",
         slider: "div", heading: "h2", text: "p"},
  mirror: function (json) {
    var data = JSON.parse(json), seen = new Set(), layer = FiduciaInput.layer, before = null;
    FiduciaInput.nodes = data.nodes;
    // Walk backwards so each element can be put before the one after it: the DOM order is the drawing order.
    for (var i = data.nodes.length - 1; i >= 0; --i) {
      var n = data.nodes[i], id = n[0], role = n[1];
      seen.add(id);
      var el = FiduciaInput.elements.get(id);
      if (!el || el.dataset.role !== role) {
        if (el) el.remove();
        el = FiduciaInput.create(id, role);
        FiduciaInput.elements.set(id, el);
      }
      FiduciaInput.update(el, n);
      if (el.nextSibling !== before || el.parentNode !== layer) layer.insertBefore(el, before);
      before = el;
    }
    FiduciaInput.elements.forEach(function (el, id) {
      if (!seen.has(id)) { el.remove(); FiduciaInput.elements.delete(id); }
    });
    if (data.focus !== FiduciaInput.focusId) {
      FiduciaInput.focusId = data.focus;
      var target = FiduciaInput.elements.get(data.focus);
      if (target && document.activeElement !== FiduciaInput.agent) FiduciaInput.focus(target);
    }
    if (data.notice !== FiduciaInput.lastNotice) {
      FiduciaInput.lastNotice = data.notice;
      if (data.notice) FiduciaInput.live.textContent = data.notice;
    }
  },
  create: function (id, role) {
    var el = document.createElement(FiduciaInput.tags[role] || "div");
    el.dataset.role = role;
    el.dataset.id = String(id);
    el.className = "a11y-item";
    if (el.tagName === "BUTTON") el.type = "button";
    if (role === "checkbox") el.type = "checkbox";
    if (role === "menuitem" || role === "menu" || role === "tab") el.setAttribute("role", role === "menu" ? "menuitem" : role);
    if (role === "textbox" || role === "slider") el.setAttribute("role", role);
    if (role !== "heading" && role !== "text") {
      el.tabIndex = -1;  // Tab is the app's: it moves ImGui's focus, and this focus follows it
      el.addEventListener("click", function (e) {
        e.preventDefault();
        FiduciaInput.activate(id);
      });
      el.addEventListener("focus", function () {  // a screen reader moved here: so does the app's focus ring
        if (!FiduciaInput.ownFocusChange) FiduciaInput.call("fiducia_a11y_focus", id);
      });
    }
    return el;
  },
  // Tab and Shift+Tab go through every control in the order drawn, as on a web page: across the
  // menu bar, the navigation and the panel (ImGui's own Tab stays inside one window). A text field
  // reached this way starts editing, as a web form's field takes typing once focused.
  tab: function (backwards) {
    var controls = FiduciaInput.nodes.filter(function (n) { return n[1] !== "heading" && n[1] !== "text" && !(n[8] & 8); });
    if (!controls.length) return;
    var current = FiduciaInput.textWanted ? FiduciaInput.textId : FiduciaInput.focusedId();
    var at = controls.findIndex(function (n) { return n[0] === current; });
    var next = at < 0 ? (backwards ? controls.length - 1 : 0) : (at + (backwards ? controls.length - 1 : 1)) % controls.length;
    var node = controls[next], el = FiduciaInput.elements.get(node[0]);
    if (node[1] === "textbox") {
      FiduciaInput.focusForField();
      FiduciaInput.call("fiducia_a11y_activate", node[0]);
    } else if (el) {
      if (FiduciaInput.textWanted) FiduciaInput.call("fiducia_text_agent_left");
      FiduciaInput.focus(el);
    }
    FiduciaInput.call("fiducia_a11y_focus", node[0]);
  },
  focusedId: function () {
    var found = 0;
    FiduciaInput.elements.forEach(function (el, id) { if (el === document.activeElement) found = id; });
    return found || FiduciaInput.focusId;
  },
  activate: function (id) {
    var n = FiduciaInput.nodes.find(function (m) { return m[0] === id; });
    if (n && n[1] === "textbox") {  // inside the gesture: phones show a keyboard
      FiduciaInput.focusForField();
    }
    FiduciaInput.call("fiducia_a11y_activate", id);
  },
  update: function (el, n) {
    var role = n[1], name = n[2], value = n[3], flags = n[8], description = n[9];
    var style = "left:" + n[4] + "px;top:" + n[5] + "px;width:" + n[6] + "px;height:" + n[7] + "px";
    if (el.dataset.style !== style) { el.style.cssText = style; el.dataset.style = style; }
    var text = role === "text" && value ? name + ": " + value : name;
    if (role === "checkbox" || role === "textbox" || role === "slider") {
      if (el.getAttribute("aria-label") !== name) el.setAttribute("aria-label", name);
      if (role === "checkbox") el.checked = (flags & 1) !== 0;
      else if (role === "slider") {
        if (el.getAttribute("aria-valuetext") !== value) el.setAttribute("aria-valuetext", value);
        var number = parseFloat(value.replace(/[^0-9.,-]/g, "").replace(",", "."));
        el.setAttribute("aria-valuenow", isFinite(number) ? String(number) : "0");
      } else if (el.textContent !== value) el.textContent = value;
    } else if (el.textContent !== text) {
      el.textContent = text;
    }
    FiduciaInput.attribute(el, "aria-expanded", (flags & 2) ? String((flags & 4) !== 0) : null);
    FiduciaInput.attribute(el, "aria-disabled", (flags & 8) ? "true" : null);
    FiduciaInput.attribute(el, "aria-current", (flags & 16) ? "page" : null);
    FiduciaInput.attribute(el, "aria-checked", role === "menuitem" && (flags & 1) ? "true" : null);
    FiduciaInput.attribute(el, "title", description || null);
  },
  attribute: function (el, name, value) {
    if (value === null) { if (el.hasAttribute(name)) el.removeAttribute(name); }
    else if (el.getAttribute(name) !== value) el.setAttribute(name, value);
  },

  install: function () {
    var agent = FiduciaInput.agent = document.createElement("input");
    agent.type = "text";
    agent.id = "text-agent";
    agent.className = "text-agent";
    agent.setAttribute("autocomplete", "off");
    agent.setAttribute("autocorrect", "off");
    agent.setAttribute("autocapitalize", "off");
    agent.setAttribute("spellcheck", "false");
    agent.setAttribute("aria-label", "text");
    document.body.appendChild(agent);
    var layer = FiduciaInput.layer = document.createElement("div");
    layer.id = "a11y-mirror";
    layer.className = "a11y-mirror";
    document.body.appendChild(layer);
    var live = FiduciaInput.live = document.createElement("div");
    live.id = "a11y-live";
    live.className = "a11y-live";
    live.setAttribute("role", "status");
    live.setAttribute("aria-live", "polite");
    document.body.appendChild(live);

    // Typed text reaches the app only through the agent's input events while the agent has focus:
    // GLFW's keypress would type it a second time. Composition keys are the IME's, not the app's.
    window.addEventListener("keypress", function (e) {
      if (document.activeElement === agent) e.stopImmediatePropagation();
    }, true);
    window.addEventListener("keydown", function (e) {
      if (document.activeElement === agent && (e.isComposing || e.keyCode === 229)) e.stopImmediatePropagation();
      // Enter or Space on a focused mirror element activates its widget once: not ImGui's own
      // activation as well (GLFW would pass the key on), and no synthetic click on the element.
      var focused = document.activeElement;
      if ((e.key === "Enter" || e.key === " ") && focused && focused.parentNode === FiduciaInput.layer && focused.dataset.id) {
        e.preventDefault();
        e.stopImmediatePropagation();
        FiduciaInput.activate(Number(focused.dataset.id));
        return;
      }
      if (e.key === "Tab" && !e.ctrlKey && !e.altKey && !e.metaKey && FiduciaInput.nodes.length) {
        e.preventDefault();
        e.stopImmediatePropagation();  // not ImGui's Tab, which stays inside one window
        FiduciaInput.tab(e.shiftKey);
        return;
      }
      if ((e.ctrlKey || e.metaKey) && (e.key === "v" || e.key === "V")) FiduciaInput.pasteShortcutAt = performance.now();
    }, true);
    window.addEventListener("keyup", function (e) {
      var focused = document.activeElement;
      if ((e.key === "Enter" || e.key === " ") && focused && focused.parentNode === FiduciaInput.layer) e.stopImmediatePropagation();
    }, true);
    agent.addEventListener("compositionstart", function () {
      FiduciaInput.composing = true;
      agent.classList.add("composing");  // the pre-edit text shows in the field, at its caret
    });
    agent.addEventListener("compositionend", function () {
      FiduciaInput.composing = false;
      agent.classList.remove("composing");
      FiduciaInput.commitAgent();
    });
    agent.addEventListener("input", function (e) {
      if (FiduciaInput.composing || e.isComposing) return;
      var type = e.inputType || "insertText";
      if (type === "deleteContentBackward") { agent.value = ""; FiduciaInput.call("fiducia_text_backspace"); return; }
      // Ctrl+V pastes through the app's own shortcut; a paste from a menu (phones) has only this.
      if ((type === "insertFromPaste" || type === "insertFromDrop") && performance.now() - FiduciaInput.pasteShortcutAt < 1000) {
        agent.value = "";
        return;
      }
      FiduciaInput.commitAgent();
    });
    agent.addEventListener("blur", function (e) {
      if (FiduciaInput.ownFocusChange || !FiduciaInput.textWanted) return;
      // Focus went nowhere (a phone's keyboard closed): the field stops editing. A click on the
      // canvas moves focus there, and ImGui decides from the click itself.
      if (!e.relatedTarget) FiduciaInput.call("fiducia_text_agent_left");
    });

    // A press on a text field gives the agent focus at once (not a frame later), so what is typed
    // straight after the click is not lost; the canvas does not take focus from it.
    window.addEventListener("mousedown", function (e) {
      if (e.target !== Module.canvas || e.button !== 0 || FiduciaInput.noEarlyFocus) return;
      var hit = FiduciaInput.nodeAt(e.clientX, e.clientY);
      if (hit && hit[1] === "textbox" && !(hit[8] & 8)) {
        e.preventDefault();
        FiduciaInput.focusForField();
      }
    }, true);
    ["touchstart", "touchmove", "touchend", "touchcancel"].forEach(function (type) {
      window.addEventListener(type, FiduciaInput.onTouch, {capture: true, passive: false});
    });
  },
};
FiduciaInput.install();
