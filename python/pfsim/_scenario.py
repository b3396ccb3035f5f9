"""Scenario: a scenario file (or text) and the `--set` overrides applied to it, read by the CLI's loader."""
import json
import math
import os

from . import _core


def yaml_value(value):
    """A Python value as the text after `--set key=`: strings are passed as written (YAML, as on the command
    line: "auto", "null", "[1, 2]"), numbers in the shortest form that gives the same double back."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, str):
        return value
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"pfsim: set(): {value!r} is not a finite number")
        return repr(value)
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value)  # JSON is YAML flow style
    if hasattr(value, "item"):  # numpy scalars
        return yaml_value(value.item())
    raise TypeError(f"pfsim: set(): cannot write a {type(value).__name__} as YAML; give a number, string, list or dict")


_NO_VALUE = object()  # set("key") without a value is a mistake, not null


class Scenario:
    """A validated scenario. pfsim.load(path) or pfsim.loads(text) makes one; set() changes it like --set."""

    def __init__(self, source):
        self._source = source

    def set(self, key, value=_NO_VALUE, /, **more):
        """set("sites.Southend.beds.general", 600) is `--set sites.Southend.beds.general=600`; set({"a.b": 1, "c": 2})
        sets several at once (validated together, for values that are only consistent together). Returns the
        scenario, so calls chain. Raises pfsim.ScenarioError, with the CLI's message, and then changes nothing."""
        if more:
            raise TypeError("pfsim: set() takes a key and a value, or a dict of them")
        if isinstance(key, dict):
            if value is not _NO_VALUE:
                raise TypeError("pfsim: set() takes a dict of key: value, or a key and a value, not both")
            pairs = list(key.items())
        else:
            if value is _NO_VALUE:
                raise TypeError(f"pfsim: set({key!r}) needs a value (None for null, as --set {key}=null)")
            if not isinstance(key, str):
                raise TypeError(f"pfsim: set(): the key must be a string such as \"sites.Southend.beds.general\", got {key!r}")
            pairs = [(key, value)]
        self._source.set([f"{k}={yaml_value(v)}" for k, v in pairs])
        return self

    def copy(self):
        """An independent copy (the same source and overrides)."""
        return Scenario(self._source.copy())

    __copy__ = copy

    def __deepcopy__(self, memo):
        return self.copy()

    def to_yaml(self):
        """The resolved scenario (after extends: and every set), as a results file stores it in /meta/scenario_yaml."""
        return self._source.resolved_yaml()

    @property
    def name(self):
        return self._source.name()

    @property
    def overrides(self):
        """The set() calls so far, as --set arguments."""
        return list(self._source.overrides)

    @property
    def source(self):
        """The file it was loaded from (as given), or the label of its text."""
        return self._source.label

    def cli_arguments(self):
        """The `pfsim run` arguments that give this scenario: the file and one --set per override."""
        args = [self._source.label] if self._source.is_file else ["<text>"]
        for o in self._source.overrides:
            args += ["--set", o]
        return args

    def __repr__(self):
        sets = "".join(f" --set {o}" for o in self._source.overrides)
        return f"<pfsim.Scenario {self.name!r} from {self.source}{sets}>"


def load(path):
    """Reads and validates a scenario file, following extends: (raises pfsim.ScenarioError)."""
    return Scenario(_core.ScenarioSource.from_file(os.fspath(path)))


def loads(text, label="<string>", directory="."):
    """Reads and validates scenario text, named `label` in messages; extends: is relative to `directory`."""
    if not isinstance(text, str):
        raise TypeError(f"pfsim: loads() takes the scenario's YAML text, got {type(text).__name__}")
    return Scenario(_core.ScenarioSource.from_text(text, label, os.fspath(directory)))
