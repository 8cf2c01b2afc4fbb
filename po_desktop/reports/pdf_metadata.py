"""What the PDF pack says about itself: its information dictionary and XMP metadata, and
the page canvas that numbers pages "n / N"."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, cast

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFName, PDFStream
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import SimpleDocTemplate

from po_desktop import __version__
from po_desktop.reports.pdf_text import FONT, escape


@dataclass(frozen=True)
class Metadata:
    """What the file says about itself, in its information dictionary and as XMP."""

    title: str
    subject: str
    author: str
    keywords: tuple[str, ...]
    lang: str
    creator: str = f"PO Desktop {__version__}"


def _xml(value: str) -> str:
    """Text as XML 1.0 element content: escaped, without the characters XML forbids."""
    allowed = "".join(
        c
        for c in value
        if c in "\t\n" or 0x20 <= ord(c) <= 0xD7FF or 0xE000 <= ord(c) <= 0xFFFD or ord(c) > 0xFFFF
    )
    return escape(allowed)


def xmp_packet(meta: Metadata, created: str, producer: str) -> str:
    """The XMP packet of the pack: Dublin Core title, description, creator, subject
    (keywords) and language; PDF keywords and producer; creation tool and dates."""

    def alt(value: str) -> str:
        return f'<rdf:Alt><rdf:li xml:lang="x-default">{_xml(value)}</rdf:li></rdf:Alt>'

    def items(kind: str, values: Sequence[str]) -> str:
        listed = "".join(f"<rdf:li>{_xml(v)}</rdf:li>" for v in values)
        return f"<rdf:{kind}>{listed}</rdf:{kind}>"

    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <dc:format>application/pdf</dc:format>
   <dc:title>{alt(meta.title)}</dc:title>
   <dc:description>{alt(meta.subject)}</dc:description>
   <dc:creator>{items("Seq", [meta.author])}</dc:creator>
   <dc:subject>{items("Bag", meta.keywords)}</dc:subject>
   <dc:language>{items("Bag", [meta.lang])}</dc:language>
   <pdf:Keywords>{_xml(", ".join(meta.keywords))}</pdf:Keywords>
   <pdf:Producer>{_xml(producer)}</pdf:Producer>
   <xmp:CreatorTool>{_xml(meta.creator)}</xmp:CreatorTool>
   <xmp:CreateDate>{created}</xmp:CreateDate>
   <xmp:ModifyDate>{created}</xmp:ModifyDate>
   <xmp:MetadataDate>{created}</xmp:MetadataDate>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""


class NumberedCanvas(Canvas):
    """Two passes in one: pages are kept until the end, then stamped 'page n / N'."""

    footer: Callable[[Canvas, int, int], None] = staticmethod(lambda _c, _n, _t: None)
    metadata: Metadata | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Start on the embedded font: the default Helvetica is not embedded, and a
        # PDF that names it depends on the printer's fonts.
        kwargs.setdefault("initialFontName", FONT)
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, page in enumerate(self._pages, start=1):
            self.__dict__.update(page)
            type(self).footer(self, number, total)
            super().showPage()
        meta = type(self).metadata
        document: Any = cast(Any, self)._doc  # reportlab's PDFDocument, untyped
        if meta is not None:
            document.Catalog.Metadata = PDFStream(
                PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}),
                xmp_packet(meta, xmp_date(document), document.info.producer).encode("utf-8"),
                filters=[],  # readers find metadata uncompressed
            )
        super().save()


def xmp_date(document: Any) -> str:
    """The information dictionary's creation date, as XMP writes dates."""
    stamp = document._timeStamp
    year, month, day, hour, minute, second = stamp.YMDhms
    sign = "-" if stamp.dhh < 0 else "+"
    return (
        f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}"
        f"{sign}{abs(stamp.dhh):02d}:{stamp.dmm:02d}"
    )


def a4_document(
    output: Path | IO[bytes],
    meta: Metadata,
    margins: tuple[float, float, float, float],
    font_size: float,
) -> SimpleDocTemplate:
    """An A4 document that says what it is (``meta``) and starts on the embedded font;
    ``margins``: left, right, top, bottom."""
    left, right, top, bottom = margins
    return SimpleDocTemplate(
        output if not isinstance(output, Path) else str(output),
        pagesize=A4,
        leftMargin=left,
        rightMargin=right,
        topMargin=top,
        bottomMargin=bottom,
        title=meta.title,
        subject=meta.subject,
        author=meta.author,
        keywords=list(meta.keywords),
        creator=meta.creator,
        lang=meta.lang,
        initialFontName=FONT,  # never the unembedded Helvetica
        initialFontSize=font_size,
    )
