#pragma once
// Numbers as the report's readers write them (commissioners, not programmers): 108,827 patients, 90.1 %, £12.9 m.
// Everything here is presentation only; the results file keeps full precision.
#include <string>
#include <string_view>
#include <vector>

#include "pfsim/output/svg_charts.hpp"

namespace pfsim::output::svg {

/// True for the units money is written in ("£", "GBP", "gbp").
bool is_money(std::string_view units);

/// "£21.98 m", "£850 k", "£120", "-£1.2 m": money in millions from a million, thousands from a thousand, with
/// `decimals` decimals of that unit.
std::string money(double gbp, int decimals);

/// A value for a label: "91.2 %" for "%", money() for money, else a grouped number ("23.8", "15,517"), rounded to
/// `significant` significant figures but never past the decimal point of a whole number and to at most 2 decimals.
std::string value_label(double value, std::string_view units, int significant = 3);

/// The labels of `ticks` for an axis in `units`, all in one scale so they compare at a glance: money in £ m or £ k
/// ("£9 m" ... "£15 m"), other values from a million as "1.5m", below that grouped ("15,000"); just enough decimals
/// to tell the steps apart.
std::vector<std::string> tick_labels(const Ticks& ticks, std::string_view units);

/// Decimals for a table number whose precision is `spread` (a CI half-width): two significant figures of the
/// spread, at most 2 for a percentage (nobody reads 99.99950 %); none for a spread of zero (a value that is zero in
/// every replication).
int table_decimals(double spread, std::string_view units);

}  // namespace pfsim::output::svg
