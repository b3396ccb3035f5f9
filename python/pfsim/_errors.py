"""pfsim's exceptions. Their messages are the lines the CLI prints for the same problem."""


class ScenarioError(ValueError):
    """A problem in a scenario or a set(): str(error) is the CLI's one line, "FILE:LINE:COL: KEY: MESSAGE (hint: HINT)".

    file is the scenario file, or "--set" for an override (line = which set, counting from 1); line and column are
    None when not known; key is the key path; message and hint the parts of the line.
    """

    def __init__(self, text, file, line, column, key, message, hint):
        super().__init__(text)
        self.file, self.line, self.column, self.key, self.message, self.hint = file, line, column, key, message, hint


class OutputError(OSError):
    """A results file that cannot be written or read (missing, not HDF5, not written by pfsim)."""
