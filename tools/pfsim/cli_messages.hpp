#pragma once
// Messages that say what went wrong on the command line (issue 19 item 5) and the whole command line itself
// (/meta/command_line), kept out of the commands so each command's diff stays small.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

namespace pfsim::cli {

/// Remembers argv (called once by main) so results record the whole command line.
void remember_command_line(int argc, const char* const* argv);
/// "pfsim run s.yaml -r 4 -o out.h5" — every argument as given, shell-quoted where needed.
const std::string& whole_command_line();

/// The closest of `candidates` to `word` (edit distance at most a third of its length, at least 1), if any.
std::optional<std::string> closest(std::string_view word, const std::vector<std::string>& candidates);

/// A one-line message for a parse error that says more than CLI11 does (unknown command or option, with did you
/// mean), or nothing to keep CLI11's own message.
std::optional<std::string> explain_parse_error(const CLI::App& app, const CLI::ParseError& error, int argc, const char* const* argv);

/// Throws BadArgument unless `text` is a whole number that fits a 64-bit seed ("--seed: expected ...").
void check_seed(const std::string& text);

}  // namespace pfsim::cli
