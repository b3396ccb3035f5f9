#include "errors.hpp"

#include "pfsim/engine/invariants.hpp"
#include "pfsim/loader/load.hpp"
#include "pfsim/models/system.hpp"
#include "pfsim/output/error.hpp"
#include "pfsim/run/bad_argument.hpp"

namespace pfsim::python {
namespace py = pybind11;

namespace {
void raise(const char* class_name, const py::tuple& args) {
  const py::object cls = py::module_::import("pfsim._errors").attr(class_name);
  const py::object error = cls(*args);
  PyErr_SetObject(cls.ptr(), error.ptr());
}
}  // namespace

void register_errors() {
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const loader::ScenarioError& e) {
      // 0 means "not known" in the loader; Python says None.
      const auto known = [](int n) { return n > 0 ? py::object(py::int_(n)) : py::object(py::none()); };
      raise("ScenarioError", py::make_tuple(e.what(), e.file(), known(e.line()), known(e.column()), e.key_path(), e.message(), e.hint()));
    } catch (const run::BadArgument& e) {
      PyErr_SetString(PyExc_ValueError, e.what());
    } catch (const output::OutputError& e) {
      raise("OutputError", py::make_tuple(e.what()));
    } catch (const engine::InvariantError& e) {
      PyErr_SetString(PyExc_RuntimeError, (std::string("pfsim: internal error, please report it with the scenario: ") + e.what()).c_str());
    } catch (const models::ModelError& e) {
      PyErr_SetString(PyExc_RuntimeError, (std::string("pfsim: model error: ") + e.what()).c_str());
    }
  });
}

}  // namespace pfsim::python
