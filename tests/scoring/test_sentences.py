from drafter.scoring.sentences import is_question, split_segments, split_sentences


def test_splits_on_end_punctuation_and_newlines() -> None:
    text = "Sorry about the wait! Is it order 12? I'll check.\nThanks"
    assert split_sentences(text) == [
        "Sorry about the wait!",
        "Is it order 12?",
        "I'll check.",
        "Thanks",
    ]


def test_keeps_numbers_abbreviations_and_hungarian_ordinals_together() -> None:
    assert split_sentences("It takes 3.5 hours, e.g. by car. Done.") == [
        "It takes 3.5 hours, e.g. by car.",
        "Done.",
    ]
    assert split_sentences("A csomag május 5. után érkezik. Köszönöm!") == [
        "A csomag május 5. után érkezik.",
        "Köszönöm!",
    ]


def test_armenian_full_stop_splits_and_question_mark_marks_a_question() -> None:
    parts = split_sentences("Կհաստատե՞ք պատվերի համարը։ Կհետևեմ այս հարցին։")
    assert len(parts) == 2
    assert is_question(parts[0])
    assert not is_question(parts[1])


def test_bullets_are_separate_flagged_segments() -> None:
    segments = split_segments("Please send:\n- order number\n* email\n2) phone")
    assert [s.text for s in segments] == ["Please send:", "order number", "email", "phone"]
    assert [s.bullet for s in segments] == [False, True, True, True]


def test_empty_and_whitespace_give_no_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\t\n") == []


def test_armenian_email_abbreviation_does_not_end_a_sentence() -> None:
    assert split_sentences("Գրեք Ձեր էլ. «փոստը», խնդրում եմ։") == [
        "Գրեք Ձեր էլ. «փոստը», խնդրում եմ։"
    ]
