"""The Output block's HTML: the printed text given back exactly, an error's message marked."""

import html
import re

import pytest

from snippet_engine.fences import keeps_its_lines, output_html
from snippet_engine.wording import wording

RAISED = """\
printed first
Traceback (most recent call last):
  File "snippets/example.py", line 4, in <module>
    model.add(keras.Input(shape=(1,)))
    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  [1 frame inside installed packages]
ValueError: a message the page quotes, longer than a phone's line
  and a second line of it
"""

CHAINED = """\
Traceback (most recent call last):
  File "snippets/example.py", line 2, in <module>
    {}["key"]
KeyError: 'key'

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "snippets/example.py", line 4, in <module>
    raise ValueError("the last one")
ValueError: the last one
"""


def printed_text(block: str) -> str:
    return "".join(
        html.unescape(re.sub(r"<[^>]+>", "", code)) for code in re.findall(r"<code>(.*?)</code>", block, re.S)
    )


def marked(block: str) -> list[str]:
    return [
        html.unescape(text) for text in re.findall(r'<span class="snippet-error-message">(.*?)</span>', block, re.S)
    ]


def test_the_message_of_the_error_is_marked_and_the_text_given_back_exactly():
    block = output_html(RAISED, wording("en"))
    assert printed_text(block) == RAISED
    assert marked(block) == [
        "ValueError: a message the page quotes, longer than a phone's line\n  and a second line of it\n"
    ]


def test_only_the_last_error_of_a_chain_is_marked():
    block = output_html(CHAINED, wording("en"))
    assert printed_text(block) == CHAINED
    assert marked(block) == ["ValueError: the last one\n"]


def test_text_without_a_traceback_has_nothing_marked():
    text = "Traceback is a word; nothing was raised\n"
    assert marked(output_html(text, wording("en"))) == []


COLUMNS = """\
epoch  price_loss  category_loss
    1      7.0296         1.1755
    5      0.5760         0.7396
"""


@pytest.mark.parametrize(
    ("text", "keeps"),
    [
        # Values and logs wrap, a padded label too: the numbers compared stay on a phone's screen.
        ("first and last epoch: {'accuracy': [0.32, 0.987], 'loss': [1.069, 0.17]}\n", False),
        ("no weights:    {'price_loss': 0.1791}\nlist, 1 each:  {'price_loss': 0.1067}\n", False),
        ("kernel before: [[-1.2174  1.6528  1.407]]\nkernel after:  [[-1.2154  1.6508  1.405]]\n", False),
        # Columns on three lines in a row, and a traceback's frames, keep their lines.
        (COLUMNS, True),
        ("keys: ['loss']\n" + COLUMNS, True),
        (COLUMNS.replace("    1 ", "\n    1 "), False),  # never three rows in a row
        (RAISED, True),
    ],
)
def test_printed_text_keeps_its_lines_only_for_columns_and_tracebacks(text, keeps):
    assert keeps_its_lines(text) is keeps
    assert ('class="snippet-text wraps"' in output_html(text, wording("en"))) is not keeps
