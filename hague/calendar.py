"""Date arithmetic the Convention needs: ages, anniversaries and one-year periods.

Two conventions, stated once here and in the output wherever they decide a result:
- Age: a person reaches an age on the anniversary of the birth date; someone born on
  29 February reaches it on 1 March in a common year (they have not yet completed the year
  on 28 February).
- Periods in years ("one year after" knowledge, Art. 7(1)(b)): the day of the event is not
  counted and the period ends at the end of the same date one year later (28 February when
  the start is 29 February), as in Regulation (EEC, Euratom) No 1182/71, Art. 3. A condition
  "at least one year after" is therefore met from the following day.
"""

from __future__ import annotations

import datetime as dt


def add_years(day: dt.date, years: int) -> dt.date:
    """The same calendar date `years` later; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February into a common year
        return day.replace(year=day.year + years, day=28)


def birthday(birth: dt.date, age: int) -> dt.date:
    """The day a person born on `birth` reaches `age` (1 March for a 29 February birth in a common year)."""
    try:
        return birth.replace(year=birth.year + age)
    except ValueError:
        return dt.date(birth.year + age, 3, 1)


def age_on(birth: dt.date, day: dt.date) -> int:
    """Completed years of age on `day` (negative before birth is not meaningful: raises)."""
    if day < birth:
        raise ValueError(f"{day} is before the birth date {birth}")
    age = day.year - birth.year
    return age if day >= birthday(birth, age) else age - 1


def is_child(birth: dt.date, day: dt.date) -> bool:
    """Art. 2: from birth until the day before the 18th birthday."""
    return birth <= day < birthday(birth, 18)


def period_end(start: dt.date, years: int = 1) -> dt.date:
    """Last day of a period of `years` running from the event on `start` (event day not counted)."""
    return add_years(start, years)


def year_elapsed_from(start: dt.date) -> dt.date:
    """First day on which a full year after `start` has run (the day after the period ends)."""
    return period_end(start) + dt.timedelta(days=1)


def months_later(day: dt.date, months: int) -> dt.date:
    """The same date `months` later, clipped to the month's last day (three months of BIIb 8(1))."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")
