"""An OCRmyPDF plugin that reports progress as lines PraTracker's OcrRunner reads from stderr.

Each update of each of OCRmyPDF's progress bars writes one tab-separated line:

    PRATRACKER-PROGRESS <done> <total> <page> <stage>

where <page> is the 1-based page the update is about ("-" when OCRmyPDF does not say) and <stage> is the bar's
description ("Scanning contents", "OCR", ...). Lines go to stderr, never stdout, as OCRmyPDF's plugin
specification asks, and each is one write so lines from threads never interleave.
"""

import os

from ocrmypdf import hookimpl

try:
    # OCRmyPDF 14 notes the page whose result it is handling here; without it the line carries "-".
    from ocrmypdf._sync import tls as _page_state
except ImportError:
    _page_state = None


class MachineReadableProgress:
    """A progress bar following the tqdm protocol OCRmyPDF uses, writing lines instead of drawing."""

    def __init__(self, total=None, desc=None, **_kwargs):
        self.total = total or 0
        self.stage = " ".join(str(desc or "").split()) or "-"
        self.done = 0

    def __enter__(self):
        self._report()
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        return False

    def update(self, n=1):
        self.done += 1 if n is None else n
        self._report()

    def _report(self):
        page = getattr(_page_state, "pageno", None)
        line = f"PRATRACKER-PROGRESS\t{self.done:g}\t{self.total:g}\t{page if isinstance(page, int) else '-'}\t{self.stage}\n"
        os.write(2, line.encode("utf-8"))


@hookimpl(tryfirst=True)
def get_progressbar_class():
    return MachineReadableProgress
