// tiaoli preview: reloads the page after each good build, and shows the
// error of a failed one over the page (the page stays the last good build).
(function () {
  "use strict";
  var script = document.currentScript;
  var events = script.src.replace(/reload\.js$/, "events");
  var first = null;
  var box = null;

  function show(message) {
    if (!box) {
      box = document.createElement("div");
      box.id = "tiaoli-preview-error";
      box.setAttribute("role", "alert");
      var s = box.style;
      s.position = "fixed"; s.left = "0"; s.right = "0"; s.top = "0"; s.zIndex = "2147483647";
      s.maxHeight = "60vh"; s.overflow = "auto"; s.padding = "1em 1.5em";
      s.background = "#fff0f0"; s.color = "#700"; s.borderBottom = "3px solid #c00";
      s.font = "14px/1.5 monospace"; s.whiteSpace = "pre-wrap";
      document.body.appendChild(box);
    }
    box.textContent = "构建失败，本页仍是上一次成功构建的内容。改正后保存，页面会自动刷新。\n\n" + message;
  }

  function hide() {
    if (box) { box.remove(); box = null; }
  }

  var source = new EventSource(events);
  source.onmessage = function (e) {
    var st = JSON.parse(e.data);
    // The build this page has heard of, for whoever looks (tests do).
    document.documentElement.setAttribute("data-preview-build", st.build);
    if (first === null) {
      first = st.build;
    } else if (st.build !== first) {
      source.close();
      location.reload();
      return;
    }
    if (st.error) { show(st.error); } else { hide(); }
  };
})();
