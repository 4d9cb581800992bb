"""Where a sentence splits into clauses, for the checks that are scoped to one clause.

"We never ask for your PIN, but please send the CVV" asks in its second clause, and "no
coupons now, but deals are coming" promises in its second: a negation or a warning only
speaks for its own clause. Safety, over-questioning and the promise check all split the
same way, so one pattern serves them. Hungarian "de" (but) always follows a comma, and
Spanish "de" means "of", so it is not a splitter of its own.
"""

from __future__ import annotations

from drafter.scoring.prefilter import Prefiltered

CLAUSE = Prefiltered(
    r"[,;:—–]|\b(?:but|however|though|viszont|azonban|aber|pero|sino)\b|(?<!\w)բայց(?!\w)"
)
