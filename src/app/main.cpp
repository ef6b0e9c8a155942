// effleura: parses the command line and hands over to the window, headless or bench runner.
// Nothing escapes as a raw exception: the last line of defence turns one into a message.
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "app/cli.hpp"
#include "app/exit_codes.hpp"
#include "app/huge_pages.hpp"
#include "app/language.hpp"
#include "app/runners.hpp"
#include "core/log.hpp"
#include "render/gl_context.hpp"

int main(int argc, char** argv) {
  using namespace effleura::app;
  restart_with_huge_pages(argv);  // once, before anything is allocated (app/huge_pages.hpp)
  try {
    std::vector<std::string> args(argv + 1, argv + argc);
    auto options = parse_command_line(args);
    if (!options) {
      report_error(options.error().describe());
      return kExitBadInput;
    }
    if (options->help) { std::fputs(help_text().c_str(), stdout); return kExitOk; }
    if (options->version) { std::fputs(version_text().c_str(), stdout); return kExitOk; }
    if (options->verbose) effleura::log::set_level(effleura::log::Level::info);
    if (options->check_locales) return run_check_locales(*options);
    if (options->bench) return run_bench(*options);
    if (options->simulate) return run_simulate(*options);
    if (options->hand_report) return run_hand_report(*options);
    if (options->practice && !options->record && !options->frames_dir && !options->screenshot)
      return run_practice(*options);
    if (options->record || options->frames_dir) return run_record(*options);
    if (options->kiosk && options->headless) return run_kiosk_soak(*options);
    if (options->headless) return run_headless(*options);
    if (!effleura::render::display_available()) {
      report_error("no display found (DISPLAY and WAYLAND_DISPLAY are unset); use --headless --screenshot FILE.png");
      return kExitNoOpenGL;
    }
    if (options->kiosk) return run_kiosk(*options);
    return run_window(*options);
  } catch (const std::exception& e) {
    report_error(std::string("internal error: ") + e.what());
    return kExitFailure;
  } catch (...) {
    report_error("internal error");
    return kExitFailure;
  }
}
