#!/usr/bin/env python3
"""Checks that the built HTML docs render: fails on broken links, missing images or console errors.

Usage: docs/check_site.py <html dir> [page.html ...]
(default pages: the index, every tutorial page, and every other page with a formula)

Seven checks:
1. Every local href/src in every HTML file of the site points at a file that exists (and, for
   `page.html#anchor`, at an id or name in that page).
2. The index and each tutorial page are opened in headless Chromium (Debian's `chromium`), driven over
   the DevTools protocol on a pipe (`--remote-debugging-pipe`, no extra packages): any console error,
   uncaught exception, failed resource load, or image that did not decode fails the check. A screenshot
   of each page is kept in <html dir>/../screenshots/.
3. Formulas: after MathJax has typeset a page (it runs from the site's own copy, html/mathjax), every
   formula on it must have become an SVG, none may be a TeX error or a MathJax processing error, and no
   raw TeX (\\( \\[ \\f$ \\frac \\partial ...) may be left in the page's text outside code.
4. Markdown: no emphasis markers or backticks Doxygen left as they were (`*text*`, `**text**`, a code span
   it did not parse, e.g. across lines or around a quote) may be left in the page's text outside code.
5. Exercises: the exercises page (tutorial_exercises.html) numbers its exercises 1, 2, ... once each, each
   with an anchor exercise_N, a folded hint and a folded solution that holds its code; every "exercise N"
   or "exercises N-M" in the text of a rendered page names one of them, and every link to an anchor
   exercise_N reads N.
6. Width: no code listing or table on a rendered page is wider than its column (cut off or scrolled);
   docs/memograd.css wraps long code lines.
7. Figures: no SVG figure's smallest text is under about 10 px (SMALLEST_TEXT_PX) as the page shows it.
"""
import base64
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

RAW_TEX = re.compile(r"\\(?:[()\[\]]|f[$\[\]]|frac|partial|sum|cdot|hat|mathrm|sigma|begin|end)")
# Waits for MathJax's first typesetting of the page (its "End" startup hook), then reports what became of
# the formulas. Text is read from a copy of the page without code, scripts and typeset math.
MATH_REPORT = """new Promise(done => {
  const report = () => {
    const jax = window.MathJax && MathJax.Hub ? MathJax.Hub.getAllJax() : [];
    const copy = document.body.cloneNode(true);
    copy.querySelectorAll("script, style, pre, code, .fragment, .MathJax_SVG, .MathJax_Preview, .MathJax_SVG_Display")
        .forEach(e => e.remove());
    done({formulas: document.querySelectorAll('script[type^="math/tex"]').length,
          typeset: document.querySelectorAll(".MathJax_SVG svg").length,
          tex_errors: jax.filter(j => j.texError).map(j => j.originalText),
          processing_errors: document.querySelectorAll(".MathJax_Error").length,
          text: copy.textContent});
  };
  if (!document.querySelector('script[src$="MathJax.js"]')) { report(); return; }
  const start = Date.now();
  const wait = () => {
    if (window.MathJax && MathJax.Hub && MathJax.Hub.Register) { MathJax.Hub.Register.StartupHook("End", report); }
    else if (Date.now() - start > 20000) { report(); }
    else { setTimeout(wait, 50); }
  };
  wait();
})"""
# Emphasis markers around text, outside code: `*a*`, `**a b**`, but not `x * y` or `2 * 3 * 4` (a marker
# touches the text it encloses, on both sides) nor `a*` alone.
LITERAL_EMPHASIS = re.compile(r"(?<![\w*])(\*\*?)(?=[^\s*])[^*\n]{0,200}?(?<=[^\s*])\1(?![\w*])")
EXERCISE_REFERENCE = re.compile(r"\b[Ee]xercises? (\d+(?:(?:\s*[–-]\s*|, | and | or )\d+)*)")
# Code listings and tables whose content is wider than the box they are shown in (so part of it is cut off
# or behind a scroll bar), or that reach past the page's content column.
TOO_WIDE = """[...document.querySelectorAll("div.fragment, pre, div.contents table")].filter(e => {
  const column = (e.closest("div.contents") || document.body).getBoundingClientRect().right;
  return e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > column + 1;
}).map(e => [e.tagName === "TABLE" ? "table" : "code listing", e.scrollWidth, e.clientWidth,
             e.textContent.trim().replace(/\\s+/g, " ").slice(0, 60)])"""
