"""The name lists behind PERSON_NAME: folding, given names and surnames of many countries,
English words, and the name shapes found with them."""

from __future__ import annotations

import pytest

from inkout import names
from inkout.recognizers import name_cell, name_spans


def found(text: str) -> list[str]:
    return [text[start:end] for start, end in name_spans(text)]


def test_folding_drops_case_accents_and_letters_without_a_decomposition() -> None:
    assert names.fold("Wójcik") == "wojcik"
    assert names.fold("ŁUKASZ") == "lukasz"
    assert names.fold("Đức") == "duc"
    assert names.fold("O\u2019Brien") == "o'brien"


def test_given_names_and_surnames_come_from_many_countries() -> None:
    lex = names.lexicon()
    for given in ("Siobhan", "Chiamaka", "Katarzyna", "Hiroshi", "Lucía", "Emily"):
        assert names.fold(given) in lex.given, given
    for surname in ("Byrne", "Adeyemi", "Krawczyk", "Nakamura", "Nguyen", "Johnson"):
        assert names.fold(surname) in lex.surnames, surname


def test_english_words_include_plurals_but_not_given_names() -> None:
    lex = names.lexicon()
    assert lex.is_english("Ledger") and lex.is_english("tickets")
    assert not lex.is_english("Siobhan")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Signed by Aoife Byrne on Monday", "Aoife Byrne"),
        ("PATIENT TUNDE EZE", "TUNDE EZE"),
        ("Holder: KELLY, SIOBHAN", "KELLY, SIOBHAN"),
        ("Johnson, Emily (primary)", "Johnson, Emily"),
        ("PATIENT EZE, TUNDE", "EZE, TUNDE"),
        ("22 September 2022\nTRAN, HOA\n9947 Maple Avenue", "TRAN, HOA"),  # HOA is unlisted
        ("Dang, Trang\nLakeside Imaging Center", "Dang, Trang"),  # so is Trang: alone on its line
        ("21 November 2022\nKimura, Ren\n348 High Street", "Kimura, Ren"),  # Ren: a surname too
        ("Acc: 51861122\nNgo, Mai\nBorn", "Ngo, Mai"),  # alone, an unlisted surname
        ("Application\nDo, Quang\n312.522.0667", "Do, Quang"),  # a short surname that is a word
        # alone, neither part listed nor a word, written alike
        ("VORPELT, QUENTAVO\nBorn 03/21/2005", "VORPELT, QUENTAVO"),
        ("Zorbix, Frobnix\nMRN 1234567", "Zorbix, Frobnix"),
        ("Navarro, Pab \u00b0\nDOB", "Navarro, Pab"),  # a mark after it
        ("Ref: Dr. Aditya Jos\nkVp 79", "Aditya Jos"),  # after a title, cut short at an edge
        ("Ref: Dr. Tyle\nkVp 116", "Tyle"),
        ("Ref: Dr. Brandon \u2018| Clark\nkVp 116", "Brandon \u2018| Clark"),  # marks between
        ("Ref: Dr. Aditya \u201cSingh\nkVp 122", "Aditya \u201cSingh"),
        ("Ref: Dr. Trang Do\nkVp 67", "Trang Do"),  # a short surname that is a word
        ("Tech: Maximilian $chulz\nkVp 109", "Maximilian $chulz"),  # S read as a dollar sign
        ("TRANG DO\nDOB: 06/25/1994", "TRANG DO"),
        ("sRahul Menon\nST. MARY HOSPITAL", "Rahul Menon"),  # the edge read as a letter
        ("Ref:Dre\nMaximilian |Fischer\nkVp 122", "Maximilian |Fischer"),  # a speck as a bar
        ("Referred by:\nEmi \u201cKobayashi Sine ES\nReference:", "Emi \u201cKobayashi"),  # a quote
        ("Tech: Bao |Ngo\nRef: Dr. Yetunde Obi", "Bao |Ngo"),
        ("Orders\nPawel} Zielinski\nz+**@example.com", "Pawel} Zielinski"),  # a stroke of "ł"
        ("AMIRA AZIZ\nDOB: 06/25/1994", "AMIRA AZIZ"),  # alone, both listed as given names
        ("kVp 119\nTRANG NGO\nDate of birth:", "TRANG NGO"),  # alone in capitals, unlisted
        ("BAO VU\nMRN 4951312", "BAO VU"),
        ("14:11\nTrang Do\nthanks!", "Trang Do"),  # a chat's contact, alone, in title case
        ("Quentavo Vorpelt\nonline", "Quentavo Vorpelt"),
        ("sabel Torres\nDate of birth:", "sabel Torres"),  # its capital cut at the edge
        ("wa Lewandowski\nDate of birth:", "wa Lewandowski"),
        ("Pending\nsalma Hamdan\nAdaeze Okonkwo", "salma Hamdan"),  # a given name, a rare word
        ("Pending\nTakeshi tto\n@example.com", "Takeshi tto"),  # "I" read as "t"
        ("Next\nPau! Meyer\nAdministrator", "Pau! Meyer"),  # "l" read as "!"
        ("Re: Claim\nSOF{A NAVARRO\n12 Main", "SOF{A NAVARRO"),  # "Í" read as a brace
        ("Ren Takahashi\nHaruto to\nRen Kobayashi", "Haruto to"),  # unlisted, "I" of Ito lost
        ("ikechukwu Zorbix\nMRN 4951312", "ikechukwu Zorbix"),  # neither listed nor a word
        ("We spoke with SALMA AZIZ on the phone", "SALMA AZIZ"),  # capitals in a sentence
        ("Dr Baker, John", "Baker, John"),
        ("handled by Ogunleye, Folasade from our office", "Ogunleye, Folasade"),  # unlisted
        ("handled by Nair, Vikram from our office", "Nair, Vikram"),  # "Nair" a given name too
        ("handled by Joshi, Vikram from our office", "Joshi, Vikram"),  # "joshi" a word too
        ("handled by DO, QUANG from our office", "DO, QUANG"),  # a short surname, a word too
        ("We spoke with DO, ANH on the phone", "DO, ANH"),  # ... before a short given name
        # a given name the lists know as a surname only, after "by"
        ("handled by KOBAYASHI, REN from our regional", "KOBAYASHI, REN"),
        ("We spoke with Hamdan, Hassan on the phone", "Hamdan, Hassan"),  # an unlisted surname
        ("Assigned to Oluwaseun Balogun today", "Oluwaseun Balogun"),  # unlisted given name
        ("cc: Priya lyer", "Priya lyer"),  # OCR's l for a capital I
        ("sakura Nakamura", "sakura Nakamura"),  # a capital S read as its lower case
        ("Quang vu\nAdministrator", "Quang vu"),  # ... a capital V, of a two-letter surname
        ("Name: LUCIAMORENO", "LUCIAMORENO"),  # the space between them lost
        ("Signed LuciaMoreno", "LuciaMoreno"),
        ("Customer\nYuilto\nActive", "Yuilto"),  # and the "I" of "Ito" read as "l"
        ("did you get it?\n12:13\nAnhVu\nok", "AnhVu"),  # a two-letter surname glued on
        ("Reviewed by Katarzyna M. Nowak", "Katarzyna M. Nowak"),
        ("Owner\nRen Ito\nActive", "Ren Ito"),  # "Ren" is listed as a surname only
        ("Patient: Quang Do", "Quang Do"),  # a short surname that is also a word
        # alone on its line, an unlisted given name before a surname that is also a word
        ("Ikechukwu Obi\nSupport agent", "Ikechukwu Obi"),
        # ... or as the subject a line's sentence starts with
        ("15:27\nIkechukwu Obi will pick you up at 8", "Ikechukwu Obi"),
    ],
)
def test_a_given_name_and_a_surname_in_either_order_are_a_name(text: str, name: str) -> None:
    assert name in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Employee Information Sheet",
        "Open tickets this month",
        "Madison, WI 53703",
        "8370 Harbor Way, Denver, CO 80202",  # a street's last word and a city
        "MADISON, WISCONSIN 53703",
        "Seen by Tran, Hoa and me",  # an unlisted given name: only in capitals, or alone
        "Washington, Oregon",  # alone on its line, but a place
        "So, Maria",  # alone on its line, but a function word before a given name
        "Go, Amazon",  # a short word before a word no list has as a given name
        "Jackson, Wyoming",
        "NEW YORK, NY",  # a city and its state
        "ACME, INC",
        "Brixu, VORPELT",  # written unlike each other, neither listed
        "Lane, Springf:",  # a label after the comma
        "Due Date: Last Login",
        "aoife byrne",  # neither word capitalised: no name shape
        "The changes will apply to Add customer",  # lower-case words stay words
        "Add custome",  # a word OCR cut short is no surname
        "CUSTOMER DETAILS UPDATE",
        "NORTHWIND TRADERS",
        "Aoife\nByrne",  # a name does not run across lines or table cells
        "Maria is on call",  # a given name before a short function word
        "Helpdesk Pro",
        "Zendesk Pro",  # a product: a short word that is no name after it
        "Log In",
        "Trang Do will call",  # not alone on its line
        "Ask Obi about it",  # not alone on its line, the word stays a word
        "Dr. Visit Summary",  # English words after a title
        "CHEST PA",  # alone in capitals: a word, then a short one
        "Costs $100 and $more",
        "Buy an iPhone Case",  # a small letter before a capital inside a line
        "Please READ THE manual",  # shouted words in a sentence
        "Call the IT HELPDESK now",
        "AP SUPINE",  # alone in capitals, but words
        "SKU QTY",  # no vowel
        "IT OK",
        "via Amazon",  # a small word that is a word, before a word no list has
        "sent Monday",
        "will Review",  # a listed given name that is a word, then a word
        "tan Lines",  # "t" for "I" only in a word that is no English word
        "Maria so we",  # two letters in their capital's shape, but words
        "Wow! Great news",  # "!" for "l" only where that makes a given name
        "Please ask Haruto to",  # not alone on its line
        "covered by Section, Maria",  # after "by", a word before a given name is short only
        "we drove by Texas, Maria",  # or a place
        "handled by IT, MAI from",  # acronyms and function words are no surnames
    ],
)
def test_labels_places_and_lower_case_words_are_not_names(text: str) -> None:
    assert found(text) == []


def test_a_short_word_after_a_title_and_a_name_is_no_surname_when_a_function_word() -> None:
    assert found("Ask Dr. Trang Is it") == ["Trang"]
    assert found("Dr. Smith Go") == ["Smith"]  # and a given name that is a word takes none


@pytest.mark.parametrize(
    "cell",
    [
        "Vikram Singh",
        "Pawet Kamiriska",
        "Quang vu",
        "Katarzyna M. Nowak",
        "SCHULZ, JAN",
        "TrangNgo",
        "Emilto",  # "Emi Ito", the space lost and the "I" read as "l"
    ],
)
def test_a_cell_under_a_name_column_is_a_name_though_the_lists_lack_it(cell: str) -> None:
    assert name_cell(cell)


@pytest.mark.parametrize(
    "cell",
    [
        *("Open tickets", "Active", "Total Customers", "j.smith@example.com", "Showing 1 to 4"),
        *("Billing", "Settings"),  # words with a small "l" or none
    ],
)
def test_words_and_figures_under_a_name_column_are_no_name(cell: str) -> None:
    assert not name_cell(cell)
