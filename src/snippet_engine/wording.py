"""Every word the site's machinery adds to a page, in each language of the site.

The pages' own prose is written by hand in each edition (docs/, docs/ko/); the
words around what the snippets printed (the Output title, the warnings box,
the links under the code, the diagrams' descriptions, the 404 page, the footer)
come from here, so that a translated page has no English left in it but the
code and what the code printed.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Wording:
    language: str
    output: str
    warnings_one: str
    # Formatted with {count}.
    warnings_many: str
    # Formatted with {name}, the figure's file name.
    figure: str
    # Formatted with {variable} and {path}; Markdown.
    diagram_caption: str
    not_executed: str
    failed: str
    show_printed: str
    show_reflow: str
    # Formatted with {name}, the snippet's file name; Markdown.
    view_in_repository: str
    # Formatted with {first} and {last}, the file lines a partial listing shows.
    part_of_file: str
    download: str
    view_notebook: str
    download_notebook: str
    open_in_colab: str
    notebooks_section: str
    # The Notebooks section's first page (snippet_engine.notebook_index); Markdown.
    notebooks_overview: str
    all_notebooks: str  # that page's title in the nav
    tutorial_page: str
    # The diagrams' words, for readers who cannot see them.
    # Formatted with {inputs}, {layers} and {outputs}, each a count().
    diagram_title: str
    # Formatted with {names}.
    inputs_in_order: str
    no_inputs: str
    # Formatted with {layer}, {kind}, {shapes} and {role}.
    layer_sentence: str
    unknown_shape: str
    # Formatted with {names}.
    takes: str
    is_input: str
    # Formatted with {label} and {name}.
    output_is: str
    # Formatted with {index}: an output of a model whose outputs have no names, as
    # predict() lists them. A model with one output returns one array: no index (and a word
    # more, since a layer may well be named "output").
    output_label: str
    only_output_label: str
    shapes_joiner: str
    # The theme's pages that the site overrides (overrides/).
    page_not_found: str
    no_page_here: str
    start_from_home: str
    or_search: str
    loading_page: str
    # Formatted with {tensorflow}, {keras}, {python} and {date} (an HTML <time>).
    provenance: str
    not_run_provenance: str
    how_outputs_are_made: str
    # A page's notebook: its set-up cell's title and comments, and its first cell, formatted
    # with the {tensorflow} and {keras} versions that ran the snippets.
    notebook_setup_title: str
    notebook_setup_comment: str
    notebook_width_comment: str
    notebook_log_comment: str
    notebook_introduction: str
    # Under a snippet's label in a notebook, when it raises on purpose.
    notebook_raises: str
    # Counted things: "input", "layer", "output" -> (one, several), and how a count reads,
    # formatted with {number} and {noun}.
    nouns: dict[str, tuple[str, str]]
    counted: str
    # The title of the link beside each heading (Python-Markdown's toc permalink).
    permalink_title: str
    # The words of mkdocs.yml that the theme shows (the palette toggles), keyed by the English
    # words written there: a translated edition shows these instead.
    interface: dict[str, str]

    def count(self, number: int, noun: str) -> str:
        """ "2 layers" or "층 2개": `noun` is one of input, layer, output."""
        one, several = self.nouns[noun]
        return self.counted.format(number=number, noun=one if number == 1 else several)

    def warnings_title(self, count: int) -> str:
        return self.warnings_one if count == 1 else self.warnings_many.format(count=count)


ENGLISH = Wording(
    language="en",
    output="Output",
    warnings_one="Python warning raised by this run",
    warnings_many="Python {count} warnings raised by this run",
    figure="Figure {name} written by the snippet above",
    diagram_caption="*The model in `{variable}`, drawn when `{path}` ran for this page.*",
    not_executed="[not run: this site was built with SNIPPETS_EXECUTE=0, so no output was produced]",
    failed="This snippet failed: no output is shown until it is fixed",
    show_printed="Show the table as printed",
    show_reflow="Show the table with wrapped cells",
    view_in_repository="View `{name}` in the repository",
    part_of_file="Lines {first}–{last} of the file; the copy button copies the whole file, ready to run",
    download="Download",
    view_notebook="View as a notebook",
    download_notebook="Download notebook",
    open_in_colab="Open in Colab",
    notebooks_section="Notebooks",
    notebooks_overview=(
        "Every tutorial page of this site is also a Jupyter notebook: the page's snippets as code "
        "cells, in the page's order, with the outputs the site's build printed. The explanations "
        "stay on the tutorial pages. Read a notebook here, download it, or open it in Colab to run "
        "it again.\n\n"
        "- Colab runs its own TensorFlow and Keras, which can print other numbers.\n"
        "- A cell that raises an error on purpose says so above it: *Run all* may stop there.\n"
        "- Each notebook starts with a set-up cell, folded in Colab and Jupyter. Before every cell, "
        "yours included, it starts a fresh Keras session with the build's seed, so that layer names "
        "and numbers match the site's. So names restart and random numbers repeat in every cell: "
        "name your layers when you combine objects made in different cells, or turn the reset off "
        "with this line in a cell:\n\n"
        "    ```python\n"
        '    get_ipython().events.unregister("pre_run_cell", start_like_the_site_build)\n'
        "    ```\n\n"
        "    Op determinism, which the set-up cell turns on, stays on until you restart the notebook."
    ),
    all_notebooks="All notebooks",
    tutorial_page="Tutorial page",
    diagram_title="Diagram of a model with {inputs}, {layers} and {outputs}",
    inputs_in_order="Inputs, left to right: {names}.",
    no_inputs="The model has no inputs.",
    layer_sentence="{layer}, {kind}, output shape {shapes}, {role}.",
    unknown_shape="unknown",
    takes="takes {names}",
    is_input="is an input",
    output_is="The box {label} is the output of {name}.",
    output_label="output {index}",
    only_output_label="model output",
    shapes_joiner=" and ",
    page_not_found="Page not found",
    no_page_here="There is no page at this address. It may have moved when the site was reorganised.",
    start_from_home="Start from the home page, which lists the learning path.",
    or_search="Or search for what you were looking for: press <kbd>/</kbd> or use the search box above.",
    loading_page="Loading the page",
    provenance="Every output on this site was printed by its example, run with TensorFlow {tensorflow} and "
    "Keras {keras} on Python {python}; site built on {date} (the date of the commit it was built from).",
    not_run_provenance="This build did not run the examples (SNIPPETS_EXECUTE=0), so it names no versions.",
    how_outputs_are_made="How outputs are made",
    notebook_setup_title="Set-up: a fresh Keras session and the build's seed before every cell",
    notebook_setup_comment="# Before each cell: a new Keras session and the build's seed, so layer names and\n"
    "# numbers match the site's; warnings filters as they were at the start. Your own cells\n"
    "# too: to run them without it, first run\n"
    '# get_ipython().events.unregister("pre_run_cell", start_like_the_site_build)',
    notebook_width_comment="# Keras sizes summaries from COLUMNS; rich reads a notebook's width from JUPYTER_COLUMNS.",
    notebook_log_comment="# TensorFlow's own log (notes on retracing, for one) is left out, as on the site's pages.",
    notebook_introduction=(
        "The code of [the page of the same name]({page}), which explains it, with the outputs the "
        "site's build printed with TensorFlow {tensorflow} and Keras {keras}; other versions, Colab's "
        "for one, can print other numbers. A set-up cell comes first (folded in Colab and Jupyter, "
        "not shown on the site): before every cell, yours included, it starts a fresh Keras "
        "session with the build's seed, so layer names and numbers match the site's. To run code "
        "of your own without it, first run "
        '`get_ipython().events.unregister("pre_run_cell", start_like_the_site_build)`. Where a run '
        "printed how long it took, the outputs read `<time>`."
    ),
    notebook_raises="This cell raises an error on purpose: where *Run all* stops at it, "
    "run the cells after it one by one.",
    nouns={"input": ("input", "inputs"), "layer": ("layer", "layers"), "output": ("output", "outputs")},
    counted="{number} {noun}",
    permalink_title="Permanent link",
    interface={},
)

KOREAN = Wording(
    language="ko",
    # "출력" is also a model's output (다중 출력): what a program printed is its 실행 결과.
    output="실행 결과",
    warnings_one="이 실행에서 발생한 Python 경고",
    warnings_many="이 실행에서 발생한 Python 경고 {count}개",
    figure="위 예제 코드가 그린 그림 {name}",
    diagram_caption="*`{variable}`에 담긴 모델입니다. 이 페이지를 빌드하며 `{path}`를 실행했을 때 그렸습니다.*",
    not_executed="[실행하지 않음: 이 사이트는 SNIPPETS_EXECUTE=0으로 빌드되어 출력이 없습니다]",
    failed="이 예제 코드가 실패했습니다. 고칠 때까지 출력을 보여 주지 않습니다",
    show_printed="출력된 그대로 표 보기",
    show_reflow="칸을 줄바꿈한 표로 보기",
    view_in_repository="저장소에서 `{name}` 보기",
    part_of_file="파일의 {first}–{last}번 줄입니다. 복사 버튼은 바로 실행할 수 있는 파일 전체를 복사합니다",
    download="내려받기",
    view_notebook="노트북으로 보기",
    download_notebook="노트북 내려받기",
    open_in_colab="Colab에서 열기",
    notebooks_section="노트북",
    notebooks_overview=(
        "이 사이트의 튜토리얼 페이지는 모두 Jupyter 노트북으로도 있습니다. 페이지의 스니펫이 페이지의 "
        "순서대로 코드 셀이 되고, 사이트 빌드가 출력한 결과가 함께 실려 있습니다. 설명은 튜토리얼 "
        "페이지에 있습니다. 노트북은 여기서 읽거나, 내려받거나, Colab에서 열어 다시 실행할 수 "
        "있습니다.\n\n"
        "- Colab은 자체 버전의 TensorFlow와 Keras로 실행하므로 숫자가 다르게 나올 수 있습니다.\n"
        "- 일부러 오류를 내는 셀은 그 위에 그렇다고 적혀 있고, *모두 실행*은 거기서 멈출 수 있습니다.\n"
        "- 노트북마다 맨 앞에 준비 셀이 있습니다(Colab과 Jupyter에서는 접혀 있습니다). 이 셀은 여러분이 "
        "만든 셀까지 포함해 모든 셀을 실행하기 전에 Keras 세션을 새로 열고 빌드와 같은 시드를 정해서, "
        "층 이름과 숫자가 사이트와 같게 나오게 합니다. 그래서 셀마다 층 이름이 처음부터 다시 붙고 난수도 "
        "똑같이 되풀이됩니다. 여러 셀에서 만든 객체를 함께 쓸 때는 층에 이름을 붙이거나, 셀에서 다음 "
        "줄을 실행해 이 준비를 끄세요:\n\n"
        "    ```python\n"
        '    get_ipython().events.unregister("pre_run_cell", start_like_the_site_build)\n'
        "    ```\n\n"
        "    준비 셀이 켜는 연산 결정성(op determinism)은 커널을 다시 시작할 때까지 유지됩니다."
    ),
    all_notebooks="모든 노트북",
    tutorial_page="튜토리얼 페이지",
    diagram_title="{inputs}, {layers}, {outputs}인 모델의 다이어그램",
    inputs_in_order="입력(왼쪽부터): {names}.",
    no_inputs="이 모델에는 입력이 없습니다.",
    layer_sentence="{layer}: {kind}, 출력 형태 {shapes}, {role}.",
    unknown_shape="알 수 없음",
    takes="{names}의 출력을 받음",
    is_input="입력",
    output_is="{label} 상자는 {name}의 출력입니다.",
    output_label="출력 {index}",
    only_output_label="모델 출력",
    shapes_joiner=", ",
    page_not_found="페이지를 찾을 수 없습니다",
    no_page_here="이 주소에는 페이지가 없습니다. 사이트를 정리하면서 옮겨졌을 수 있습니다.",
    start_from_home="학습 순서가 정리된 첫 페이지에서 시작해 보세요.",
    or_search="또는 찾던 내용을 검색해 보세요. <kbd>/</kbd> 키를 누르거나 위의 검색 창을 쓰면 됩니다.",
    loading_page="페이지를 불러오는 중",
    provenance="이 사이트의 모든 출력은 각 예제를 Python {python}에서 TensorFlow {tensorflow}, Keras {keras}로 "
    "실행해 얻은 것입니다. 사이트는 {date}에 빌드했습니다(빌드한 커밋의 날짜).",
    not_run_provenance="이 빌드는 예제를 실행하지 않았으므로(SNIPPETS_EXECUTE=0) 버전을 밝히지 않습니다.",
    how_outputs_are_made="출력을 만드는 방법",
    notebook_setup_title="준비: 셀마다 실행 전에 새 Keras 세션과 빌드의 시드",
    notebook_setup_comment="# 셀마다 실행 전에 Keras 세션을 새로 열고 빌드와 같은 시드를 정합니다. 그래서 층 이름과\n"
    "# 숫자가 사이트와 같게 나옵니다. 경고 필터도 처음 상태로 되돌립니다. 여러분이 만든 셀에도\n"
    "# 적용됩니다. 이 준비 없이 실행하려면 먼저 다음을 실행하세요.\n"
    '# get_ipython().events.unregister("pre_run_cell", start_like_the_site_build)',
    notebook_width_comment="# Keras는 COLUMNS로 요약 표의 너비를 정하고,\n"
    "# rich는 노트북의 너비를 JUPYTER_COLUMNS에서 읽습니다.",
    notebook_log_comment="# TensorFlow 자체의 로그(이를테면 재추적 안내)는 사이트의 페이지처럼 싣지 않습니다.",
    notebook_introduction=(
        "[같은 이름의 페이지]({page})의 코드와, 사이트 빌드가 TensorFlow {tensorflow}, Keras {keras}로 "
        "실행해 얻은 출력입니다. 설명은 그 페이지에 있습니다. 다른 버전(이를테면 Colab의 버전)에서는 "
        "숫자가 다르게 나올 수 있습니다. 맨 앞의 준비 셀(Colab과 Jupyter에서는 접혀 있고 사이트에는 "
        "보이지 않습니다)은 여러분이 만든 셀까지 포함해 셀마다 실행 전에 Keras 세션을 새로 열고 빌드와 "
        "같은 시드를 정해서, 층 이름과 숫자가 사이트와 같게 나오게 합니다. 여러분의 코드를 이 준비 없이 "
        "실행하려면 먼저 "
        '`get_ipython().events.unregister("pre_run_cell", start_like_the_site_build)`를 실행하세요. '
        "실행에 걸린 시간이 출력된 자리에는 "
        "`<time>`이라고 적혀 있습니다."
    ),
    notebook_raises="이 셀은 일부러 오류를 냅니다. *모두 실행*이 여기서 멈추면 그다음 셀부터 하나씩 실행하세요.",
    nouns={"input": ("입력", "입력"), "layer": ("층", "층"), "output": ("출력", "출력")},
    counted="{noun} {number}개",
    permalink_title="이 부분으로 바로 가는 링크",
    interface={
        "Switch to light mode": "밝은 화면으로 바꾸기",
        "Switch to dark mode": "어두운 화면으로 바꾸기",
        "Follow the system setting": "시스템 설정 따르기",
    },
)

WORDINGS = {wording.language: wording for wording in (ENGLISH, KOREAN)}


def wording(language: str) -> Wording:
    """The words for pages in `language`; ValueError naming the languages there are words for."""
    try:
        return WORDINGS[language]
    except KeyError:
        raise ValueError(
            f"no words for the language {language!r}: add them to src/snippet_engine/wording.py "
            f"(there are words for {', '.join(sorted(WORDINGS))})"
        ) from None
