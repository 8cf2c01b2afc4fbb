"""The pack's charts: the velocity of the last sprints and the sprint's burndown
(reportlab graphics, legible in black and white)."""

from __future__ import annotations

from reportlab import rl_config

# reportlab checks every attribute set on a chart's widgets and shapes against its
# declared types (4,300 checks for the two charts, a third of their cost), "a big help
# when developing", its settings say: ours are set by this module alone, the same way on
# every run, and the tests draw them. Off before its graphics modules load, as they read
# it then; it changes what is drawn in no way (a check passes or raises). The setting is
# the process's: in the app, the cards' QR codes are then drawn unchecked too, the same.
rl_config.shapeChecking = 0

from reportlab.graphics.charts.barcharts import VerticalBarChart  # noqa: E402
from reportlab.graphics.charts.legends import Legend  # noqa: E402
from reportlab.graphics.charts.lineplots import LinePlot  # noqa: E402
from reportlab.graphics.shapes import Drawing, Line, String  # noqa: E402
from reportlab.graphics.widgets.markers import makeMarker  # noqa: E402
from reportlab.lib import colors  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402

from po_desktop.reports.pack_texts import number_text, pack_label  # noqa: E402
from po_desktop.reports.pdf_text import FONT, clip_title, single_font  # noqa: E402
from po_desktop.reports.review import ReviewData  # noqa: E402


def _drawing(height: float) -> Drawing:
    """A drawing the width of the text, starting on the embedded font (not Helvetica)."""
    drawing = Drawing(165 * mm, height)
    drawing.initialFontName = FONT
    drawing.initialFontSize = 8
    return drawing


def velocity_chart(data: ReviewData, lang: str) -> Drawing:
    drawing = _drawing(62 * mm)
    bars = data.velocity or []
    chart = VerticalBarChart()
    chart.x, chart.y = 12 * mm, 10 * mm
    chart.width, chart.height = 145 * mm, 46 * mm
    chart.data = [[b.committed for b in bars] or [0], [b.completed for b in bars] or [0]]
    chart.categoryAxis.categoryNames = [single_font(clip_title(b.sprint, 18)) for b in bars] or [""]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = lambda v: number_text(v, lang)
    chart.valueAxis.valueMin = 0
    top = max([b.committed for b in bars] + [b.completed for b in bars] + [1])
    chart.valueAxis.valueMax = top * 1.15
    chart.bars[0].fillColor = colors.Color(0.82, 0.82, 0.82)
    chart.bars[1].fillColor = colors.Color(0.2, 0.2, 0.2)
    for series in (0, 1):
        chart.bars[series].strokeColor = colors.black
        chart.bars[series].strokeWidth = 0.5
    chart.barLabelFormat = lambda v: number_text(v, lang)
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 6.5
    chart.barLabels.nudge = 6
    drawing.add(chart)
    average = data.average_velocity
    if average is not None and bars:
        y = chart.y + chart.height * average / chart.valueAxis.valueMax
        drawing.add(
            Line(chart.x, y, chart.x + chart.width, y, strokeDashArray=[1.5, 2], strokeWidth=0.8)
        )
        drawing.add(
            String(
                chart.x + chart.width - 2,
                y + 2,
                number_text(average, lang),
                fontName=FONT,
                fontSize=7,
                textAnchor="end",
            )
        )
    legend = Legend()
    legend.fontName = FONT
    legend.fontSize = 7
    legend.x, legend.y = 14 * mm, 60 * mm
    legend.columnMaximum = 1
    legend.deltax = 60 * mm
    legend.alignment = "right"
    legend.colorNamePairs = [
        (chart.bars[0].fillColor, pack_label("committed", lang)),
        (chart.bars[1].fillColor, pack_label("completed", lang)),
    ]
    drawing.add(legend)
    return drawing


def burndown_chart(data: ReviewData, lang: str) -> Drawing:
    drawing = _drawing(62 * mm)
    days = [d for d, _v in data.ideal]
    if not days:
        return drawing
    index = {d: i for i, d in enumerate(days)}
    actual = [(index[d], v) for d, v in data.burndown if v is not None and d in index]
    ideal = [(index[d], v) for d, v in data.ideal]
    plot = LinePlot()
    plot.x, plot.y = 12 * mm, 10 * mm
    plot.width, plot.height = 145 * mm, 46 * mm
    plot.data = [ideal, actual or [(0, ideal[0][1])]]
    plot.lines[0].strokeColor = colors.Color(0.45, 0.45, 0.45)
    plot.lines[0].strokeDashArray = [4, 3]
    plot.lines[0].strokeWidth = 1
    plot.lines[1].strokeColor = colors.black
    plot.lines[1].strokeWidth = 1.6
    plot.lines[1].symbol = makeMarker("FilledSquare", size=4)
    plot.xValueAxis.valueMin = 0
    plot.xValueAxis.valueMax = max(1, len(days) - 1)
    plot.xValueAxis.valueSteps = list(range(len(days)))
    plot.xValueAxis.labelTextFormat = lambda i: (
        days[int(i)].strftime("%d/%m") if 0 <= int(i) < len(days) else ""
    )
    plot.xValueAxis.labels.fontName = FONT
    plot.xValueAxis.labels.fontSize = 6.5
    plot.yValueAxis.valueMin = 0
    top = max([v for _i, v in ideal] + [v for _i, v in actual] + [1])
    plot.yValueAxis.valueMax = top * 1.1
    plot.yValueAxis.labels.fontName = FONT
    plot.yValueAxis.labels.fontSize = 7
    plot.yValueAxis.labelTextFormat = lambda v: number_text(v, lang)
    drawing.add(plot)
    return drawing
