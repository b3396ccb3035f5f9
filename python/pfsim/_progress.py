"""The progress line pfsim.run(progress=True) shows: on stderr, rewritten in place, so it works in a terminal and in
a notebook (where sys.stderr is the cell's output)."""
import sys
import time


class ProgressLine:
    def __init__(self, what):
        self.what = what
        self.started = time.monotonic()

    def __call__(self, done, total):
        elapsed = time.monotonic() - self.started
        end = "\n" if done >= total else ""
        sys.stderr.write(f"\rpfsim: {self.what}: {done}/{total} replications, {elapsed:.1f} s{end}")
        sys.stderr.flush()


def progress_callback(progress, what):
    """progress=True → the line above, False/None → nothing, a callable → called as progress(done, total)."""
    if progress is True:
        return ProgressLine(what)
    if not progress:
        return None
    if not callable(progress):
        raise TypeError(f"pfsim: progress must be True, False or a callable(done, total), got {progress!r}")
    return progress
