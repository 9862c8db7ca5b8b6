"""Mark spans of a text as nested HTML elements, every character of the text escaped.

Spans may nest (a mixed quote inside a claim) or cross (a gold item half over a prediction);
HTML elements can only nest, so where a span crosses another it is closed and reopened: it
becomes several fragments, of which only the first carries the ``id`` that links point to.
The work is linear in the text plus the number of spans times the depth of nesting.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import attrs
from markupsafe import Markup, escape

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["Mark", "highlight"]

Tag = Literal["mark", "span"]
_TAGS: dict[Tag, Markup] = {"mark": Markup("mark"), "span": Markup("span")}


@attrs.frozen(kw_only=True)
class Mark:
    """One span to mark: its element, classes, tooltip and link target."""

    start: int
    end: int
    tag: Tag = "mark"
    classes: tuple[str, ...] = ()
    title: str | None = None
    """Shown on hover (the ``title`` attribute)."""
    anchor: str | None = None
    """The ``id`` of the first fragment, for ``#anchor`` links."""

    def open_tag(self, *, first: bool) -> Markup:
        """The opening tag; only the ``first`` fragment gets the ``id``."""
        attributes = [Markup(' class="{}"').format(" ".join(self.classes))]
        if self.title is not None:
            attributes.append(Markup(' title="{}"').format(self.title))
        if first and self.anchor is not None:
            attributes.append(Markup(' id="{}"').format(self.anchor))
        return Markup("<{}{}>").format(_TAGS[self.tag], Markup("").join(attributes))

    def close_tag(self) -> Markup:
        """The closing tag."""
        return Markup("</{}>").format(_TAGS[self.tag])


def highlight(text: str, marks: Iterable[Mark]) -> Markup:
    """``text`` escaped, with each mark's span wrapped in its element.

    Empty spans and spans outside the text are left out. Of two marks starting together the
    longer one is the outer one; equal spans nest in the order given.
    """
    ordered = sorted(
        (m for m in marks if 0 <= m.start < m.end <= len(text)),
        key=lambda m: (m.start, -m.end),
    )
    boundaries = sorted({0, len(text)} | {m.start for m in ordered} | {m.end for m in ordered})
    out: list[Markup] = []
    stack: list[Mark] = []
    k = 0
    for position, following in zip(boundaries, [*boundaries[1:], len(text)], strict=True):
        _close_ending(stack, position, out)
        while k < len(ordered) and ordered[k].start == position:
            stack.append(ordered[k])
            out.append(ordered[k].open_tag(first=True))
            k += 1
        out.append(escape(text[position:following]))
    out.extend(m.close_tag() for m in reversed(stack))
    return Markup("").join(out)


def _close_ending(stack: list[Mark], position: int, out: list[Markup]) -> None:
    """Close the marks ending at ``position``; reopen the ones closed only to reach them."""
    ending = sum(1 for m in stack if m.end == position)
    reopen: list[Mark] = []
    while ending:
        mark = stack.pop()
        out.append(mark.close_tag())
        if mark.end == position:
            ending -= 1
        else:
            reopen.append(mark)
    for mark in reversed(reopen):
        stack.append(mark)
        out.append(mark.open_tag(first=False))
