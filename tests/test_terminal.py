from snippet_engine.terminal import as_terminal_shows, mark_volatile, without_machine_paths


def test_carriage_returns_leave_the_last_state_of_a_progress_line():
    assert as_terminal_shows("1/3 [=  ]\r2/3 [== ]\r3/3 [===] done\n") == "3/3 [===] done\n"


def test_shorter_rewrite_keeps_the_tail_of_the_longer_line_like_a_terminal():
    assert as_terminal_shows("abcdef\rXY") == "XYcdef"


def test_ansi_colour_codes_are_dropped():
    assert as_terminal_shows("\x1b[1mbold\x1b[0m plain") == "bold plain"


def test_keras_timings_are_replaced_by_a_visible_marker():
    line = "4/4 ━━━━━━━━━━━━━━━━━━━━ 0s 12ms/step - loss: 0.5123"
    assert mark_volatile(line) == "4/4 ━━━━━━━━━━━━━━━━━━━━ <time>/step - loss: 0.5123"
    assert mark_volatile("4/4 - 0s - 3ms/step - loss: 0.5") == "4/4 - <time> - <time>/step - loss: 0.5"


def test_numbers_that_are_not_timings_are_kept():
    assert mark_volatile("Total params: 70 (280.00 B) loss: 0.5s") == "Total params: 70 (280.00 B) loss: 0.5s"


def test_machine_paths_give_way_to_names_a_reader_can_place():
    text = "/home/me/repo/snippets/a.py:3 and /venv/site-packages/keras/x.py"
    prefixes = {"/home/me/repo/": "", "/venv/site-packages/": ""}
    assert without_machine_paths(text, prefixes) == "snippets/a.py:3 and keras/x.py"
