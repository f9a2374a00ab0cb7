"""The Alt shortcuts (mnemonics, the underlined letter of "&Fall") a window offers, and where two
of them share a letter (used by test_ui_mnemonics.py).

Within one window the menu bar's titles, the buttons, tabs, group boxes and the labels that focus
a field (a buddy) answer Alt+letter: among these, visible and enabled, a letter must be unique.
Within one menu, its items' letters must be unique."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMenu, QMenuBar, QTabBar, QWidget


def mnemonic(text: str) -> str | None:
    """The letter after a single "&" ("&&" is a literal ampersand), lower case; None without one."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] == "&":
                i += 2
                continue
            return text[i + 1].lower()
        i += 1
    return None


def _shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.isEnabled()


def window_mnemonics(window: QWidget) -> list[tuple[str, str]]:
    """(letter, what) for every Alt shortcut the window answers now."""
    found: list[tuple[str, str]] = []

    def add(text: str, what: str) -> None:
        letter = mnemonic(text)
        if letter:
            found.append((letter, f"{what} „{text}“"))

    for bar in window.findChildren(QMenuBar):
        if _shown(bar):
            for action in bar.actions():
                if action.isVisible() and action.isEnabled():
                    add(action.text(), "Menü")
    for button in window.findChildren(QAbstractButton):
        if _shown(button) and not isinstance(button.parent(), QTabBar):
            add(button.text(), type(button).__name__)
    for label in window.findChildren(QLabel):
        if _shown(label) and label.buddy() is not None:
            add(label.text(), "QLabel")
    for box in window.findChildren(QGroupBox):
        if _shown(box):
            add(box.title(), "QGroupBox")
    for tabs in window.findChildren(QTabBar):
        if _shown(tabs):
            for i in range(tabs.count()):
                if tabs.isTabVisible(i) and tabs.isTabEnabled(i):
                    add(tabs.tabText(i), "Reiter")
    return found


def clashes(window: QWidget, where: str) -> list[str]:
    """Every letter shared by two Alt shortcuts of ``window``, and within each of its menus."""
    problems: list[str] = []
    by_letter: dict[str, list[str]] = defaultdict(list)
    for letter, what in window_mnemonics(window):
        by_letter[letter].append(what)
    problems += [f"{where}: Alt+{k.upper()}: " + ", ".join(v) for k, v in by_letter.items() if len(v) > 1]
    for bar in window.findChildren(QMenuBar):
        for action in bar.actions():
            if action.menu() is not None:
                problems += menu_clashes(action.menu(), f"{where} › {action.text()}")
    return problems


def menu_clashes(menu: QMenu, where: str) -> list[str]:
    """Letters shared by two items of ``menu`` (and of its submenus, each on its own)."""
    by_letter: dict[str, list[str]] = defaultdict(list)
    problems: list[str] = []
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        letter = mnemonic(action.text())
        if letter:
            by_letter[letter].append(f"„{action.text()}“")
        if action.menu() is not None:
            problems += menu_clashes(action.menu(), f"{where} › {action.text()}")
    problems += [f"{where}: Alt+{k.upper()}: " + ", ".join(v) for k, v in by_letter.items() if len(v) > 1]
    return problems
