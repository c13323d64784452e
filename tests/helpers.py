"""What the tests share: where things are, and the one way to write a corpus."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SEEDS = ROOT / "seeds"
MANIFEST_HEADER = "id,file,title,publisher,author,published,url\n"
# Spellings of one name that the normaliser must reduce to one skeleton.
SPELLING_VARIANTS = [
    ("Ain al-Asad", "Ain al-Assad"),
    ("Ain al-Asad", "Ayn al Asad"),
    ("Ain al-Asad", "ʿAyn al-Asad"),
    ("Al-Tanf", "At-Tanf"),
    ("al-Tanf", "Al Tanf"),
    ("Kataib Hezbollah", "Kata'ib Hezbollah"),
    ("Kataib Hezbollah", "Kata’ib Hezbolah"),
    ("Rutbah", "Rutba"),
    ("Deir ez-Zor", "Deir al-Zor"),
    ("Deir ez-Zor", "Dayr az-Zor"),
    ("Sulaymaniyah", "Sulaimaniya"),
    ("Halabja", "Ḥalabjah"),
    ("Qayyarah", "Qayara"),
    ("Trebil", "TREBIL"),
    ("El Arish", "al-Arish"),
]


def write_corpus(folder: Path, files: dict[str, str | bytes], rows: list[str] | None = None,
                 events_csv: str | None = None) -> Path:
    """A corpus folder: ``files`` by name (text or bytes), a manifest of ``rows`` (CSV
    lines after the header; by default one plain row per ``.txt`` file) and, if given,
    a curated layer ``events.csv``."""
    folder.mkdir(parents=True, exist_ok=True)
    if rows is None:
        rows = [f"{Path(name).stem},{name},Title,Publisher,,2024-10-01,http://example.org/{Path(name).stem}"
                for name in files if name.endswith(".txt")]
    (folder / "documents.csv").write_text(MANIFEST_HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    for name, data in files.items():
        path = folder / name
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    if events_csv is not None:
        (folder / "events.csv").write_text(events_csv, encoding="utf-8")
    return folder


def one_document(folder: Path, text: str, published: str = "2024-10-01", events_csv: str | None = None,
                 title: str = "T") -> Path:
    """A corpus of one document, ``d1``."""
    return write_corpus(folder, {"d1.txt": text}, [f'd1,d1.txt,"{title}",P,,{published},http://x'], events_csv)


def files_of(folder: Path) -> dict[str, bytes]:
    """Every file under a folder, by relative path."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


HOSTILE_TEXT = ('Rockets hit Ain al-Asad on 7 November. <script>alert("doc")</script> "quoted" & <b>bold</b>\n'
                'Protesters gathered in Sadr City on 8 November.\n')


def hostile_corpus(folder: Path) -> Path:
    """A document whose text, title, publisher and URL try to inject markup and script."""
    return write_corpus(folder / "corpus", {"x1.txt": HOSTILE_TEXT},
                        ['x1,x1.txt,"<img src=x onerror=alert(1)> title",<i>Pub</i>,,2023-11-16,javascript:alert(1)'])
