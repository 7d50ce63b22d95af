"""The one place that calls dateparser, behind a cache.

dateparser is good at reading the words of a plain date ("Jan. 24",
"the 3rd of June", "Friday, June 2, 2017") and at picking a year when told to
prefer the past or the future. It is slow (about a millisecond a call, a tenth
of a second for the first) and it answers things it should not (it reads
"1990s" as 1990 seconds ago), so callers ask it only about words already
shaped like a date and check the parts it says it found.

>>> import datetime as dt
>>> read_date("jan. 24", dt.date(2017, 3, 15), "past")
(datetime.date(2017, 1, 24), ('day', 'month'))
"""

from __future__ import annotations

import datetime as dt
import functools

from dateparser.date import DateDataParser

PAST = "past"
FUTURE = "future"


@functools.lru_cache(maxsize=8192)
def read_date(words: str, base: dt.date, prefer: str) -> tuple[dt.date, tuple[str, ...]] | None:
    """The date dateparser reads in `words`, seen from `base`, and the parts it found.

    `prefer` is "past" or "future": which year to give a date without one.
    Parts are sorted names among "year", "month", "day", "time"; None when
    dateparser reads nothing.
    """
    settings = {
        "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": prefer,
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    data = DateDataParser(languages=["en"], settings=settings).get_date_data(words)
    if data.date_obj is None:
        return None
    return data.date_obj.date(), tuple(sorted(data.parts or ()))
