#pragma once
// Resident memory of this process from /proc (Linux), in MB; -1 where unavailable.
namespace effleura::app {

double resident_mb();       // now (VmRSS)
double peak_resident_mb();  // high-water mark (VmHWM)

}  // namespace effleura::app
