import pytest

from hague.yamlio import YamlError, dumps, loads


@pytest.mark.parametrize("word", ["NO", "No", "no", "yes", "Yes", "on", "off", "Y", "n"])
def test_yaml_1_1_booleans_stay_strings(word):
    assert loads(f"forum: {word}") == {"forum": word}


def test_only_true_and_false_are_booleans():
    assert loads("a: true\nb: False") == {"a": True, "b": False}


def test_norway_as_a_list_item_and_a_key():
    assert loads("x: [NO, PL]\nNO: 1") == {"x": ["NO", "PL"], "NO": 1}


def test_dump_round_trip_keeps_norway():
    assert loads(dumps({"forum": "NO", "states": ["NO"]})) == {"forum": "NO", "states": ["NO"]}


def test_invalid_yaml_names_the_place():
    with pytest.raises(YamlError, match=r"line 2, column"):
        loads("a: 1\nb: [unclosed", "case.yaml")


def test_impossible_unquoted_date_is_a_clear_error():
    with pytest.raises(YamlError, match="cannot be read"):
        loads("birth_date: 2015-13-40", "case.yaml")


def test_impossible_dates_can_be_kept_as_text_for_the_case_model_to_name():
    import pytest

    from hague.yamlio import YamlError, loads, loads_keeping_bad_dates

    text = "forum: NO\nchild: {birth_date: 2015-13-40}\n"
    with pytest.raises(YamlError):
        loads(text)
    assert loads_keeping_bad_dates(text) == {"forum": "NO", "child": {"birth_date": "2015-13-40"}}
    with pytest.raises(YamlError):
        loads_keeping_bad_dates("child: [unclosed")
