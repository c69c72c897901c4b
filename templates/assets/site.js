// tiaoli: the site's one script. Every page works without it; with it,
// terms and references show what they mean on hover and focus, the cite
// control copies a citation, the go-to-article box jumps to any 条, and the
// search page shows results as you type.
(function () {
  'use strict';
  var doc = document;
  doc.documentElement.classList.add('js');

  // ---- tooltips for a[data-def] ----
  var tip = doc.createElement('div');
  tip.id = 'tip';
  tip.setAttribute('role', 'tooltip');
  tip.hidden = true;
  doc.body.appendChild(tip);
  var tipFor = null;

  function showTip(a) {
    var text = a.getAttribute('data-def');
    if (!text) return;
    tipFor = a;
    tip.textContent = text;
    tip.hidden = false;
    a.setAttribute('aria-describedby', 'tip');
    var r = a.getBoundingClientRect();
    var w = tip.offsetWidth, h = tip.offsetHeight;
    var left = Math.max(8, Math.min(r.left, doc.documentElement.clientWidth - w - 8));
    var top = r.bottom + 6;
    if (top + h > window.innerHeight && r.top - h - 6 > 0) top = r.top - h - 6;
    tip.style.left = (left + window.scrollX) + 'px';
    tip.style.top = (top + window.scrollY) + 'px';
  }
  function hideTip() {
    if (tipFor) tipFor.removeAttribute('aria-describedby');
    tipFor = null;
    tip.hidden = true;
  }
  function defLink(el) {
    return el && el.closest ? el.closest('a[data-def]') : null;
  }
  doc.addEventListener('mouseover', function (e) {
    var a = defLink(e.target);
    if (a && a !== tipFor) showTip(a);
    else if (!a && tipFor && tipFor !== doc.activeElement) hideTip();
  });
  doc.addEventListener('focusin', function (e) {
    var a = defLink(e.target);
    if (a) showTip(a); else hideTip();
  });
  doc.addEventListener('focusout', function (e) {
    if (defLink(e.target) === tipFor) hideTip();
  });
  doc.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') hideTip();
  });
  window.addEventListener('scroll', function () { if (tipFor && tipFor !== doc.activeElement) hideTip(); }, { passive: true });

  // ---- copying text ----
  function copy(text, done) {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(fallbackCopy(text)); });
      return;
    }
    done(fallbackCopy(text));
  }
  function fallbackCopy(text) {
    var ta = doc.createElement('textarea');
    ta.value = text;
    ta.setAttribute('readonly', '');
    ta.style.position = 'fixed';
    ta.style.opacity = '0';
    doc.body.appendChild(ta);
    ta.select();
    var ok = false;
    try { ok = doc.execCommand('copy'); } catch (err) { ok = false; }
    doc.body.removeChild(ta);
    return ok;
  }

  // ---- the cite control of a clause page ----
  var page = doc.querySelector('.clause-page');
  var cite = doc.querySelector('.cite');
  if (page && cite) {
    var inDoc = page.querySelector('h1 .in-doc');
    var title = '《' + (inDoc ? inDoc.textContent : '') + '》';
    var citeText = cite.querySelector('.cite-text');
    var citeURL = cite.querySelector('.cite-url');
    var btn = cite.querySelector('.cite-btn');
    var msg = cite.querySelector('.cite-msg');
    var whole = citeText.textContent;
    var update = function () {
      var id = decodeURIComponent(location.hash.slice(1));
      var el = id ? doc.getElementById(id) : null;
      var where = el && el.getAttribute('data-cite');
      var url = location.href.split('#')[0] + (where ? '#' + id : '');
      citeText.textContent = where ? title + where : whole;
      citeURL.textContent = url;
      citeURL.setAttribute('href', where ? '#' + id : './');
      msg.textContent = '';
    };
    update();
    window.addEventListener('hashchange', update);
    btn.hidden = false;
    btn.addEventListener('click', function () {
      copy(citeText.textContent + ' ' + citeURL.textContent, function (ok) {
        msg.textContent = ok ? '已复制' : '请选中上面的文字复制';
      });
    });
  }

  // ---- go to an article: 第一百零三条, 一百零三, 103, １０３, 第五条之一 ----
  var digits = { '〇': 0, '零': 0, '○': 0, '一': 1, '壹': 1, '二': 2, '贰': 2, '两': 2, '三': 3, '叁': 3, '四': 4, '肆': 4,
    '五': 5, '伍': 5, '六': 6, '陆': 6, '七': 7, '柒': 7, '八': 8, '捌': 8, '九': 9, '玖': 9 };
  var units = { '十': 10, '拾': 10, '百': 100, '佰': 100, '千': 1000, '仟': 1000, '万': 10000 };

  // number reads a numeral as package numeral does: digits (ASCII or
  // full-width) or Chinese numerals of any size. NaN when it is neither.
  function number(s) {
    s = s.replace(/[\uFF10-\uFF19]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xFEE0); });
    if (/^[0-9]+$/.test(s)) return parseInt(s, 10);
    var total = 0, section = 0, digit = -1, sawUnit = false, plain = 0;
    if (!s) return NaN;
    for (var i = 0; i < s.length; i++) {
      var c = s.charAt(i);
      if (c in digits) { digit = digits[c]; plain = plain * 10 + digit; continue; }
      if (!(c in units)) return NaN;
      sawUnit = true;
      if (digit < 0) digit = 1;
      if (units[c] === 10000) { total += (section + digit) * 10000; section = 0; }
      else section += digit * units[c];
      digit = -1;
    }
    if (!sawUnit) return plain;
    if (digit > 0) section += digit;
    return total + section;
  }
  // articleSlug turns what a reader typed into the slug of an article URL.
  function articleSlug(s) {
    s = s.replace(/[\s\u3000]/g, '').replace(/^第/, '');
    var m = s.match(/^(.+?)(?:条)?(?:(?:之|-|－|—)(.+))?$/);
    if (!m) return null;
    var n = number(m[1].replace(/条$/, ''));
    var suf = m[2] ? number(m[2]) : 0;
    if (isNaN(n) || isNaN(suf) || n <= 0) return null;
    return 'a' + n + (suf > 0 ? '-' + suf : '');
  }
  window.tiaoliArticleSlug = articleSlug;

  // chinese writes n (1 to 99999) as package numeral does: 十, 十一,
  // 二十, 一百零三, 一百一十, 一千零五.
  function chinese(n) {
    var d = '零一二三四五六七八九', u = ['', '十', '百', '千', '万'];
    if (n < 10) return d.charAt(n);
    if (n < 20) return '十' + (n % 10 ? d.charAt(n % 10) : '');
    var s = '', zero = false, ds = String(n).split('').map(Number);
    for (var i = 0; i < ds.length; i++) {
      var place = ds.length - 1 - i;
      if (ds[i] === 0) { zero = true; continue; }
      if (zero && s) s += '零';
      zero = false;
      s += d.charAt(ds[i]) + u[place];
    }
    return s;
  }
  // articleLabel is the label of the article a slug names: 第五条之一.
  function articleLabel(slug) {
    var m = slug.match(/^a(\d+)(?:-(\d+))?$/);
    return '第' + chinese(+m[1]) + '条' + (m[2] ? '之' + chinese(+m[2]) : '');
  }
  window.tiaoliArticleLabel = articleLabel;

  Array.prototype.forEach.call(doc.querySelectorAll('form.goto'), function (form) {
    var base = form.getAttribute('data-base');
    var listURL = form.getAttribute('data-list');
    var input = form.querySelector('input');
    var out = form.querySelector('output');
    var list = null;
    form.hidden = false;
    var go = function (slug) {
      if (list && list.indexOf(slug) < 0) {
        out.textContent = '本文件没有' + articleLabel(slug);
        out.className = 'goto-msg bad';
        return;
      }
      location.href = base + slug + '/';
    };
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var slug = articleSlug(input.value);
      if (!slug) {
        out.textContent = '请输入条号，如 第十条、10';
        out.className = 'goto-msg bad';
        return;
      }
      if (list) return go(slug);
      fetch(listURL).then(function (r) { return r.ok ? r.json() : null; })
        .then(function (l) { list = l; go(slug); }, function () { go(slug); });
    });
  });

  // ---- keyboard: "/" to search, arrows for the previous and next page ----
  doc.addEventListener('keydown', function (e) {
    var t = e.target;
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    if (e.key === '/') {
      var q = doc.getElementById('q-page') || doc.getElementById('q');
      if (q) { e.preventDefault(); q.focus(); }
    } else if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      var link = doc.querySelector('link[rel=' + (e.key === 'ArrowLeft' ? 'prev' : 'next') + ']');
      if (link) location.href = link.href;
    }
  });

  // ---- the search page and the results page of tiaoli serve ----
  // Both have the same box (#q-page in #search-form) and a #results
  // container. As the reader types, the script fetches the results page
  // the form submits to and puts its #results in place of this page's, so
  // that both pages show results the same way. Only a page tiaoli serve
  // rendered marks its results with data-served; anything else (a plain
  // file server answering with the static page, a 404) means no search.
  var results = doc.getElementById('results');
  if (results && doc.getElementById('q-page')) searchPage(results);

  function searchPage(box) {
    var form = doc.getElementById('search-form');
    var input = doc.getElementById('q-page');
    var action = form.getAttribute('action') || './';
    var heading = doc.querySelector('.search-results h1');
    var timer = null, seq = 0;
    if (!input.value) input.value = new URLSearchParams(location.search).get('q') || '';
    var header = doc.getElementById('q');
    if (header && !header.value) header.value = input.value;
    var run = function () {
      var q = input.value.trim();
      var mine = ++seq;
      if (!q) { box.textContent = ''; if (heading) heading.textContent = '搜索'; return; }
      fetch(action + '?q=' + encodeURIComponent(q), { headers: { Accept: 'text/html' } })
        .then(function (r) { return r.text(); })
        .then(function (html) { if (mine === seq) show(box, q, html); },
          function () { if (mine === seq) offline(box); });
    };
    var show = function (box, q, html) {
      var page = new DOMParser().parseFromString(html, 'text/html');
      var got = page.getElementById('results');
      if (!got || !got.hasAttribute('data-served')) { offline(box); return; }
      box.textContent = '';
      Array.prototype.forEach.call(got.childNodes, function (n) { box.appendChild(doc.importNode(n, true)); });
      if (heading) heading.textContent = '搜索：' + q;
      doc.title = q + ' - ' + doc.title.replace(/^.* - /, '');
      history.replaceState(null, '', '?q=' + encodeURIComponent(q));
    };
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      clearTimeout(timer);
      run();
    });
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(run, 200);
    });
    // A page tiaoli serve rendered already shows the results of its query.
    if (box.getAttribute('data-served') !== input.value.trim()) run();
  }

  function offline(box) {
    box.textContent = '';
    var p = doc.createElement('p');
    p.className = 'warn';
    p.textContent = '搜索需要站点服务器（tiaoli serve）。此站点现在以普通静态文件方式提供，无法搜索；请用目录、术语表和各类文件列表查找。';
    box.appendChild(p);
  }
})();
