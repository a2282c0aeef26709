"""The report's charts, drawn with QPainter: doses by day, symptom and reading series, the timeline;
markers, line styles and hatching so they read in black and white."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)

from journal.domain.i18n import N_, _
from journal.domain.shown import num

from ..data import DailyDoses, Point, TimelineEvent
from .layout import Ctx, Flow
from .style import BLACK, DARK, LIGHT, MID, NOCLIP, ZEBRA


class ChartFlow(Flow):
    """A chart of fixed height, drawn by a function into its rectangle."""

    def __init__(self, height_mm: float, paint: Callable[[QPainter, Ctx, QRectF], None]) -> None:
        self.height_mm = height_mm
        self.paint = paint

    def wrap(self, c: Ctx, width: float) -> float:
        return c.mm(self.height_mm) + c.mm(2.0)

    def draw(self, p: QPainter, c: Ctx, x: float, y: float, width: float) -> None:
        p.save()
        self.paint(p, c, QRectF(x, y, width, c.mm(self.height_mm)))
        p.restore()


# ----------------------------------------------------------------------------------------------
# Chart drawing (black-and-white safe)

# Month abbreviations for the charts' time axes (strftime would give the C locale's English).
MONTHS = (N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"), N_("Jul"), N_("Aug"), N_("Sep"),
          N_("Oct"), N_("Nov"), N_("Dec"))
# One marker shape per series, in this order, so series stay apart in black and white.
MARKERS = ("circle", "square", "triangle", "diamond", "cross", "down", "plus", "star")


def draw_marker(p: QPainter, c: Ctx, kind: str, at: QPointF, size_mm: float = 1.6, filled: bool = True) -> None:
    r = c.mm(size_mm) / 2
    p.setPen(QPen(BLACK, c.pt(0.7)))
    p.setBrush(QBrush(BLACK) if filled else QBrush(Qt.GlobalColor.white))
    x, y = at.x(), at.y()
    if kind == "circle":
        p.drawEllipse(at, r, r)
    elif kind == "square":
        p.drawRect(QRectF(x - r, y - r, 2 * r, 2 * r))
    elif kind == "triangle":
        p.drawPolygon(QPolygonF([QPointF(x, y - r * 1.2), QPointF(x + r * 1.1, y + r * 0.8), QPointF(x - r * 1.1, y + r * 0.8)]))
    elif kind == "down":
        p.drawPolygon(QPolygonF([QPointF(x, y + r * 1.2), QPointF(x + r * 1.1, y - r * 0.8), QPointF(x - r * 1.1, y - r * 0.8)]))
    elif kind == "diamond":
        p.drawPolygon(QPolygonF([QPointF(x, y - r * 1.3), QPointF(x + r, y), QPointF(x, y + r * 1.3), QPointF(x - r, y)]))
    elif kind == "cross":
        p.setPen(QPen(BLACK, c.pt(1.2)))
        p.drawLine(QPointF(x - r, y - r), QPointF(x + r, y + r))
        p.drawLine(QPointF(x - r, y + r), QPointF(x + r, y - r))
    elif kind == "plus":
        p.setPen(QPen(BLACK, c.pt(1.2)))
        p.drawLine(QPointF(x - r, y), QPointF(x + r, y))
        p.drawLine(QPointF(x, y - r), QPointF(x, y + r))
    else:  # star: a cross and a plus
        p.setPen(QPen(BLACK, c.pt(1.1)))
        for a in range(4):
            ang = a * math.pi / 4
            p.drawLine(QPointF(x - r * 1.3 * math.cos(ang), y - r * 1.3 * math.sin(ang)),
                       QPointF(x + r * 1.3 * math.cos(ang), y + r * 1.3 * math.sin(ang)))


def hatch(p: QPainter, c: Ctx, rect: QRectF, spacing_mm: float = 0.9, outline: bool = True) -> None:
    """Diagonal lines inside a rectangle: 'scheduled' and 'gap' areas, distinct from solid fills."""
    p.save()
    p.setClipRect(rect)
    p.setPen(QPen(DARK, c.pt(0.45)))
    s = c.mm(spacing_mm)
    x = rect.left() - rect.height()
    while x < rect.right():
        p.drawLine(QPointF(x, rect.bottom()), QPointF(x + rect.height(), rect.top()))
        x += s
    p.restore()
    if outline:
        p.setPen(QPen(BLACK, c.pt(0.5)))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(rect)


@dataclass
class Axes:
    plot: QRectF
    t0: float
    t1: float
    y0: float
    y1: float

    def x(self, t: datetime | float) -> float:
        v = t.timestamp() if isinstance(t, datetime) else t
        return self.plot.left() + (v - self.t0) / max(1.0, self.t1 - self.t0) * self.plot.width()

    def y(self, v: float) -> float:
        return self.plot.bottom() - (v - self.y0) / max(1e-9, self.y1 - self.y0) * self.plot.height()


def _ticks(start: datetime, end: datetime) -> list[datetime]:
    days = max(1, (end - start).days)
    tz = start.tzinfo
    d0 = start.date()
    out: list[datetime] = []
    if days <= 3:
        step_h = 6 if days <= 2 else 12
        t = datetime.combine(d0, datetime.min.time(), tzinfo=tz)
        while t <= end:
            out.append(t)
            t = (t.astimezone(UTC) + timedelta(hours=step_h)).astimezone(tz)
    elif days <= 16:
        step = 2 if days > 8 else 1
        out = [datetime.combine(d0 + timedelta(days=i), datetime.min.time(), tzinfo=tz) for i in range(0, days + 1, step)]
    elif days <= 70:
        # Mondays
        first = d0 + timedelta(days=(7 - d0.weekday()) % 7)
        out = [datetime.combine(first + timedelta(days=i), datetime.min.time(), tzinfo=tz) for i in range(0, days + 1, 7)]
    else:
        step = 1 if days <= 200 else (2 if days <= 420 else 3 if days <= 800 else 6)
        y, m = d0.year, d0.month
        while True:
            m += 1
            if m > 12:
                y, m = y + 1, 1
            if (m - 1) % step:
                continue
            dt = datetime(y, m, 1, tzinfo=tz)
            if dt >= end:
                break
            out.append(dt)
    return [t for t in out if start <= t <= end]


def _tick_label(t: datetime, span_days: int) -> str:
    if span_days <= 3 and (t.hour or t.minute):
        return t.strftime("%H:%M")
    month = _(MONTHS[t.month - 1])
    if span_days > 70:
        return _("{month} {year}").format(month=month, year=t.year) if t.month == 1 or span_days > 420 else month
    return _("{month} {day}").format(month=month, day=t.day)


def time_axes(p: QPainter, c: Ctx, rect: QRectF, start: datetime, end: datetime, y0: float, y1: float,
              title: str, y_ticks: Sequence[float], y_label: Callable[[float], str] = num,
              left_mm: float = 11.0) -> Axes:
    """Title, frame, time ticks and y ticks; returns the mapping for the data."""
    title_h = c.text_height("h2", title, rect.width())
    p.setPen(BLACK)
    c.draw_text(p, "h2", rect.left(), rect.top(), rect.width(), title)
    lab_h = c.line("small") * 1.3
    plot = QRectF(rect.left() + c.mm(left_mm), rect.top() + title_h + c.mm(1.5),
                  rect.width() - c.mm(left_mm) - c.mm(3), rect.height() - title_h - c.mm(1.5) - lab_h)
    ax = Axes(plot, start.timestamp(), end.timestamp(), y0, y1)
    p.setFont(c.fonts["small"])
    # y grid and labels
    for v in y_ticks:
        yy = ax.y(v)
        p.setPen(QPen(LIGHT, c.pt(0.4), Qt.PenStyle.DotLine))
        p.drawLine(QPointF(plot.left(), yy), QPointF(plot.right(), yy))
        p.setPen(BLACK)
        p.drawText(QRectF(rect.left(), yy - c.line("small") / 2, c.mm(left_mm) - c.mm(1.2), c.line("small")),
                   NOCLIP | int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), y_label(v))
    # time ticks
    span = (end - start).days
    for t in _ticks(start, end):
        xx = ax.x(t)
        p.setPen(QPen(LIGHT, c.pt(0.4), Qt.PenStyle.DotLine))
        p.drawLine(QPointF(xx, plot.top()), QPointF(xx, plot.bottom()))
        p.setPen(BLACK)
        p.drawLine(QPointF(xx, plot.bottom()), QPointF(xx, plot.bottom() + c.mm(0.8)))
        label = _tick_label(t, span)
        w = c.metrics["small"].horizontalAdvance(label) + c.mm(1)
        left = min(max(xx - w / 2, plot.left() - c.mm(2)), rect.right() - w)
        p.drawText(QRectF(left, plot.bottom() + c.mm(0.8), w, lab_h), NOCLIP | int(Qt.AlignmentFlag.AlignHCenter), label)
    p.setPen(QPen(BLACK, c.pt(0.7)))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(plot)
    return ax


def legend(p: QPainter, c: Ctx, rect: QRectF, items: Sequence[tuple[Callable[[QPainter, Ctx, QPointF], None], str]]) -> float:
    """A legend row (wrapping) at the top-left of rect; returns its height."""
    p.setFont(c.fonts["small"])
    x, y = rect.left(), rect.top()
    lh = c.line("small") * 1.25
    sw = c.mm(5)
    for paint, text in items:
        w = sw + c.mm(1) + c.metrics["small"].horizontalAdvance(text) + c.mm(4)
        if x + w > rect.right() and x > rect.left():
            x, y = rect.left(), y + lh
        paint(p, c, QPointF(x + sw / 2, y + lh / 2))
        p.setPen(BLACK)
        p.drawText(QRectF(x + sw + c.mm(1), y, w, lh), NOCLIP | int(Qt.AlignmentFlag.AlignVCenter), text)
        x += w
    return y + lh - rect.top()


def _legend_height(c: Ctx, width: float, texts: Sequence[str]) -> float:
    lh = c.line("small") * 1.25
    x, rows = 0.0, 1
    for t in texts:
        w = c.mm(5) + c.mm(1) + c.metrics["small"].horizontalAdvance(t) + c.mm(4)
        if x + w > width and x > 0:
            rows, x = rows + 1, 0.0
        x += w
    return rows * lh


def _marker_icon(kind: str, filled: bool = True) -> Callable[[QPainter, Ctx, QPointF], None]:
    return lambda p, c, at: draw_marker(p, c, kind, at, filled=filled)


def _hatch_icon(p: QPainter, c: Ctx, at: QPointF) -> None:
    hatch(p, c, QRectF(at.x() - c.mm(2), at.y() - c.mm(1.3), c.mm(4), c.mm(2.6)))


def _solid_icon(p: QPainter, c: Ctx, at: QPointF) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(DARK)
    p.drawRect(QRectF(at.x() - c.mm(1.2), at.y() - c.mm(1.3), c.mm(2.4), c.mm(2.6)))


def _line_icon(style: Qt.PenStyle, marker: str) -> Callable[[QPainter, Ctx, QPointF], None]:
    def paint(p: QPainter, c: Ctx, at: QPointF) -> None:
        p.setPen(QPen(BLACK, c.pt(0.9), style))
        p.drawLine(QPointF(at.x() - c.mm(2.4), at.y()), QPointF(at.x() + c.mm(2.4), at.y()))
        draw_marker(p, c, marker, at, 1.3)
    return paint


def _nice_max(v: float) -> tuple[float, list[float]]:
    v = max(1.0, v)
    for step in (1, 2, 5, 10, 20, 50, 100):
        if v / step <= 5:
            top = math.ceil(v / step) * step
            return float(top), [float(i) for i in range(0, int(top) + 1, step)]
    top = math.ceil(v / 100) * 100
    return float(top), [float(i) for i in range(0, int(top) + 1, int(top // 5) or 1)]


def by_week(d: DailyDoses) -> DailyDoses:
    """Seven days to a bar, for long periods (a year of daily bars is too dense to read)."""
    def sums(xs: list[int]) -> list[int]:
        return [sum(xs[i:i + 7]) for i in range(0, len(xs), 7)]
    return DailyDoses(d.medication, d.days[::7], sums(d.scheduled), sums(d.given), sums(d.not_given), sums(d.vomited))


WEEKLY_AFTER_DAYS = 120


def doses_chart(d: DailyDoses, start: datetime, end: datetime) -> Callable[[QPainter, Ctx, QRectF], None]:
    weekly = len(d.days) > WEEKLY_AFTER_DAYS
    if weekly:
        d = by_week(d)

    def paint(p: QPainter, c: Ctx, rect: QRectF) -> None:
        texts = [_("Scheduled (hatched)"), _("Given (solid bar)"), _("Not given: skipped, refused or missed"),
                 _("Vomited")]
        lh = _legend_height(c, rect.width(), texts)
        top, ticks = _nice_max(max([*d.scheduled, *d.given, 1]))
        body = QRectF(rect.left(), rect.top(), rect.width(), rect.height() - lh - c.mm(1))
        ax = time_axes(p, c, body, start, end, 0, top + (0.6 if top <= 5 else top * 0.08),
                       (_("Doses per week: {medicine}") if weekly else _("Doses per day: {medicine}")).format(medicine=d.medication), ticks)
        day_w = ax.plot.width() / max(1, len(d.days))
        for i in range(len(d.days)):
            x0 = ax.plot.left() + i * day_w
            gap = day_w * (0.12 if day_w > c.mm(1.2) else 0.0)
            if d.scheduled[i]:
                hatch(p, c, QRectF(x0 + gap, ax.y(d.scheduled[i]), day_w - 2 * gap, ax.y(0) - ax.y(d.scheduled[i])),
                      outline=day_w > c.mm(0.8))
            if d.given[i]:
                inner = (day_w - 2 * gap) * 0.5
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(DARK)
                p.drawRect(QRectF(x0 + (day_w - inner) / 2, ax.y(d.given[i]), inner, ax.y(0) - ax.y(d.given[i])))
            mark_y = ax.y(max(d.scheduled[i], d.given[i])) - c.mm(1.4)
            if d.not_given[i]:
                draw_marker(p, c, "cross", QPointF(x0 + day_w / 2, mark_y), 1.4)
                mark_y -= c.mm(1.8)
            if d.vomited[i]:
                draw_marker(p, c, "triangle", QPointF(x0 + day_w / 2, mark_y), 1.4, filled=False)
        legend(p, c, QRectF(rect.left() + c.mm(11), rect.bottom() - lh, rect.width() - c.mm(11), lh), [
            (_hatch_icon, texts[0]), (_solid_icon, texts[1]), (_marker_icon("cross"), texts[2]),
            (_marker_icon("triangle", False), texts[3]),
        ])
    return paint


def points_chart(title: str, series: Sequence[tuple[str, Sequence[Point]]], start: datetime, end: datetime,
                 y0: float, y1: float, ticks: Sequence[float], lines: bool, unit: str = "",
                 refs: Sequence[tuple[float, str]] = ()) -> Callable[[QPainter, Ctx, QRectF], None]:
    styles = [Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine, Qt.PenStyle.DashDotLine]

    def paint(p: QPainter, c: Ctx, rect: QRectF) -> None:
        texts = [name for name, _p in series]
        lh = _legend_height(c, rect.width() - c.mm(11), texts) if len(series) > 1 else 0.0
        body = QRectF(rect.left(), rect.top(), rect.width(), rect.height() - lh - (c.mm(1) if lh else 0))
        ax = time_axes(p, c, body, start, end, y0, y1, title, ticks, lambda v: f"{num(v)}{unit}")
        for value, label in refs:
            yy = ax.y(value)
            p.setPen(QPen(BLACK, c.pt(0.7), Qt.PenStyle.DashLine))
            p.drawLine(QPointF(ax.plot.left(), yy), QPointF(ax.plot.right(), yy))
            p.setFont(c.fonts["small"])
            w = c.metrics["small"].horizontalAdvance(label) + c.mm(1)
            above = yy - c.line("small") - c.mm(0.2) > ax.plot.top()
            p.drawText(QRectF(ax.plot.right() - w - c.mm(1), yy - c.line("small") - c.mm(0.2) if above else yy + c.mm(0.2),
                              w, c.line("small")), NOCLIP | int(Qt.AlignmentFlag.AlignRight), label)
        for i, (_name, pts) in enumerate(series):
            marker = MARKERS[i % len(MARKERS)]
            pts = sorted(pts, key=lambda q: q.at)
            if lines and len(pts) > 1:
                path = QPainterPath()
                path.moveTo(ax.x(pts[0].at), ax.y(pts[0].value))
                for q in pts[1:]:
                    path.lineTo(ax.x(q.at), ax.y(q.value))
                p.setPen(QPen(BLACK, c.pt(0.9), styles[i % len(styles)]))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawPath(path)
            size = 1.5 if len(pts) < 60 else 1.0
            for q in pts:
                v = min(max(q.value, y0), y1)
                draw_marker(p, c, marker, QPointF(ax.x(q.at), ax.y(v)), size, filled=i % 2 == 0)
        if lh:
            legend(p, c, QRectF(rect.left() + c.mm(11), rect.bottom() - lh, rect.width() - c.mm(11), lh),
                   [(_line_icon(styles[i % len(styles)], MARKERS[i % len(MARKERS)]) if lines
                     else _marker_icon(MARKERS[i % len(MARKERS)], i % 2 == 0), name)
                    for i, (name, _p) in enumerate(series)])
    return paint


LANES = (
    (N_("Dose changes"), "dose-change"),
    (N_("Gaps between doses"), "gap"),
    (N_("Red-flag symptoms"), "red-flag"),
    (N_("Call-today symptoms"), "urgent"),
    (N_("Other severe symptoms"), "notable"),
    (N_("Temperature out of range"), "temperature"),
    (N_("Pump events"), "pump"),
)


def _lane(e: TimelineEvent) -> str:
    if e.kind == "symptom":
        return e.level
    return e.kind


def timeline_chart(events: Sequence[TimelineEvent], start: datetime, end: datetime
                   ) -> Callable[[QPainter, Ctx, QRectF], None]:
    def paint(p: QPainter, c: Ctx, rect: QRectF) -> None:
        label_w = c.mm(38)
        title = _("Timeline: dose changes, gaps and symptoms")
        title_h = c.text_height("h2", title, rect.width())
        p.setFont(c.fonts["h2"])
        p.setPen(BLACK)
        p.drawText(QRectF(rect.left(), rect.top(), rect.width(), title_h), NOCLIP, title)
        lab_h = c.line("small") * 1.3
        legend_texts = [_("dose raised"), _("dose lowered"), _("started or stopped"), _("gap without doses"),
                        _("red flag"), _("call today"), _("other severe"), _("temperature"), _("pump")]
        lgh = _legend_height(c, rect.width() - label_w, legend_texts)
        plot = QRectF(rect.left() + label_w, rect.top() + title_h + c.mm(1.5), rect.width() - label_w - c.mm(3),
                      rect.height() - title_h - c.mm(1.5) - lab_h - lgh - c.mm(1))
        ax = Axes(plot, start.timestamp(), end.timestamp(), 0, len(LANES))
        lane_h = plot.height() / len(LANES)
        p.setFont(c.fonts["small"])
        for i, (name, _colour) in enumerate(LANES):
            yy = plot.top() + i * lane_h
            if i % 2:
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(ZEBRA)
                p.drawRect(QRectF(plot.left(), yy, plot.width(), lane_h))
            p.setPen(BLACK)
            p.drawText(QRectF(rect.left(), yy, label_w - c.mm(1.5), lane_h),
                       NOCLIP | int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap), _(name))
        span = (end - start).days
        for t in _ticks(start, end):
            xx = ax.x(t)
            p.setPen(QPen(LIGHT, c.pt(0.4), Qt.PenStyle.DotLine))
            p.drawLine(QPointF(xx, plot.top()), QPointF(xx, plot.bottom()))
            p.setPen(BLACK)
            label = _tick_label(t, span)
            w = c.metrics["small"].horizontalAdvance(label) + c.mm(1)
            p.drawText(QRectF(min(xx - w / 2, rect.right() - w), plot.bottom() + c.mm(0.8), w, lab_h),
                       NOCLIP | int(Qt.AlignmentFlag.AlignHCenter), label)
        lane_index = {key: i for i, (_n, key) in enumerate(LANES)}
        t_lo, t_hi = start.timestamp(), end.timestamp()
        for e in events:
            lane = lane_index.get(_lane(e))
            if lane is None:
                continue
            i = lane
            cy = plot.top() + (i + 0.5) * lane_h
            if e.kind == "dose-change":
                xx = ax.x(max(t_lo, min(t_hi, e.at.timestamp())))
                p.setPen(QPen(MID, c.pt(0.6), Qt.PenStyle.DashLine))
                p.drawLine(QPointF(xx, plot.top()), QPointF(xx, plot.bottom()))
                kind = {"increase": "triangle", "decrease": "down"}.get(e.level, "plus")
                draw_marker(p, c, kind, QPointF(xx, cy), 2.0)
            elif e.kind == "gap" and e.end is not None:
                x0 = ax.x(max(t_lo, e.at.timestamp()))
                x1 = ax.x(min(t_hi, e.end.timestamp()))
                hatch(p, c, QRectF(x0, cy - lane_h * 0.3, max(c.mm(0.8), x1 - x0), lane_h * 0.6), 0.7)
            else:
                xx = ax.x(max(t_lo, min(t_hi, e.at.timestamp())))
                if e.kind == "pump":
                    draw_marker(p, c, "square", QPointF(xx, cy), 1.8, filled=e.level != "info")
                elif e.kind == "temperature":
                    draw_marker(p, c, "diamond", QPointF(xx, cy), 1.8)
                elif e.level == "red-flag":
                    draw_marker(p, c, "star", QPointF(xx, cy), 2.2)
                else:
                    draw_marker(p, c, "circle", QPointF(xx, cy), 1.7, filled=e.level == "urgent")
        p.setPen(QPen(BLACK, c.pt(0.7)))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(plot)
        legend(p, c, QRectF(plot.left(), plot.bottom() + lab_h + c.mm(0.5), plot.width(), lgh), [
            (_marker_icon("triangle"), legend_texts[0]), (_marker_icon("down"), legend_texts[1]),
            (_marker_icon("plus"), legend_texts[2]), (_hatch_icon, legend_texts[3]),
            (_marker_icon("star"), legend_texts[4]), (_marker_icon("circle"), legend_texts[5]),
            (_marker_icon("circle", False), legend_texts[6]), (_marker_icon("diamond"), legend_texts[7]),
            (_marker_icon("square"), legend_texts[8]),
        ])
    return paint
