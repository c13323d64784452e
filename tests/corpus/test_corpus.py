import shutil
from pathlib import Path

import pytest
from helpers import SEEDS, write_corpus

from geo.cli import main
from geo.corpus import open_corpus, parse_publication
from geo.errors import InputError


def test_seeds_load():
    corpus = open_corpus(SEEDS)
    assert len(corpus) == 5
    assert {d.published.precision for d in corpus} == {"day", "month"}


def test_month_only_date():
    p = parse_publication("2024-02")
    assert (p.precision, str(p.last_possible_day)) == ("month", "2024-02-29")


@pytest.mark.parametrize("value, last", [("2024-02", "2024-02-29"), ("2023-12", "2023-12-31"), ("9999-12", "9999-12-31"),
                                         ("0001-01", "0001-01-31"), ("9999", "9999-12-31")])
def test_the_last_possible_day_of_any_month(value, last):
    assert str(parse_publication(value).last_possible_day) == last


def test_year_only_date():
    p = parse_publication("2016")
    assert (p.precision, str(p), str(p.date), str(p.last_possible_day)) == ("year", "2016", "2016-01-01", "2016-12-31")


@pytest.mark.parametrize("value", ["2024-13", "2024-02-30", "16/11/2023", "20233", "2023-1", ""])
def test_invalid_dates_are_rejected(value):
    with pytest.raises(ValueError):
        parse_publication(value)


def _error(tmp_path, rows, files) -> str:
    with pytest.raises(InputError) as info:
        open_corpus(write_corpus(tmp_path, rows=rows, files=files))
    return str(info.value)


def test_missing_file_names_manifest_line(tmp_path):
    message = _error(tmp_path, ["a,a.txt,T,P,,2024-01-01,http://x", "b,b.txt,T,P,,2024-01-01,http://x"],
                     {"a.txt": b"text"})
    assert "documents.csv:3" in message and "b.txt" in message


def test_text_without_manifest_row(tmp_path):
    message = _error(tmp_path, ["a,a.txt,T,P,,2024-01-01,http://x"], {"a.txt": b"x", "stray.txt": b"y"})
    assert "stray.txt" in message and "no row" in message


def test_invalid_date_names_line(tmp_path):
    message = _error(tmp_path, ["a,a.txt,T,P,,2024-31-01,http://x"], {"a.txt": b"x"})
    assert "documents.csv:2" in message and "2024-31-01" in message


def test_duplicate_ids(tmp_path):
    message = _error(tmp_path, ["a,a.txt,T,P,,2024-01-01,http://x", "a,b.txt,T,P,,2024-01-01,http://x"],
                     {"a.txt": b"x", "b.txt": b"y"})
    assert "documents.csv:3" in message and "duplicate id" in message


def test_missing_field(tmp_path):
    message = _error(tmp_path, ["a,a.txt,,P,,2024-01-01,http://x"], {"a.txt": b"x"})
    assert "documents.csv:2" in message and "title" in message


def test_non_utf8_document_names_file_and_line(tmp_path):
    corpus = open_corpus(write_corpus(tmp_path, rows=["a,a.txt,T,P,,2024-01-01,http://x"],
                                      files={"a.txt": "line one\nline two caf\xe9\n".encode("latin-1")}))
    with pytest.raises(InputError) as info:
        corpus.read(next(iter(corpus)))
    assert "a.txt:2" in str(info.value) and "UTF-8" in str(info.value)


def test_invalid_corpus_writes_nothing(tmp_path, capsys):
    corpus = write_corpus(tmp_path / "c", rows=[], files={})
    shutil.copy(SEEDS / "documents.csv", corpus / "documents.csv")  # rows whose files are missing
    out = tmp_path / "out.jsonl"
    assert main(["mentions", "--corpus", str(corpus), "--out", str(out)]) == 2
    assert not out.exists()
    assert "documents.csv:2" in capsys.readouterr().err


def test_unreadable_document_midway_leaves_no_output(tmp_path):
    corpus = write_corpus(tmp_path / "c",
                          rows=["a,a.txt,T,P,,2024-01-01,http://x", "b,b.txt,T,P,,2024-01-01,http://x"],
                          files={"a.txt": b"Drones struck Baghdad.", "b.txt": b"\xff\xfe bad"})
    out = tmp_path / "out.jsonl"
    assert main(["mentions", "--corpus", str(corpus), "--out", str(out)]) == 2
    assert not out.exists() and not list(tmp_path.glob(".out.jsonl*"))


def test_duplicate_id_and_file_name_their_first_line(tmp_path):
    message = _error(tmp_path, ["a,a.txt,T,P,,2024-01-01,http://x", "a,b.txt,T,P,,2024-01-01,http://x",
                                "c,a.txt,T,P,,2024-01-01,http://x"], {"a.txt": b"x", "b.txt": b"y"})
    assert "documents.csv:3: duplicate id 'a' (first on line 2)" in message
    assert "documents.csv:4: file 'a.txt' listed twice (first on line 2)" in message


def test_documents_come_in_id_order_from_an_index_on_disk(tmp_path):
    rows = [f"{i},{i}.txt,Title {i},P,,2024-01-0{n},http://x/{i}" for n, i in enumerate(["c", "a", "b"], 1)]
    corpus = open_corpus(write_corpus(tmp_path, rows=rows, files={f"{i}.txt": i.encode() for i in "abc"}))
    assert [d.id for d in corpus] == ["a", "b", "c"] and len(corpus) == 3
    assert corpus.by_id()["c"].title == "Title c" and str(corpus.by_id()["c"].published) == "2024-01-01"
    assert "z" not in corpus.by_id() and corpus.get("z") is None
    assert corpus.read(corpus.by_id()["b"]) == "b"


def test_a_pickled_corpus_reads_the_same_documents(tmp_path):
    import pickle

    rows = [f"{i},{i}.txt,T,P,,2024-01-01,http://x/{i}" for i in "ba"]
    corpus = open_corpus(write_corpus(tmp_path, rows=rows, files={"a.txt": b"1", "b.txt": b"2"}))
    copy = pickle.loads(pickle.dumps(corpus))
    assert list(copy) == list(corpus) and copy.get("b") == corpus.get("b")


def test_the_index_goes_with_the_corpus(tmp_path):
    import gc

    corpus = open_corpus(write_corpus(tmp_path, rows=["a,a.txt,T,P,,2024-01-01,http://x"], files={"a.txt": b"x"}))
    folder = corpus.index.parent
    assert folder.is_dir() and list(corpus)
    del corpus
    gc.collect()
    assert not folder.exists()


def test_an_invalid_manifest_leaves_no_index(tmp_path):
    import tempfile

    before = set(Path(tempfile.gettempdir()).glob(".geo-spool-*"))
    _error(tmp_path, ["a,a.txt,T,P,,2024-31-01,http://x"], {"a.txt": b"x"})
    assert set(Path(tempfile.gettempdir()).glob(".geo-spool-*")) <= before


def test_lookups_remember_a_bounded_number_of_documents(tmp_path, monkeypatch):
    import geo.corpus.manifest

    monkeypatch.setattr(geo.corpus.manifest, "DOCUMENTS_REMEMBERED", 2)
    rows = [f"{i},{i}.txt,Title {i},P,,2024-01-01,http://x/{i}" for i in "abc"]
    corpus = open_corpus(write_corpus(tmp_path, rows=rows, files={f"{i}.txt": b"x" for i in "abc"}))
    assert [corpus.get(i).title for i in "abcab"] == ["Title a", "Title b", "Title c", "Title a", "Title b"]
    assert corpus.get.cache_info().currsize == 2
