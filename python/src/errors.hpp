#pragma once
// The library's exceptions as Python's: loader::ScenarioError → pfsim.ScenarioError (with file, line, column, key,
// hint), run::BadArgument → ValueError, output::OutputError → pfsim.OutputError (an OSError), the rest
// RuntimeError. Each message is the line the CLI prints for the same problem.
#include <pybind11/pybind11.h>

namespace pfsim::python {

/// Registers the translator; the Python classes live in pfsim/_errors.py.
void register_errors();

}  // namespace pfsim::python
