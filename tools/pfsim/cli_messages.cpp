#include "cli_messages.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <limits>

#include <fmt/format.h>

#include "exit_codes.hpp"

namespace pfsim::cli {

namespace {
std::string& command_line_storage() {
  static std::string text = "pfsim";
  return text;
}

std::string shell_quote(std::string_view arg) {
  const bool plain = !arg.empty() && std::all_of(arg.begin(), arg.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || std::string_view("_./=:,+-@%").find(c) != std::string_view::npos;
  });
  if (plain) return std::string(arg);
  std::string quoted = "'";
  for (char c : arg) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::vector<std::string> command_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) names.push_back(sub->get_name());
  std::sort(names.begin(), names.end());
  return names;
}

// Every spelling of the command's options: "--output", "-o", ...
std::vector<std::string> option_names(const CLI::App& command) {
  std::vector<std::string> names = {"--help", "-h"};
  for (const CLI::Option* option : command.get_options()) {
    for (const auto& name : option->get_lnames()) names.push_back("--" + name);
    for (const auto& name : option->get_snames()) names.push_back("-" + name);
  }
  return names;
}

bool is_number(std::string_view text) {
  double value = 0;
  return std::from_chars(text.data(), text.data() + text.size(), value).ec == std::errc{};
}
}  // namespace

void remember_command_line(int argc, const char* const* argv) {
  std::string text = "pfsim";
  for (int k = 1; k < argc; ++k) text += " " + shell_quote(argv[k]);
  command_line_storage() = std::move(text);
}

const std::string& whole_command_line() { return command_line_storage(); }

std::optional<std::string> closest(std::string_view word, const std::vector<std::string>& candidates) {
  std::optional<std::string> best;
  std::size_t best_distance = std::max<std::size_t>(1, word.size() / 3) + 1;
  for (const auto& candidate : candidates) {
    const std::size_t d = edit_distance(word, candidate);
    if (d < best_distance) best_distance = d, best = candidate;
  }
  return best;
}

std::optional<std::string> explain_parse_error(const CLI::App& app, const CLI::ParseError& /*error*/, int argc, const char* const* argv) {
  const std::vector<std::string> commands = command_names(app);
  const CLI::App* command = nullptr;
  const std::vector<std::string> top_options = option_names(app);
  int k = 1;
  // Top-level options come first (--help, --version); the first other word must be a command.
  for (; k < argc; ++k) {
    const std::string_view arg = argv[k];
    if (arg.starts_with("-")) {
      // Without this, "pfsim --versoin" or "pfsim -q run ..." only said "A subcommand is required".
      const std::string name(arg.substr(0, arg.find('=')));
      if (std::find(top_options.begin(), top_options.end(), name) != top_options.end()) continue;
      // A one-letter option is one edit from every other ("-q" from "-h"): guess only for long names.
      const auto guess = name.starts_with("--") ? closest(name, top_options) : std::nullopt;
      return fmt::format("pfsim: unknown option {}{} (hint: a command's options go after it, e.g. pfsim run FILE -q; pfsim --help)", name,
                         guess ? fmt::format(", did you mean {}?", *guess) : "");
    }
    if (std::find(commands.begin(), commands.end(), arg) == commands.end()) {
      const auto guess = closest(arg, commands);
      return fmt::format("pfsim: unknown command \"{}\"{} (hint: the commands are {}; pfsim --help)", arg,
                         guess ? fmt::format(", did you mean \"{}\"?", *guess) : "", fmt::join(commands, ", "));
    }
    command = app.get_subcommand(std::string(arg));
    break;
  }
  if (!command) return std::nullopt;
  const std::vector<std::string> known = option_names(*command);
  for (++k; k < argc; ++k) {
    const std::string_view arg = argv[k];
    if (arg == "--") break;
    if (!arg.starts_with("-") || arg == "-" || is_number(arg)) continue;
    const std::string name(arg.substr(0, arg.find('=')));
    if (!arg.starts_with("--") && name.size() > 2) continue;  // -qr: a cluster of short flags
    if (std::find(known.begin(), known.end(), name) != known.end()) continue;
    const auto guess = closest(name, known);
    return fmt::format("pfsim {}: unknown option {}{} (hint: pfsim {} --help lists the options)", command->get_name(), name,
                       guess ? fmt::format(", did you mean {}?", *guess) : "", command->get_name());
  }
  return std::nullopt;
}

void check_seed(const std::string& text) {
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size())
    throw BadArgument(fmt::format("pfsim: --seed: expected a whole number from 0 to {}, got \"{}\" (hint: e.g. --seed 42)",
                                  std::numeric_limits<std::uint64_t>::max(), text));
}

}  // namespace pfsim::cli