# SVG figures as shown in the content column, with their displayed width: their text's size on the page is
# the SVG's own font size times the displayed width over the SVG's viewBox width.
FIGURES = """[...document.querySelectorAll('div.contents object[type="image/svg+xml"], div.contents img')]
  .map(e => [e.getAttribute("data") || e.getAttribute("src"), e.getBoundingClientRect().width])
  .filter(([src, width]) => src && src.endsWith(".svg") && width > 0)"""
SMALLEST_TEXT_PX = 9.5  # "about 10 px"; the page is rendered 1280 px wide


def smallest_text(svg, width):
    """The smallest font size of an SVG file (Graphviz's and gnuplot's) in CSS pixels when it is shown
    `width` pixels wide, or None for a file that is missing or has no text or viewBox."""
    if not svg.exists():
        return None
    text = svg.read_text(errors="replace")
    box = re.search(r'viewBox="\s*[-\d.]+[ ,]+[-\d.]+[ ,]+([\d.]+)', text)
    sizes = [float(size) for size in re.findall(r'font-size[=:]\s*"?([\d.]+)', text)]
    return min(sizes) * width / float(box.group(1)) if box and sizes else None


CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--hide-scrollbars", "--remote-debugging-pipe"]


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.targets, self.anchors = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("id", "name"):
            if attrs.get(key):
                self.anchors.add(attrs[key])
        for key in ("href", "src", "data"):
            if attrs.get(key):
                self.targets.append(attrs[key])


def parse(path, cache={}):
    if path not in cache:
        links = Links()
        links.feed(path.read_text(errors="replace"))
        cache[path] = links
    return cache[path]


def static_link_check(root):
    problems, checked = [], 0
    for page in sorted(root.rglob("*.html")):
        for target in parse(page).targets:
            url = urlparse(target)
            if url.scheme or target.startswith(("//", "javascript:", "mailto:")):
                continue
            checked += 1
            file = (page.parent / unquote(url.path)).resolve() if url.path else page
            if not file.exists():
                problems.append(f"{page.relative_to(root)}: broken link {target}")
            elif url.fragment and file.suffix == ".html" and url.fragment not in parse(file).anchors:
                problems.append(f"{page.relative_to(root)}: no anchor for {target}")
    return problems, checked


