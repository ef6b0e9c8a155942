#include "flow/flow_snapshot.hpp"

#include <cmath>
#include <string>
#include <string_view>
#include <system_error>

#include "core/cache_file.hpp"

namespace effleura::flow {

// Bump when FlowSystem gains or loses state (its struct sizes are in the key as well).
constexpr std::uint32_t kFlowSnapshotVersion = 4;  // 2: calf_pumping_ (session 19); 3: knee_deg_ (22); 4: lying_up_ (23)

// The one place that names FlowSystem's private state (a friend of it). Each field is visited
// in the same order for writing and reading, so the two can never disagree.
struct FlowSnapshotAccess {
  template <class S, class F>  // S: FlowSystem or const FlowSystem
  static void visit(S& s, F&& f) {
    f.vec(s.segments_);
    f.vec(s.edges_);
    f.vec(s.valves_);
    // Work arrays: empty until the first step sizes them.
    f.scratch(s.vein_reflux_);
    f.scratch(s.contact_mmhg_);
    f.scratch(s.head_);
    f.scratch(s.old_volume_);
    f.scratch(s.rhs_);
    f.scratch(s.conductance_);
    f.scratch(s.carry_);
    f.scratch(s.limiter_);
    f.pod(s.posture_);
    f.pod(s.muscle_mmhg_);
    f.pod(s.foot_mmhg_);
    f.pod(s.thigh_mmhg_);
    f.pod(s.breathing_);
    f.pod(s.work_);
    f.pod(s.exercise_);
    f.pod(s.calf_pumping_);
    f.pod(s.tone_time_s_);
    f.pod(s.stocking_mmhg_);
    f.pod(s.knee_deg_);
    f.pod(s.lying_up_);
    f.pod(s.rho_g_);
    f.pod(s.steps_);
    f.pod(s.accumulator_s_);
    f.pod(s.start_volume_m3_);
    f.pod(s.inflow_total_m3_);
    f.pod(s.outflow_total_m3_);
    f.pod(s.clamped_m3_);
    f.pod(s.outflow_now_m3_s_);
  }
  static const std::vector<Segment>& segments(const FlowSystem& s) { return s.segments_; }
};

namespace {

struct Writer {
  ByteWriter out;
  template <class T>
  void vec(const std::vector<T>& v) { out.vec(v); }
  template <class T>
  void scratch(const std::vector<T>& v) { out.vec(v); }
  template <class T>
  void pod(const T& v) { out.pod(v); }
};

// Reads into a copy; every vector must keep the length the fresh system gave it.
struct Reader {
  ByteReader in;
  bool fits = true;
  std::size_t limit = 0;
  template <class T>
  void vec(std::vector<T>& v) {
    std::vector<T> read;
    if (!in.vec(read) || read.size() != v.size()) fits = false;
    else v = std::move(read);
  }
  // A work array may be empty or sized by the steps, never longer than the system's parts.
  template <class T>
  void scratch(std::vector<T>& v) {
    std::vector<T> read;
    if (!in.vec(read) || read.size() > limit) fits = false;
    else v = std::move(read);
  }
  template <class T>
  void pod(T& v) {
    if (!in.pod(v)) fits = false;
  }
};

bool finite(const Segment& s) {
  for (double v : {s.volume_m3, s.pressure_mmhg, s.external_mmhg, s.height_m, s.flow_m3_s, s.velocity_m_s,
                   s.inflow_m3_s, s.inflow_tone, s.backflow_s})
    if (!std::isfinite(v)) return false;
  return s.volume_m3 >= 0.0;
}

}  // namespace

std::optional<std::string> program_identity() {
  // The size and time are the running program's own file's, reached through /proc/self/exe
  // (the link leads to the file the process was started from, even once a rebuild has put a
  // new file at its path or removed it), not the file now at that path: a program whose file
  // was replaced while it ran kept no cache at all (its path then reads "... (deleted)" and
  // has no size), and a test that wants a second load to hit the cache failed whenever a
  // build relinked its binary mid-run (session 26). The path is the one it was started from.
  std::error_code ec;
  std::string exe = std::filesystem::read_symlink("/proc/self/exe", ec).string();
  if (ec) return std::nullopt;
  constexpr std::string_view kGone = " (deleted)";
  if (exe.ends_with(kGone)) exe.resize(exe.size() - kGone.size());
  const std::filesystem::path self("/proc/self/exe");
  const auto size = std::filesystem::file_size(self, ec);
  if (ec) return std::nullopt;
  const auto time = std::filesystem::last_write_time(self, ec);
  if (ec) return std::nullopt;
  // The clock's count is a 128-bit integer in libc++ (the page's build), which has no
  // to_string of its own: nanoseconds since the epoch fit a long long for centuries.
  const auto ticks = static_cast<long long>(time.time_since_epoch().count());
  return exe + ":" + std::to_string(size) + ":" + std::to_string(ticks);
}

std::vector<std::uint8_t> snapshot_bytes(const FlowSystem& flow) {
  Writer w;
  FlowSnapshotAccess::visit(flow, w);
  return w.out.bytes();
}

bool restore_snapshot(FlowSystem& flow, std::span<const std::uint8_t> bytes) {
  FlowSystem copy = flow;
  Reader r{ByteReader(bytes)};
  r.limit = 4 * (flow.segments().size() + flow.edges().size() + 1);
  FlowSnapshotAccess::visit(copy, r);
  if (!r.fits || !r.in.at_end()) return false;
  for (const Segment& s : FlowSnapshotAccess::segments(copy))
    if (!finite(s)) return false;
  flow = std::move(copy);
  return true;
}

void settle_cached(FlowSystem& flow, double seconds, const std::filesystem::path& source,
                   const std::optional<std::filesystem::path>& cache_dir, bool* from_cache,
                   std::string_view condition) {
  if (from_cache) *from_cache = false;
  const auto program = program_identity();
  if (!cache_dir || !program) {
    flow.settle(seconds);
    return;
  }
  // A caller's leg is its own product: the cache keeps one entry a product, and a --simulate
  // run must not evict the state the window's start-up reads.
  CacheKey key(condition.empty() ? "flow-settled" : "simulate-settled", kFlowSnapshotVersion);
  const std::uint64_t sizes[] = {sizeof(Segment), sizeof(Edge), sizeof(Valve), sizeof(FlowSystem)};
  key.add(std::span(reinterpret_cast<const std::uint8_t*>(sizes), sizeof sizes));
  key.add(std::span(reinterpret_cast<const std::uint8_t*>(&seconds), sizeof seconds));
  key.add(*program);
  if (!key.add_file(source)) {
    flow.settle(seconds);
    return;
  }
  // The fresh system is made by this program from the vein data alone, in this posture and
  // breathing (its raw bytes cannot be the key: structs carry padding of no fixed value), with
  // the knee bent as drawn (lying prone for calf squeezes: other heights, another rest) and
  // the leg face up or down.
  const std::uint8_t start[] = {static_cast<std::uint8_t>(flow.posture()), static_cast<std::uint8_t>(flow.breathing())};
  key.add(std::span(start, sizeof start));
  const double knee = flow.knee_flexion_deg();
  key.add(std::span(reinterpret_cast<const std::uint8_t*>(&knee), sizeof knee));
  const float up[] = {flow.lying_up().x, flow.lying_up().y, flow.lying_up().z};  // face up or down
  key.add(std::span(reinterpret_cast<const std::uint8_t*>(up), sizeof up));
  if (!condition.empty()) key.add(condition);  // the app's own leg has none: its key is as before
  if (auto stored = read_cache(*cache_dir, key))
    if (restore_snapshot(flow, *stored)) {
      if (from_cache) *from_cache = true;
      return;
    }
  flow.settle(seconds);
  (void)write_cache(*cache_dir, key, snapshot_bytes(flow));
}

}  // namespace effleura::flow
