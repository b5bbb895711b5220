"""Reading portfolios: one file, JSON Lines, a folder, standard input (`sergur.cli.inputs`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from sergur.cli.inputs import Document, InputUnreadable, read_documents
from sergur.cli.tests.support import EXAMPLES, compact

Feed = Callable[[bytes], None]


def test_single_file_is_one_document_with_its_bytes(tmp_path):
    file = tmp_path / "one.json"
    file.write_bytes(b'{"a": 1}\n{"b": 2}\n')  # a .json file is one document, whatever it holds

    docs = list(read_documents(str(file)))

    assert docs == [Document(1, b'{"a": 1}\n{"b": 2}\n', str(file))]


def test_any_other_suffix_is_one_document(tmp_path):
    file = tmp_path / "portfolio.txt"
    file.write_bytes(b"{}")

    assert list(read_documents(str(file))) == [Document(1, b"{}", str(file))]


def test_jsonl_gives_one_document_per_non_blank_physical_line(tmp_path):
    file = tmp_path / "batch.jsonl"
    file.write_bytes(b'{"a": 1}\n\n   \nnot json\n\t\n{"b": 2}')

    docs = list(read_documents(str(file)))

    assert [(d.line, d.data.strip(), d.source) for d in docs] == [
        (1, b'{"a": 1}', str(file)),
        (4, b"not json", str(file)),
        (6, b'{"b": 2}', str(file)),
    ]


@pytest.mark.parametrize("content", [b"", b"\n", b"  \n\n\t\n"])
def test_blank_jsonl_is_one_empty_document(tmp_path, content):
    file = tmp_path / "blank.jsonl"
    file.write_bytes(content)

    [doc] = read_documents(str(file))

    assert doc.line == 1
    assert doc.data.strip() == b""


def test_jsonl_is_read_lazily(tmp_path):
    file = tmp_path / "batch.jsonl"
    file.write_bytes(b"{}\n" * 3)

    docs = read_documents(str(file))

    assert isinstance(docs, Iterator)
    assert next(docs).line == 1


def test_folder_yields_its_json_files_sorted_and_numbered(tmp_path):
    for name in ("b.json", "a.json", "c.json"):
        (tmp_path / name).write_text(name, encoding="utf-8")
    (tmp_path / "d.jsonl").write_text("{}\n", encoding="utf-8")
    (tmp_path / "e.txt").write_text("{}", encoding="utf-8")
    (tmp_path / "f.json.bak").write_text("{}", encoding="utf-8")
    (tmp_path / "sub.json").mkdir()
    (tmp_path / "sub.json" / "inner.json").write_text("{}", encoding="utf-8")

    docs = list(read_documents(str(tmp_path)))

    assert docs == [
        Document(1, b"a.json", str(tmp_path / "a.json")),
        Document(2, b"b.json", str(tmp_path / "b.json")),
        Document(3, b"c.json", str(tmp_path / "c.json")),
    ]


def test_examples_folder():
    docs = list(read_documents(str(EXAMPLES)))

    assert [d.source for d in docs] == [str(p) for p in sorted(EXAMPLES.glob("*.json"))]
    assert [d.line for d in docs] == list(range(1, len(docs) + 1))


def test_empty_folder_is_unreadable_before_any_document(tmp_path):
    with pytest.raises(InputUnreadable, match="no .json files"):
        read_documents(str(tmp_path))


def test_folder_without_json_is_unreadable(tmp_path):
    (tmp_path / "x.jsonl").write_text("{}\n", encoding="utf-8")

    with pytest.raises(InputUnreadable, match="no .json files"):
        read_documents(str(tmp_path))


@pytest.mark.parametrize("name", ["nowhere.json", "nowhere.jsonl", "nowhere"])
def test_missing_file_is_unreadable_before_any_document(tmp_path, name):
    missing = tmp_path / name

    with pytest.raises(InputUnreadable) as raised:
        read_documents(str(missing))

    assert str(raised.value) == f"{missing}: No such file or directory"


def test_stdin_pretty_printed_is_one_document(stdin: Feed):
    data = (EXAMPLES / "near-miss.json").read_bytes()
    stdin(data)

    assert list(read_documents("-")) == [Document(1, data, "<stdin>")]


def test_stdin_one_compact_line_is_one_document(stdin: Feed):
    data = (compact("near-miss.json") + "\n").encode()
    stdin(data)

    assert list(read_documents("-")) == [Document(1, data, "<stdin>")]


def test_stdin_json_lines_are_numbered_by_physical_line(stdin: Feed):
    stdin(b'\n{"a": 1}\n\n{"b": 2}\nnot json\n{"c": 3}\n')

    docs = list(read_documents("-"))

    assert [(d.line, d.data, d.source) for d in docs] == [
        (2, b'{"a": 1}', "<stdin>"),
        (4, b'{"b": 2}', "<stdin>"),
        (5, b"not json", "<stdin>"),
        (6, b'{"c": 3}', "<stdin>"),
    ]


def test_stdin_crlf_json_lines(stdin: Feed):
    stdin(b'{"a": 1}\r\n{"b": 2}\r\n')

    assert [(d.line, d.data) for d in read_documents("-")] == [(1, b'{"a": 1}'), (2, b'{"b": 2}')]


@pytest.mark.parametrize("data", [b"", b"\n\n", b"garbage", b"\xff\xfe"])
def test_stdin_that_is_not_json_lines_is_one_document(stdin: Feed, data):
    stdin(data)

    assert list(read_documents("-")) == [Document(1, data, "<stdin>")]