class Browser:
    """Chromium over the DevTools protocol on file descriptors 3 (commands) and 4 (replies)."""

    def __init__(self, executable):
        to_browser_r, self.to_browser = os.pipe()
        self.from_browser, from_browser_w = os.pipe()
        self.profile = tempfile.mkdtemp()

        def wire():  # in the child: move the two pipe ends to 3 and 4, whatever numbers they had
            commands, replies = os.dup(to_browser_r), os.dup(from_browser_w)
            os.dup2(commands, 3)
            os.dup2(replies, 4)

        self.process = subprocess.Popen([executable, *CHROMIUM_FLAGS, f"--user-data-dir={self.profile}",
                                         "--window-size=1280,2000", "about:blank"],
                                        pass_fds=(3, 4), preexec_fn=wire,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self.buffer, self.next_id, self.events = b"", 0, []

    def send(self, method, params=None, session=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        return self.wait(lambda m: m.get("id") == self.next_id)

    def wait(self, predicate, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            while b"\0" in self.buffer:
                raw, self.buffer = self.buffer.split(b"\0", 1)
                message = json.loads(raw)
                if "method" in message:
                    self.events.append(message)
                if predicate(message):
                    if "error" in message:
                        raise RuntimeError(f"DevTools: {message['error']}")
                    return message
            chunk = os.read(self.from_browser, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self.buffer += chunk
        raise TimeoutError("Chromium did not answer in time")

    def close(self):
        try:
            self.send("Browser.close")
        except (RuntimeError, OSError):
            pass
        self.process.wait(timeout=30)
        shutil.rmtree(self.profile, ignore_errors=True)


def render(browser, url, screenshot):
    target = browser.send("Target.createTarget", {"url": "about:blank"})["result"]["targetId"]
    session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["result"]["sessionId"]
    for domain in ("Page", "Runtime", "Log", "Network"):
        browser.send(f"{domain}.enable", session=session)
    browser.events.clear()
    browser.send("Page.navigate", {"url": url}, session=session)
    browser.wait(lambda m: m.get("method") == "Page.loadEventFired" and m.get("sessionId") == session)
    time.sleep(0.5)  # let scripts that run after load (the navigation tree) finish
    math = browser.send("Runtime.evaluate", {"expression": MATH_REPORT, "awaitPromise": True, "returnByValue": True},
                        session=session)["result"]["result"]["value"]
    too_wide = browser.send("Runtime.evaluate", {"expression": TOO_WIDE, "returnByValue": True},
                            session=session)["result"]["result"]["value"]
    figures = browser.send("Runtime.evaluate", {"expression": FIGURES, "returnByValue": True},
                           session=session)["result"]["result"]["value"]
    broken_images = browser.send("Runtime.evaluate", {
        "expression": "[...document.images].filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src)",
        "returnByValue": True}, session=session)["result"]["result"]["value"]
    shot = browser.send("Page.captureScreenshot", {"format": "png"}, session=session)["result"]["data"]
    screenshot.write_bytes(base64.b64decode(shot))
    problems = [f"image did not load: {src}" for src in broken_images]
    problems += [f"{kind} wider than its column ({wide} px in {room} px), clipped or scrolled: {text}..."
                 for kind, wide, room, text in too_wide]
    page_dir = Path(unquote(urlparse(url).path)).parent
    for src, width in figures:
        smallest = smallest_text(page_dir / unquote(src), width)
        if smallest is not None and smallest < SMALLEST_TEXT_PX:
            problems.append(f"figure {src}: its smallest text is {smallest:.1f} px at the page's width "
                            f"(shown {width:.0f} px wide), under {SMALLEST_TEXT_PX} px")
    if math["typeset"] < math["formulas"]:
        problems.append(f"only {math['typeset']} of {math['formulas']} formulas typeset by MathJax")
    problems += [f"TeX error in formula: {tex}" for tex in math["tex_errors"]]
    if math["processing_errors"]:
        problems.append(f"{math['processing_errors']} MathJax processing errors")
    for marked in sorted(set(m.group(0) for m in LITERAL_EMPHASIS.finditer(math["text"]))):
        problems.append(f"Markdown emphasis left as text: {' '.join(marked.split())[:80]}")
    for at in [m.start() for m in re.finditer("`", math["text"])][:3]:
        problems.append(f"a Markdown backtick left as text: ...{' '.join(math['text'][max(0, at - 40):at + 40].split())}...")
    for raw in sorted(set(m.group(0) for m in RAW_TEX.finditer(math["text"]))):
        at = math["text"].find(raw)
        problems.append(f"raw TeX left in the text: ...{' '.join(math['text'][max(0, at - 40):at + 40].split())}...")
    for event in browser.events:
        if event.get("sessionId") != session:
            continue
        method, params = event["method"], event.get("params", {})
        if method == "Runtime.exceptionThrown":
            problems.append(f"uncaught exception: {params['exceptionDetails'].get('text')} "
                            f"{params['exceptionDetails'].get('exception', {}).get('description', '')}")
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            problems.append("console error: " + " ".join(str(a.get("value", a.get("description")))
                                                         for a in params.get("args", [])))
        elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
            problems.append(f"console error: {params['entry']['text']} {params['entry'].get('url', '')}")
        elif method == "Network.loadingFailed" and not params.get("canceled"):
            problems.append(f"failed to load: {params.get('errorText')} (request {params.get('requestId')})")
    browser.send("Target.closeTarget", {"targetId": target})
    return problems, math["formulas"], math["text"]


def exercise_numbers(reference):
    """The numbers an "exercise 5", "exercises 21–23" or "exercises 1, 3 and 4" names."""
    numbers = []
    for part in re.split(r", | and | or ", reference):
        bounds = [int(n) for n in re.split(r"\s*[–-]\s*", part)]
        numbers += range(bounds[0], bounds[-1] + 1)
    return numbers


def exercise_check(root, texts):
    """Check 5: the exercises page numbers 1..N once each with anchors, and every page refers to those."""
    page = root / "tutorial_exercises.html"
    if not page.exists():
        return ["tutorial_exercises.html: missing"]
    problems = []
    html = page.read_text(errors="replace")
    headings = [int(n) for n in re.findall(r"<b>Exercise (\d+)\.</b>", html)]
    anchors = {int(a.removeprefix("exercise_")) for a in parse(page).anchors if re.fullmatch(r"exercise_\d+", a)}
    if headings != list(range(1, len(headings) + 1)):
        problems.append(f"tutorial_exercises.html: exercises numbered {headings}, not 1 to {len(headings)} once each")
    if set(headings) != anchors:
        problems.append(f"tutorial_exercises.html: exercises without an anchor exercise_N: "
                        f"{sorted(set(headings) ^ anchors)}")
    solutions = re.findall(r"<summary>Solution</summary>(.*?)</details>", html, re.S)
    hints = re.findall(r"<summary>Hint</summary>", html)
    if len(solutions) != len(headings) or len(hints) != len(headings):
        problems.append(f"tutorial_exercises.html: {len(headings)} exercises, {len(hints)} folded hints, "
                        f"{len(solutions)} folded solutions")
    if any('class="fragment"' not in solution for solution in solutions):
        problems.append("tutorial_exercises.html: a folded solution holds no code (Doxygen moved it out of <details>?)")
    for name, text in texts.items():
        for reference in EXERCISE_REFERENCE.finditer(text):
            missing = [n for n in exercise_numbers(reference.group(1)) if n not in anchors]
            if missing:
                problems.append(f"{name}: '{reference.group(0)}' names no exercise of tutorial_exercises.html")
    for html_page in sorted(root.glob("*.html")):
        for number, text in re.findall(r'<a class="el" href="tutorial_exercises\.html#exercise_(\d+)">([^<]*)</a>',
                                       html_page.read_text(errors="replace")):
            if re.search(r"\d+", text) and re.search(r"\d+", text).group(0) != number:
                problems.append(f"{html_page.name}: a link to exercise {number} reads '{text}'")
    return problems


def default_pages(root):
    """The index, every tutorial page, and every other page that holds a formula."""
    pages = ["index.html"] + sorted(p.name for p in root.glob("tutorial*.html"))
    math = re.compile(r"\\\(|\\\[")
    pages += sorted(p.name for p in root.glob("*.html") if p.name not in pages and math.search(p.read_text(errors="replace")))
    return pages


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    root = Path(sys.argv[1]).resolve()
    pages = sys.argv[2:] or default_pages(root)
    failures, checked = static_link_check(root)
    print(f"docs check: {checked} local links in {len(list(root.rglob('*.html')))} pages, "
          f"{len(failures)} broken")
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if not executable:
        sys.exit("docs check: Chromium not found (Debian package chromium; .ci/install --docs installs it)")
    shots = root.parent / "screenshots"
    shots.mkdir(exist_ok=True)
    browser = Browser(executable)
    texts = {}
    try:
        for page in pages:
            if not (root / page).exists():
                failures.append(f"{page}: missing")
                continue
            shot = shots / (Path(page).stem + ".png")
            problems, formulas, texts[page] = render(browser, (root / page).as_uri(), shot)
            print(f"docs check: {page}: {formulas} formulas, {'ok' if not problems else f'{len(problems)} problems'}")
            failures += [f"{page}: {p}" for p in problems]
    finally:
        browser.close()
    exercises = exercise_check(root, texts)
    print(f"docs check: exercises and references to them: {'ok' if not exercises else f'{len(exercises)} problems'}")
    failures += exercises
    for failure in failures:
        print("  " + failure)
    print(f"docs check: screenshots in {shots}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
