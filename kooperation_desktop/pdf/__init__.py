"""PDF rendering of cooperation agreements (reportlab, DejaVu Sans embedded). No Qt, no SQL."""
