from notebook_pages import nav_position, under_title

NAV = [{"Home": "index.md"}, {"Guide": [{"First": "guide/first.md"}, {"Second": "guide/second.md"}]}, "about.md"]


def test_pages_are_ranked_in_nav_order_depth_first():
    assert [nav_position(NAV, page) for page in ("index.md", "guide/first.md", "guide/second.md", "about.md")] == [
        0,
        1,
        2,
        3,
    ]


def test_page_missing_from_the_nav_comes_last():
    assert nav_position(NAV, "elsewhere.md") == 4 and nav_position(None, "index.md") == 0


def test_links_go_right_under_the_title():
    assert under_title("# Title\n\nText.", "LINKS\n") == "# Title\n\nLINKS\n\nText."
    assert under_title("Text without a title.", "LINKS\n") == "LINKS\n\nText without a title."
