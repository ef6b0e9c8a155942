#include "app/memory_usage.hpp"

#include <fstream>
#include <string>

namespace effleura::app {
namespace {
double status_field_mb(const char* field) {
  std::ifstream status("/proc/self/status");
  std::string key;
  while (status >> key) {
    if (key == field) {
      double kb = 0;
      status >> kb;
      return kb / 1024.0;
    }
    status.ignore(4096, '\n');
  }
  return -1.0;
}
}  // namespace

double resident_mb() { return status_field_mb("VmRSS:"); }
double peak_resident_mb() { return status_field_mb("VmHWM:"); }

}  // namespace effleura::app
