"""Signature strokes: checked, stored as JSON vectors, rendered to a PNG (Pillow, no Qt)."""

from __future__ import annotations

import io
import itertools
import math
from collections.abc import Sequence

from PIL import Image, ImageDraw

from ..domain.model import Problem
from ..domain.rules import RuleViolation
from .model import Stroke

INK = (20, 40, 110, 255)  # dark blue, like a ballpoint pen
MAX_POINTS = 20_000
MIN_LENGTH = 30.0  # pad pixels of ink: a dot or an accidental tap is not a signature
SUPERSAMPLE = 3
PNG_HEIGHT = 160  # the stored image's height in pixels (width keeps the pad's aspect ratio)


def clean(strokes: Sequence[Sequence[Sequence[float]]], width: float, height: float) -> list[Stroke]:
    """The strokes as lists of float points inside the pad; raises RuleViolation (German) when
    there is nothing that looks like a signature."""
    if not (width > 0 and height > 0 and math.isfinite(width) and math.isfinite(height)):
        raise RuleViolation(Problem("strokes", "Das Unterschriftenfeld hat keine Größe."))
    out: list[Stroke] = []
    total = 0
    for stroke in strokes:
        points = [(min(max(float(x), 0.0), width), min(max(float(y), 0.0), height)) for x, y in stroke
                  if math.isfinite(float(x)) and math.isfinite(float(y))]
        if points:
            out.append(points)
            total += len(points)
    if total > MAX_POINTS:
        raise RuleViolation(Problem("strokes",
                                    "Die Unterschrift hat zu viele Punkte. Bitte „Löschen“ und neu unterschreiben."))
    if ink_length(out) < MIN_LENGTH:
        raise RuleViolation(Problem("strokes", "Bitte zuerst im Feld unterschreiben."))
    return out


def ink_length(strokes: Sequence[Stroke]) -> float:
    return sum(math.dist(a, b) for s in strokes for a, b in itertools.pairwise(s))


def render_png(strokes: Sequence[Stroke], width: float, height: float) -> bytes:
    """The strokes drawn in ink on a transparent background, cropped to the ink (PNG)."""
    scale = PNG_HEIGHT / height
    w, h = max(1, round(width * scale)), PNG_HEIGHT
    ss = SUPERSAMPLE
    img = Image.new("RGBA", (w * ss, h * ss), (255, 255, 255, 0))
    draw = ImageDraw.Draw(img)
    pen = max(2, round(3 * ss * scale * 1.2))
    for s in strokes:
        pts = [(x * scale * ss, y * scale * ss) for x, y in s]
        if len(pts) == 1:
            x, y = pts[0]
            draw.ellipse((x - pen / 2, y - pen / 2, x + pen / 2, y + pen / 2), fill=INK)
            continue
        draw.line(pts, fill=INK, width=pen, joint="curve")
        for x, y in (pts[0], pts[-1]):
            draw.ellipse((x - pen / 2, y - pen / 2, x + pen / 2, y + pen / 2), fill=INK)
    img = img.resize((w, h), Image.Resampling.LANCZOS)
    box = img.getbbox()
    if box:
        pad = 4
        img = img.crop((max(0, box[0] - pad), max(0, box[1] - pad), min(w, box[2] + pad), min(h, box[3] + pad)))
    buf = io.BytesIO()
    img.save(buf, "PNG", optimize=True)
    return buf.getvalue()
