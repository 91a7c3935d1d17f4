import datetime as dt

import pytest

from hague.calendar import add_years, age_on, birthday, is_child, months_later, period_end, year_elapsed_from

D = dt.date


def test_add_years_keeps_the_date():
    assert add_years(D(2025, 2, 1), 1) == D(2026, 2, 1)


def test_add_years_from_29_february_lands_on_28_february():
    assert add_years(D(2024, 2, 29), 1) == D(2025, 2, 28)
    assert add_years(D(2024, 2, 29), 4) == D(2028, 2, 29)


def test_birthday_of_29_february_child_in_common_year_is_1_march():
    assert birthday(D(2008, 2, 29), 18) == D(2026, 3, 1)
    assert birthday(D(2008, 2, 29), 16) == D(2024, 2, 29)


@pytest.mark.parametrize(("day", "age"), [(D(2026, 2, 28), 17), (D(2026, 3, 1), 18), (D(2025, 3, 1), 17)])
def test_age_of_29_february_child(day, age):
    assert age_on(D(2008, 2, 29), day) == age


def test_age_changes_on_the_birthday_not_before():
    assert age_on(D(2010, 6, 15), D(2028, 6, 14)) == 17
    assert age_on(D(2010, 6, 15), D(2028, 6, 15)) == 18


def test_age_before_birth_is_an_error():
    with pytest.raises(ValueError, match="before the birth"):
        age_on(D(2020, 1, 1), D(2019, 12, 31))


def test_is_child_until_the_day_before_the_18th_birthday():
    assert is_child(D(2008, 5, 1), D(2026, 4, 30))
    assert not is_child(D(2008, 5, 1), D(2026, 5, 1))
    assert is_child(D(2008, 5, 1), D(2008, 5, 1))
    assert not is_child(D(2008, 5, 1), D(2008, 4, 30))


def test_one_year_after_knowledge_runs_from_the_next_day():
    assert period_end(D(2025, 2, 1)) == D(2026, 2, 1)
    assert year_elapsed_from(D(2025, 2, 1)) == D(2026, 2, 2)


def test_one_year_after_29_february():
    assert period_end(D(2024, 2, 29)) == D(2025, 2, 28)
    assert year_elapsed_from(D(2024, 2, 29)) == D(2025, 3, 1)


def test_year_across_a_leap_day():
    assert year_elapsed_from(D(2027, 3, 1)) == D(2028, 3, 2)


@pytest.mark.parametrize(("start", "end"), [(D(2025, 1, 31), D(2025, 4, 30)), (D(2025, 11, 30), D(2026, 2, 28)),
                                            (D(2023, 11, 29), D(2024, 2, 29)), (D(2025, 5, 15), D(2025, 8, 15))])
def test_three_months_later_clips_to_month_end(start, end):
    assert months_later(start, 3) == end
