"""Headless Chromium for the browser tests: the system's chromium driven by playwright, with every request,
console message, page error and dialog of a visit recorded.

Locally a missing browser or playwright skips the tests; with CI set it fails them, saying how to install.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# quiet, offline Chromium: no sandbox (containers), no GPU, none of the browser's own background traffic
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
INSTALL_HINT = ("install them with: sudo apt-get install chromium && pip install -e '.[dev]' "
                "(playwright drives that chromium; never run `playwright install`); CHROMIUM=/path overrides")


def missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed"
    if not (Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)) and shutil.which(CHROMIUM) is None:
        return f"no Chromium at {CHROMIUM}"
    return None


@dataclass
class Visit:
    """What happened while one page was open."""

    page: Any  # playwright.sync_api.Page
    url: str
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def evaluate(self, script: str, arg: Any = None) -> Any:
        return self.page.evaluate(script, arg)

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path


class Browser:
    def __init__(self, browser: Any) -> None:
        self._browser = browser

    def visit(self, path: Path, *, width: int = 1024, height: int = 800, color_scheme: str = "light",
              media: str = "screen") -> Visit:
        """Open ``path`` in a fresh context; requests other than file:// are recorded and refused."""
        context = self._browser.new_context(viewport={"width": width, "height": height}, color_scheme=color_scheme,
                                            java_script_enabled=True)
        visit = Visit(page=None, url=path.resolve().as_uri())

        def route(route: Any) -> None:
            visit.requests.append(route.request.url)
            if route.request.url.startswith("file://"):
                route.continue_()
            else:
                route.abort()

        context.route("**/*", route)
        page = context.new_page()
        page.on("console", lambda message: visit.console_errors.append(message.text)
                if message.type == "error" else None)
        page.on("pageerror", lambda error: visit.page_errors.append(str(error)))
        page.on("dialog", lambda dialog: (visit.dialogs.append(dialog.message), dialog.dismiss()))
        page.emulate_media(media=media)
        page.goto(visit.url, wait_until="load")
        visit.page = page
        return visit

    def close_all(self) -> None:
        for context in self._browser.contexts:
            context.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    reason = missing()
    if reason:
        message = f"browser tests need Chromium and playwright: {reason}; {INSTALL_HINT}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        wrapper = Browser(launched)
        try:
            yield wrapper
        finally:
            wrapper.close_all()
            launched.close()
