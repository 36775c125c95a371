"""What every staff export to spreadsheets shares: cells never read as formulas, and the byte order mark
that makes Excel open UTF-8 (Korean and Chinese intact)."""

# A cell starting with one of these is read as a formula by spreadsheet programs.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"


def csv_cell(value) -> str:
    """``value`` as CSV text that a spreadsheet shows as text, never runs as a formula."""
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_STARTS):
        return "'" + text
    return text
