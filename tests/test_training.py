"""Training: scoring against the model answer (right, wrong, partial), the checks of trainee questions,
sessions and the summary by topic, and the coverage of the library."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest

from hague.engine import assess
from hague.intake import read_case
from hague.scenarios import LEVELS, TOPICS, Scenario, check_file, load_scenario, scenario_files
from hague.training import involved_states, training_problems
from hague.training_score import Answer, score
from hague.training_session import matching, pick, summarise

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ROOT / "scenarios"


def scenario(name: str) -> Scenario:
    return load_scenario(SCENARIOS / f"{name}.yaml")


def scored(name: str, answer: Answer, book):  # type: ignore[no-untyped-def]
    s = scenario(name)
    return score(s, assess(read_case(s.case, book), book), answer)


# --------------------------------------------------------------------------- jurisdiction


def test_jurisdiction_right_answer_scores_one(book):
    result = scored("tr-art7-abduction-three-months-ago", Answer(seats={"NO": "7"}), book)
    assert result.score == 1.0 and result.max == 1
    [item] = result.questions[0].items
    assert (item.subject, item.expected, item.given, item.verdict) == ("NO", "7", "7", "right")


def test_jurisdiction_right_state_wrong_article_is_half(book):
    result = scored("tr-art7-abduction-three-months-ago", Answer(seats={"NO": "5(1)"}), book)
    assert result.score == 0.5
    assert result.questions[0].items[0].verdict == "partial"


def test_jurisdiction_wrong_state_scores_zero_and_extra_state_costs_a_point(book):
    wrong = scored("tr-art7-abduction-three-months-ago", Answer(seats={"SE": "5(2)"}), book)
    assert wrong.score == 0.0
    assert [i.verdict for i in wrong.questions[0].items] == ["missed", "extra"]
    both = scored("tr-art7-abduction-three-months-ago", Answer(seats={"NO": "7", "SE": "11"}), book)
    assert both.score == 0.5  # one right of two points: the model's State and the extra one


def test_jurisdiction_two_states_partly_right(book):
    # Sweden BIIb 7(1) and Finland BIIb 15: one right, one with the Convention's Article instead
    result = scored("tr-lastensuojelu-urgent-placement-swedish-child", Answer(seats={"SE": "BIIb 7(1)", "FI": "11"}, law="FI"), book)
    jurisdiction, law = result.questions
    assert jurisdiction.score == 0.75 and law.score == 1.0
    assert result.score == 1.75 and result.max == 2


def test_no_state_may_act_answered_with_nothing_ticked_is_right(book):
    result = scored("tr-lastensuojelu-family-moved-to-norway-pending", Answer(seats={}, actions=frozenset()), book)
    jurisdiction = result.questions[0]
    assert jurisdiction.score == 1.0 and jurisdiction.items == ()


# --------------------------------------------------------------------------- co-operation


def test_cooperation_right_partial_missed(book):
    name = "tr-art33-barnevern-grandparents-in-germany"
    right = scored(name, Answer(seats={"NO": "5(1)"}, law="NO", actions=frozenset({("art33_placement_consultation", "DE")})), book)
    assert right.score == 3.0
    coop = right.questions[2]
    assert coop.items[0].mandatory is True and coop.items[0].verdict == "right"
    partial = scored(name, Answer(seats={"NO": "5(1)"}, law="NO", actions=frozenset({("art33_placement_consultation", "NO")})), book)
    assert partial.questions[2].score == 0.5 and partial.questions[2].items[0].given == "NO"
    missed = scored(name, Answer(seats={"NO": "5(1)"}, law="DE", actions=frozenset()), book)
    assert missed.questions[1].score == 0.0 and missed.questions[2].score == 0.0


def test_cooperation_extra_action_open_costs_nothing_but_one_not_open_costs_a_point(book):
    name = "tr-art33-barnevern-grandparents-in-germany"
    base = {("art33_placement_consultation", "DE")}
    open_extra = scored(name, Answer(actions=frozenset(base | {("art8_transfer_request", "DE")})), book).questions[2]
    assert open_extra.score == 1.0
    assert [i.verdict for i in open_extra.items] == ["right", "also_open"]
    wrong_extra = scored(name, Answer(actions=frozenset(base | {("art36_danger_notice", "DE")})), book).questions[2]
    assert wrong_extra.score == 0.5
    assert wrong_extra.items[-1].verdict == "extra"


# --------------------------------------------------------------------------- scope, law, recognition, measures, skip


def test_scope_and_measures_and_recognition(book):
    assert scored("tr-scope-barnevern-aftercare-young-adult", Answer(scope=False), book).score == 1.0
    assert scored("tr-scope-barnevern-aftercare-young-adult", Answer(scope=True), book).score == 0.0
    name = "tr-art10-divorce-withdrawn-custody-order-survives"
    result = scored(name, Answer(seats={"DK": "5(1)"}, measures={"0": "in_force"}, recognition={"0:DK": False}), book)
    jurisdiction, measures, recognition = result.questions
    assert (jurisdiction.score, measures.score, recognition.score) == (1.0, 1.0, 0.0)
    assert recognition.items[0].expected == "yes" and recognition.items[0].given == "no"
    answer = Answer(measures={"0": "lapsed", "1": "lapsed"}, seats={"RS": "5(1)"})
    lapsed = scored("tr-art11-serbian-child-urgent-placement-lapses", answer, book)
    assert lapsed.questions[0].score == 0.5  # one of the two measures right


def test_skipped_scores_zero_and_lists_the_model_answer(book):
    result = scored("tr-art33-barnevern-grandparents-in-germany", Answer(skipped=True, seats={"NO": "5(1)"}), book)
    assert result.score == 0.0 and result.max == 3
    assert all(i.verdict == "missed" and i.given is None for q in result.questions for i in q.items)
    assert result.questions[1].items[0].expected == "NO"


def test_answer_round_trips_through_json_and_drops_garbage():
    answer = Answer(scope=True, seats={"NO": "5(1)"}, law="NO", actions=frozenset({("art33_placement_consultation", "PL")}),
                    recognition={"0:SE": True}, measures={"0": "lapsed"})
    assert Answer.from_json(answer.to_json()) == answer
    junk = Answer.from_json({"scope": "yes", "seats": ["NO"], "actions": [["a"], "b", ["c", "d"]], "recognition": {"x": "no"},
                             "skipped": "true"})
    assert junk == Answer(actions=frozenset({("c", "d")}))


# --------------------------------------------------------------------------- training checks


def _with(name: str, **changes: object) -> Scenario:
    data = scenario(name).model_dump(by_alias=True, exclude_none=True)
    for key, value in changes.items():
        section, _sep, field = key.partition("__")
        if field:
            data[section][field] = value
        else:
            data[section] = value
    return Scenario.model_validate(data)


def test_training_problems_name_the_missing_model_answer(book):
    s = _with("tr-art33-barnevern-grandparents-in-germany", training={"questions": ["law", "pr_law", "recognition", "scope"]})
    s.expected.law_of_measures = None
    case = read_case(s.case, book)
    problems = training_problems(s, case)
    assert any("law question" in p and "expected.law_of_measures" in p for p in problems)
    assert any("pr_law question" in p and "expected.pr_law" in p for p in problems)
    assert any("recognition question" in p for p in problems)
    assert not any("scope question" in p for p in problems)  # scope_applies is given in this scenario


def test_training_problems_refuse_unchoosable_answers(book):
    s = scenario("tr-art7-abduction-three-months-ago")
    s.expected.competent[0].article = "5(3)"  # type: ignore[index]
    s.expected.competent.append(type(s.expected.competent[0])(state="DE", article="5(1)"))  # type: ignore[union-attr]
    problems = training_problems(s, read_case(s.case, book))
    assert any("'5(3)'" in p for p in problems)
    assert any("DE does not appear in the case" in p for p in problems)


def test_cooperation_question_needs_a_forum(book):
    s = scenario("tr-art33-barnevern-grandparents-in-germany")
    case_data = dict(s.case)
    del case_data["forum"]
    problems = training_problems(s, read_case(case_data, book))
    assert any("set case.forum" in p for p in problems)


def test_involved_states_in_reading_order(book):
    case = read_case(scenario("tr-art6-refugee-settled-uncle-in-sweden").case, book)
    assert involved_states(case) == ["NO", "ER", "SE"]


# --------------------------------------------------------------------------- sessions


def test_pick_filters_orders_by_level_and_never_repeats():
    pool = [s for s in (load_scenario(p) for p in scenario_files([SCENARIOS])) if s.training]
    ids = pick(pool, ["abduction"], [], 5, random.Random(7))
    assert len(ids) == len(set(ids)) == 5
    chosen = [next(s for s in pool if s.id == i) for i in ids]
    assert all("abduction" in s.topics for s in chosen)
    assert [LEVELS.index(s.level) for s in chosen] == sorted(LEVELS.index(s.level) for s in chosen)
    assert pick(pool, ["divorce_forum"], ["advanced"], 20, random.Random(1)) == sorted(
        pick(pool, ["divorce_forum"], ["advanced"], 20, random.Random(2)))  # fewer than asked: all of them
    assert matching(pool, ["scope"], ["basic"]) and not matching(pool, ["nothing"], [])


def test_summary_by_topic_and_level(book):
    a = scored("tr-art7-abduction-three-months-ago", Answer(seats={"NO": "7"}), book)  # abduction, basic: 1/1
    b = scored("tr-art7-return-request-withdrawn", Answer(seats={"NO": "7"}), book)  # abduction + transfer, advanced: 0/1
    c = scored("tr-art33-barnevern-grandparents-in-germany", Answer(skipped=True), book)  # 0/3
    summary = summarise([a, b, c])
    assert (summary.total.score, summary.total.max, summary.total.percent) == (1.0, 5, 20)
    topics = {t.name: (t.score, t.max, t.count) for t in summary.by_topic}
    assert topics["abduction"] == (1.0, 2, 2) and topics["transfer"] == (0.0, 1, 1)
    assert topics["placement_abroad"] == (0.0, 3, 1)
    assert [t.name for t in summary.by_topic] == [t for t in TOPICS if t in topics]
    assert {t.name: t.percent for t in summary.by_level} == {"basic": 25, "advanced": 0}


# --------------------------------------------------------------------------- the library


@pytest.fixture(scope="module")
def training_scenarios() -> list[Scenario]:
    return [s for s in (load_scenario(p) for p in scenario_files([SCENARIOS])) if s.training]


def test_library_has_forty_training_scenarios_covering_every_topic_at_every_level(training_scenarios):
    assert len(training_scenarios) >= 40
    cells = Counter((t, s.level) for s in training_scenarios for t in s.topics)
    empty = [(t, lv) for t in TOPICS for lv in LEVELS if not cells[(t, lv)]]
    assert not empty, f"no training scenario for {empty}"


def test_library_has_the_themes_the_issue_asks_for(training_scenarios):
    def count(*words: str) -> int:
        return sum(1 for s in training_scenarios if any(w in s.id for w in words))
    assert count("art7-") >= 5  # abduction timelines
    assert count("art33", "coop-33") >= 4  # placements abroad, with relatives
    assert count("art6-") >= 3  # refugee and displaced children
    assert count("art10-") >= 5  # divorce forum
    assert count("art11-", "urgent-measure-lapsed") >= 4  # urgent measures and their lapse
    assert count("barnevern", "lastensuojelu") >= 6  # the seeds' world


def test_every_training_question_is_answerable(training_scenarios, book):
    for s in training_scenarios:
        outcome = check_file(SCENARIOS / f"{s.id}.yaml", book)
        assert not outcome.file_problems, f"{s.id}: {outcome.file_problems}"


def test_a_notice_barred_by_art37_scores_for_not_sending_it(book):
    name = "s2-coop-37-danger-blocked-tunisia"
    held = scored(name, Answer(actions=frozenset()), book).questions[0]
    assert held.score == 1.0 and held.items[0].withhold and held.items[0].verdict == "right"
    sent = scored(name, Answer(actions=frozenset({("art36_danger_notice", "TN")})), book).questions[0]
    assert sent.score == 0.0 and sent.items[0].verdict == "barred"
