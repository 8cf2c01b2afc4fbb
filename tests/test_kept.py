"""Values kept between runs in the cache folder: made once, read back while their key
is the same, made again when it changed or the copy is damaged, never an error."""

from __future__ import annotations

from po_desktop import kept, paths


def _maker(value: object) -> tuple[list[int], object]:
    calls: list[int] = []

    def make() -> object:
        calls.append(1)
        return value

    return calls, make


def test_a_value_is_made_once_then_read_back_while_its_key_holds() -> None:
    calls, make = _maker({"days": [(738000, "Noël")]})
    assert kept.value("t/a.marshal", ("v1", 3), make) == {"days": [(738000, "Noël")]}
    assert kept.value("t/a.marshal", ("v1", 3), make) == {"days": [(738000, "Noël")]}
    assert len(calls) == 1
    kept.value("t/a.marshal", ("v2", 3), make)  # another version of what it came from
    assert len(calls) == 2


def test_a_damaged_copy_is_made_again() -> None:
    calls, make = _maker(list(range(1000)))
    kept.value("t/b.marshal", 1, make)
    copy = paths.cache_dir() / "t" / "b.marshal"
    copy.write_bytes(copy.read_bytes()[:100])
    assert kept.value("t/b.marshal", 1, make) == list(range(1000))
    assert len(calls) == 2
    assert kept.value("t/b.marshal", 1, make) == list(range(1000))
    assert len(calls) == 2
    assert [p.name for p in copy.parent.iterdir()] == ["b.marshal"]  # no temporary left


def test_what_cannot_be_kept_is_made_each_time_without_error() -> None:
    calls, make = _maker(object())
    kept.value("t/c.marshal", 1, make)
    kept.value("t/c.marshal", 1, make)
    assert len(calls) == 2
    paths.cache_dir().mkdir(parents=True, exist_ok=True)
    (paths.cache_dir() / "u").write_text("a file where a folder should be")
    calls, make = _maker([1, 2])
    assert kept.value("u/d.marshal", 1, make) == [1, 2]
    assert kept.value("u/d.marshal", 1, make) == [1, 2]
    assert len(calls) == 2
