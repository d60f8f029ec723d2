"""One stemmer and one stopword list for every reader of words (issue 8)."""

from hedgerow.lib.text import STOPWORDS, common_prefix, stem


def test_it_brings_a_word_family_to_one_stem():
    assert stem("promoted") == stem("promotion") == stem("Promotions")
    assert stem("designers") == stem("Designer")
    assert stem("Lumen's") == stem("lumen")


def test_it_keeps_words_that_only_look_like_ing_forms():
    assert stem("evening") == "evening"
    assert stem("even") != stem("evening")


def test_it_finds_the_written_part_a_stem_keeps():
    assert common_prefix("company") == "compan"
    assert "compan" in "Company".lower()


def test_it_lists_function_words_only():
    assert {"the", "and", "you", "would"} <= STOPWORDS
    assert "lisbon" not in STOPWORDS and "promotion" not in STOPWORDS
