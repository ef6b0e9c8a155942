#pragma once
// The drivers: each opens a Context with the platform it needs (a window or EGL), picks a
// clock (wall or fixed) and calls frame() (app/frame.hpp) until done; --simulate runs the
// same Simulation without drawing. Each returns the process exit status (app/exit_codes.hpp)
// and prints its own one-line error (report_error, app/context.hpp).
#include "app/options.hpp"

namespace effleura::app {

int run_headless(const Options& options);
int run_bench(const Options& options);
// The explorer window; with --lesson it also runs the lesson player and its presenter view.
int run_window(const Options& options);
int run_simulate(const Options& options);
int run_hand_report(const Options& options);
int run_record(const Options& options);
int run_kiosk_soak(const Options& options);
int run_kiosk(const Options& options);
// --practice ID --stroke FILE.toml --report FILE.json (app/practice_runner.cpp).
int run_practice(const Options& options);

// Prints "effleura: <message>" as one line on stderr.
void report_error(const std::string& message);

}  // namespace effleura::app
