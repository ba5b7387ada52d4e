"""An Input that shows its value through the terminal gate (reader.base.text.for_terminal).

Why: Textual's Input paints its value as it is, so a bidi override pasted into the filter (or
typed into a tag or a path) would reverse the rest of the line, and a control sequence would
reach the terminal. The value itself is never changed: it is the user's data (a file name may
hold any character, a filter must match a title that holds one). Only what is painted goes
through the gate: a bidi override or isolate shows as ``⟨U+202E⟩``, control characters, bidi
marks and zero-width characters are not painted. The cursor, the selection and mouse clicks
are mapped between the value and what is shown. A value with nothing to gate is painted by
Textual itself.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.cells import cell_len
from rich.text import Text
from textual.strip import Strip
from textual.widgets import Input

from reader.base.text import for_terminal, for_terminal_with_map, needs_gate


class SafeInput(Input):
    """``Input`` whose value is painted through the terminal gate (see the module)."""

    _gated_for: str | None = None
    _gated: tuple[str, Callable[[int], int]] = ("", int)

    def _gate(self) -> tuple[str, Callable[[int], int]]:
        """What is painted for the value, and the map of value offsets to painted ones."""
        if self._gated_for != self.value:
            self._gated_for = self.value
            self._gated = for_terminal_with_map(self.value, one_line=True)
        return self._gated

    def _plain(self) -> bool:
        return self.password or not needs_gate(self.value, one_line=True)

    @property
    def _value(self) -> Text:
        if self._plain():
            return super()._value
        shown, _ = self._gate()
        text = Text(shown, no_wrap=True, overflow="ignore", end="")
        return self.highlighter(text) if self.highlighter is not None else text

    def _position_to_cell(self, position: int) -> int:
        if self._plain():
            return super()._position_to_cell(position)
        shown, to_shown = self._gate()
        return cell_len(shown[: to_shown(position)])

    def _cell_offset_to_index(self, offset: int) -> int:
        if self._plain():
            return super()._cell_offset_to_index(offset)
        scroll_x, _ = self.scroll_offset
        offset += scroll_x
        for index in range(len(self.value)):
            if self._position_to_cell(index + 1) > offset:
                return index
        return len(self.value)

    def render_line(self, y: int) -> Strip:
        if y != 0 or not self.value or self._plain():
            return super().render_line(y)
        # Textual's own drawing of a value (widgets/_input.py), with the cursor and the
        # selection mapped from value offsets to painted ones
        console = self.app.console
        max_content_width = self.scrollable_content_region.width
        _shown, to_shown = self._gate()
        result = self._value
        suggestion = self._suggestion
        show_suggestion = len(suggestion) > len(self.value) and self.has_focus
        if show_suggestion:
            tail = for_terminal(suggestion[len(self.value) :], one_line=True)
            result += Text(tail, self.get_component_rich_style("input--suggestion"), end="")
        if self.has_focus:
            if not self.selection.is_empty:
                start, end = sorted(self.selection)
                selection_style = self.get_component_rich_style("input--selection")
                result.stylize_before(selection_style, to_shown(start), to_shown(end))
            if self._cursor_visible:
                cursor_style = self.get_component_rich_style("input--cursor")
                cursor = to_shown(self.cursor_position)
                if not show_suggestion and self.cursor_at_end:
                    result.pad_right(1)
                result.stylize(cursor_style, cursor, cursor + 1)
        options = self.app.console_options.update_width(self.content_width)
        strip = Strip(list(console.render(result, options)))
        scroll_x, _ = self.scroll_offset
        strip = strip.crop(scroll_x, scroll_x + max_content_width + 1)
        strip = strip.extend_cell_length(max_content_width + 1)
        return strip.apply_style(self.rich_style)
