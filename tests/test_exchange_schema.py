"""The case-file schema: what comes in is checked, every refusal is one German line naming the field."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_exchange_consent import row_counts

from kooperation_desktop.demo import create_demo
from kooperation_desktop.domain import case_schema, limits
from kooperation_desktop.exchange import (
    ExchangeError,
    case_to_dict,
    import_case,
    read_case_file,
)
from kooperation_desktop.services import Services

DOC = Path(__file__).resolve().parents[1] / "docs" / "case-json-format.md"


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Services, dict[str, Any]]]:
    services = Services.open(tmp_path_factory.mktemp("daten"))
    try:
        yield services, case_to_dict(services, create_demo(services).case_id)
    finally:
        services.close()


def refused(text: str | bytes, tmp_path: Path) -> str:
    path = tmp_path / "fall.json"
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    with pytest.raises(ExchangeError) as info:
        read_case_file(path)
    message = str(info.value)
    assert_clean(message)
    return message


ENGLISH = re.compile(r"Input should|validation error|Field required|Traceback|Error\b|codec|Recursion|Overflow|"
                     r"pydantic|errors\.pydantic|Value error|String should|type=", re.IGNORECASE)
FIELD_PATH = re.compile(r"^(case((\.[a-z_]+)|(\[\d+\]))*|[a-z_]+|Datei): ")
FILE_LEVEL = ("Die Datei", "Die Fall-Datei", "Der Fall kann nicht übernommen werden", "Version ")


def assert_clean(message: str) -> None:
    """One German line: a field path or a reason about the whole file; nothing technical."""
    assert "\n" not in message and "\r" not in message, message
    assert not ENGLISH.search(message), message
    message.encode("utf-8")  # no lone surrogate echoed back
    assert all(ch.isprintable() for ch in message), message
    assert FIELD_PATH.match(message) or message.startswith(FILE_LEVEL), message


def dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False)


# --- what the issue found --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d.update(version=True), "version: "),
        (lambda d: d.update(version=1.0), "version: "),
        (lambda d: d["case"]["persons"][0].update(birth_date="2026-W48-4"),
         "case.persons[0].birth_date: „2026-W48-4“ ist kein gültiges Datum: Datum bitte als JJJJ-MM-TT"),
        (lambda d: d["case"]["agreements"][0].update(start_date="2026-11-26T10:00:00"),
         "case.agreements[0].start_date: "),
        (lambda d: d["case"]["persons"][2].update(birth_date="9999-12-31"),
         "case.persons[2].birth_date: Das Datum 31.12.9999 liegt in der Zukunft"),
        (lambda d: d["case"]["persons"][0].update(birth_date="1899-12-31"), "case.persons[0].birth_date: "),
        (lambda d: d["case"]["consents"][0].update(given_on=(dt.date.today() + dt.timedelta(days=1)).isoformat()),
         "case.consents[0].given_on: "),
        (lambda d: d["case"]["persons"][1].update(last_name="Wró\x00bel"), "case.persons[1].last_name: "),
        (lambda d: d["case"]["agreements"][0]["roles"][0].update(description="Rolle\x00"),
         "case.agreements[0].roles[0].description: "),
        (lambda d: d["case"]["agreements"][0]["goals"][0].update(weight=1e308),
         "case.agreements[0].goals[0].weight: "),
        (lambda d: d["case"]["agreements"][0]["goals"][0].update(weight=0), "case.agreements[0].goals[0].weight: "),
        (lambda d: d["case"]["agreements"][0]["goals"][0].update(client_words="x" * (limits.MAX_TEXT + 1)),
         "case.agreements[0].goals[0].client_words: Der Text ist zu lang"),
        (lambda d: d["case"]["partners"][0].update(name="x" * (limits.MAX_NAME + 1)), "case.partners[0].name: "),
        (lambda d: d["case"]["partners"][0].update(name="Oma\nIvanova"), "case.partners[0].name: "),
        (lambda d: d["case"]["agreements"][0]["goals"][0]["indicators"][0].update(baseline=7),
         "case.agreements[0].goals[0].indicators[0].baseline: "),
        (lambda d: d["case"]["persons"][0].update(first_name="", last_name=""), "case.persons[0].first_name: "),
        (lambda d: d["case"]["agreements"][0].update(finalised_at=None), "case.agreements[0].finalised_at: "),
        (lambda d: d["case"]["consents"][0].update(revoked_on="1990-01-01"), "case.consents[0].revoked_on: "),
    ],
)
def test_what_the_bad_input_runs_found_is_refused(shared, tmp_path: Path, change, expected) -> None:
    _, demo = shared
    data = copy.deepcopy(demo)
    change(data)
    assert refused(dump(data), tmp_path).startswith(expected)


def test_multi_line_texts_keep_line_breaks_and_tabs(shared, tmp_path: Path) -> None:
    _, demo = shared
    data = copy.deepcopy(demo)
    data["case"]["agreements"][0]["mandate"] = "Erstens:\n\tPünktlich sein.\r\nZweitens: ruhig bleiben."
    path = tmp_path / "fall.json"
    path.write_text(dump(data), encoding="utf-8")
    assert read_case_file(path).agreements[0].mandate.startswith("Erstens:\n\t")


def test_file_level_problems_get_a_german_reason(shared, tmp_path: Path) -> None:
    _, demo = shared
    text = dump(demo)
    assert "zu tief verschachtelt" in refused("[" * 100_000 + "]" * 100_000, tmp_path)
    assert "zu tief verschachtelt" in refused(text[:-1] + ', "x": ' + "[" * 50 + "]" * 50 + "}", tmp_path)
    assert "Zahl" in refused(text.replace('"weight": 1.0', '"weight": 1' + "0" * 5000, 1), tmp_path)
    assert "kein gültiges JSON" in refused(text.replace('"weight": 1.0', '"weight": NaN', 1), tmp_path)
    assert "weight" in refused(text.replace('"weight": 1.0', '"weight": 1e400', 1), tmp_path)
    message = refused(text.replace('"first_name": "Ağrı Şükrü"', '"first_name": "\\ud800"', 1), tmp_path)
    assert message.startswith("case.persons[0].first_name: ")
    assert "UTF-8" in refused(b"\xff\xfe" + text.encode("utf-16-le"), tmp_path)


def test_an_oversized_file_is_refused_before_it_is_parsed(shared, tmp_path: Path, monkeypatch) -> None:
    _, demo = shared
    data = copy.deepcopy(demo)
    data["case"]["agreements"][0]["goals"][0]["client_words"] = "Ziel " * (10 * 1024 * 1024 // 5)  # 50 MB+
    text = dump(data)

    def no_parsing(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("an oversized file must not be parsed")

    monkeypatch.setattr(json, "loads", no_parsing)
    assert "zu groß" in refused(text, tmp_path)


# --- the documentation is the schema -----------------------------------------------------------


def test_the_format_document_holds_the_generated_schema_table() -> None:
    doc = DOC.read_text(encoding="utf-8")
    begin, end = "<!-- schema-table:begin -->\n", "<!-- schema-table:end -->"
    generated = doc[doc.index(begin) + len(begin):doc.index(end)]
    assert generated.strip() == case_schema.markdown_table().strip(), (
        "docs/case-json-format.md: table out of date; regenerate with "
        "python -c 'from kooperation_desktop.domain import case_schema; print(case_schema.markdown_table())'")
    for section, name, _ in case_schema.schema_fields():
        assert f"`{name}`" in doc.split(begin)[0], (section, name)  # also explained in the prose tables


# --- ≥ 1,000 generated bad files -----------------------------------------------------------------

BAD_VALUES: list[Any] = [
    True, False, 1.0, 1.5, -1, 0, 10**400, -(10**30), 1e308, -1e308, "", "1", "true", "2026-W48-4", "9999-12-31",
    "1899-12-31", "2026-02-30", "01.03.2027", "2026-11-26T25:00:00", "2026-11-26 10:00", "a\x00b", "\x1b[31mrot",
    "\ud800", "x\udfff", "\u0085", "x" * (limits.MAX_TEXT + 1), "x" * (limits.MAX_NAME + 1), None, [], {}, [1, 2],
    {"a": 1}, "neighbour", "FINAL", "Draft",
]


def _paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, (*path, key))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from _paths(child, (*path, i))


def _parent(data: Any, path: tuple[Any, ...]) -> Any:
    for key in path[:-1]:
        data = data[key]
    return data


def bad_file(draw: Any, demo: dict[str, Any], paths: list[tuple[Any, ...]]) -> tuple[str, str | bytes]:
    """(what was done, the file's text or bytes): a valid export with one or two defects."""
    data = copy.deepcopy(demo)
    done = []
    for _ in range(draw(st.integers(1, 2))):
        path = draw(st.sampled_from(paths[1:]))
        try:
            parent, key = _parent(data, path), path[-1]
            parent[key]
        except (KeyError, IndexError, TypeError):
            continue  # an earlier defect removed it
        if not isinstance(parent, (dict, list)):
            continue  # an earlier defect put a text where this lived (a text can be indexed, not edited)
        kind = draw(st.sampled_from(["value", "value", "value", "delete", "control", "deep", "nan"]))
        if kind == "value":
            parent[key] = copy.deepcopy(draw(st.sampled_from(BAD_VALUES)))  # a second defect may edit it
        elif kind == "delete":
            del parent[key]
        elif kind == "control":
            old = parent[key] if isinstance(parent[key], str) else "Text"
            ch = draw(st.characters(codec="utf-8", categories=["Cc", "Cs"], exclude_characters="\n\t\r")
                      | st.sampled_from(["\ud800", "\udc00", "\x00", "\x7f", "\x9f"]))
            at = draw(st.integers(0, len(old)))
            parent[key] = old[:at] + ch + old[at:]
        elif kind == "deep":
            nested: Any = "x"
            for _ in range(draw(st.integers(limits.MAX_NESTING, 3 * limits.MAX_NESTING))):
                nested = [nested] if draw(st.booleans()) else {"k": nested}
            parent[key] = nested
        else:
            parent[key] = draw(st.sampled_from([float("nan"), float("inf"), -float("inf")]))
        done.append(f"{kind}@{path}")
    text = json.dumps(data, ensure_ascii=draw(st.booleans()) or any("control" in d for d in done))
    raw = draw(st.sampled_from(["as is", "as is", "as is", "truncate", "bad byte", "huge number", "deep text"]))
    if raw == "truncate":
        return f"{done} truncated", text[: draw(st.integers(0, len(text) - 1))]
    if raw == "bad byte":
        data_bytes = bytearray(text.encode("utf-8", "surrogatepass"))
        data_bytes[draw(st.integers(0, len(data_bytes) - 1))] = draw(st.sampled_from([0xFF, 0xC0, 0x80, 0xFE]))
        return f"{done} bad byte", bytes(data_bytes)
    if raw == "huge number":
        return f"{done} huge number", text.replace('"version": 1', '"version": 1' + "0" * 5000, 1)
    if raw == "deep text":
        depth = draw(st.integers(1000, 200_000))
        return f"{done} deep text", text[:-1] + ', "x": ' + "[" * depth + "]" * depth + "}"
    return str(done), text


TALLY = {"tried": 0, "refused cleanly": 0, "accepted and imported": 0, "import refused cleanly": 0,
         "tracebacks": 0}


@pytest.fixture(scope="module")
def tally() -> Iterator[dict[str, int]]:
    yield TALLY
    print(f"\nbad case files: {TALLY}")


@pytest.mark.slow  # a thousand generated files (the count is the point), each read and most imported
def test_a_thousand_generated_bad_files_get_one_clean_german_line(shared, tmp_path_factory, tally) -> None:
    services, demo = shared
    paths = list(_paths(demo))
    folder = tmp_path_factory.mktemp("dateien")
    counts = row_counts(services)

    @settings(max_examples=1000, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(st.data())
    def check(generated: st.DataObject) -> None:
        nonlocal counts
        what, content = bad_file(generated.draw, demo, paths)
        path = folder / "fall.json"
        if isinstance(content, str):
            path.write_bytes(content.encode("utf-8", "surrogatepass"))
        else:
            path.write_bytes(content)
        tally["tried"] += 1
        try:
            try:
                read_case_file(path)
            except ExchangeError as e:
                assert_clean(str(e))
                tally["refused cleanly"] += 1
                assert row_counts(services) == counts, what
                return
            # still valid after the change (e.g. null where null is allowed): it must import cleanly
            try:
                import_case(services, path)
                tally["accepted and imported"] += 1
            except ExchangeError as e:
                assert_clean(str(e))
                tally["import refused cleanly"] += 1
                assert row_counts(services) == counts, what
            counts = row_counts(services)
        except (AssertionError, ExchangeError):
            raise
        except Exception:
            tally["tracebacks"] += 1
            raise

    check()
    assert tally["tracebacks"] == 0
    assert tally["tried"] >= 1000
