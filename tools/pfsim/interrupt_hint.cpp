#include "interrupt_hint.hpp"

#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstring>

namespace pfsim::cli {

namespace {
std::atomic<std::size_t> finished{0};
std::string before_text, after_text;  // set before the handler is installed, read only by it
struct sigaction previous {};

void write_all(const char* text, std::size_t length) {
  while (length > 0) {
    const ssize_t n = ::write(STDERR_FILENO, text, length);
    if (n <= 0) return;
    text += n;
    length -= static_cast<std::size_t>(n);
  }
}

extern "C" void on_interrupt(int signal_number) {
  char digits[24];
  std::size_t n = finished.load(), k = sizeof digits;
  do digits[--k] = static_cast<char>('0' + n % 10), n /= 10;
  while (n > 0 && k > 0);
  write_all(before_text.data(), before_text.size());
  write_all(digits + k, sizeof digits - k);
  write_all(after_text.data(), after_text.size());
  // Die of the signal as before (exit status 130 in a shell), without running destructors on other threads' state.
  ::signal(signal_number, SIG_DFL);
  ::raise(signal_number);
}
}  // namespace

InterruptHint::InterruptHint(std::string before_count, std::string after_count) {
  finished = 0;
  before_text = std::move(before_count);
  after_text = std::move(after_count);
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  ::sigaction(SIGINT, &action, &previous);
}

InterruptHint::~InterruptHint() { ::sigaction(SIGINT, &previous, nullptr); }

void InterruptHint::finished_one() { finished.fetch_add(1, std::memory_order_relaxed); }

}  // namespace pfsim::cli
