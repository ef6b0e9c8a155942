#include "app/simulation.hpp"

#include <algorithm>
#include <span>

#include <glm/geometric.hpp>

#include "anatomy/leg_surface_cache.hpp"
#include "core/cache_file.hpp"
#include "flow/drivers.hpp"
#include "flow/flow_snapshot.hpp"

namespace effleura::app {
namespace {

// Seeds the particles and spreads them along the veins (100 advects of 0.1 s, ~15 ms of CPU at
// start-up), or puts back the spread kept in the start-up cache; true when from the cache.
bool spread_particles_cached(const flow::FlowSystem& flow, std::optional<flow::Particles>& particles,
                             const std::filesystem::path& vein_file,
                             const std::optional<std::filesystem::path>& cache_dir) {
  constexpr int kSteps = 100;
  constexpr double kStepS = 0.1;
  constexpr std::size_t kCount = flow::Particles::kDefaultCount;
  constexpr std::uint32_t kSeed = 20240611u;  // flow::Particles' default seed, named here for the key
  auto spread = [&] {
    particles.emplace(flow, kCount, kSeed);
    for (int i = 0; i < kSteps; ++i) particles->advect(flow, kStepS);
  };
  // The spread is the same on every run for the same flows, count and seed: key on what the
  // seeding and the advects read (the flow's whole state as bytes, the network's file, the
  // count and seed, the steps) and on the program itself (other particle code, another spread).
  // Not on the seeded particles' bytes: a hit then neither seeds 20,000 particles nor copies
  // and hashes 400 KB for its key (session 25: ~5-9 ms of a warm start-up). No folder or no
  // program file: spread.
  const auto program = flow::program_identity();
  CacheKey key("particles-spread", 2);
  if (!cache_dir || !program || !key.add_file(vein_file)) {
    spread();
    return false;
  }
  key.add(flow::snapshot_bytes(flow));
  const double numbers[] = {static_cast<double>(kCount), static_cast<double>(kSeed), kSteps, kStepS};
  key.add(std::span(reinterpret_cast<const std::uint8_t*>(numbers), sizeof numbers));
  key.add(*program);
  if (auto stored = read_cache_mapped(*cache_dir, key)) {  // restore copies it at once
    particles.emplace(flow, 0, kSeed);  // no particles to seed: restore brings them all
    if (particles->restore(flow, stored->bytes())) return true;
  }
  spread();
  (void)write_cache(*cache_dir, key, particles->to_bytes());
  return false;
}

}  // namespace

Expected<void> Simulation::load(const DataPaths& paths, const anatomy::Model& model, SetupTimes* times) {
  auto mark = [times](const char* step) { if (times) times->mark(step); };
  if (auto techniques = load_techniques(paths, model, times); !techniques) return techniques;
  const auto vein_file = paths.content / "anatomy" / "veins.toml";
  auto veins = anatomy::load_vein_network(vein_file);
  if (!veins) return std::unexpected(veins.error());
  auto flow = flow::FlowSystem::create(*veins, posture);
  if (!flow) return std::unexpected(flow.error());
  flow_ = std::move(*flow);
  mark("vein network + flow model");
  flow_->set_breathing(true);  // quiet breathing swings the groin flow, as in --simulate
  // Start from the resting steady state, not from empty veins (kept in the start-up cache).
  bool settled_before = false;
  flow::settle_cached(*flow_, 20.0, vein_file, cache_directory(), &settled_before);
  mark(settled_before ? "flow settled (from cache)" : "flow settles (20 s)");
  // Seed and spread the particles along the veins before the first frame is seen (kept in the start-up cache).
  const bool spread_before = spread_particles_cached(*flow_, particles_, vein_file, cache_directory());
  mark(spread_before ? "particles spread (from cache)" : "particles seeded + spread");
  return {};
}


Expected<void> Simulation::load_techniques(const DataPaths& paths, const anatomy::Model& model, SetupTimes* times) {
  auto poses = technique::load_poses(paths.content / "poses.toml");
  if (!poses) return std::unexpected(poses.error());
  poses_ = std::move(*poses);
  auto techniques = technique::load_techniques(paths.content / "techniques", poses_);
  if (!techniques) return std::unexpected(techniques.error());
  techniques_ = std::move(*techniques);
  stamp_sources(paths);
  if (times) times->mark("poses + techniques read");

  // The hands follow the real skin when there is one; foreign models get the analytic leg.
  surface_.reset();
  surface_stamp_ = 0;  // the analytic leg's
  bool cached = false;
  if (model.find("skin")) {
    auto fitted = anatomy::build_leg_surface_cached(model, cache_directory(), &cached);  // start-up cache
    if (fitted) {
      surface_stamp_ = leg_surface_stamp(fitted->to_bytes());  // the framings' key (framings())
      surface_ = std::make_unique<anatomy::MeshLegSurface>(std::move(*fitted));
    }
  }
  if (!surface_) surface_ = std::make_unique<anatomy::AnalyticLegSurface>();
  if (times) times->mark(cached ? "leg surface (from cache)" : "leg surface fitted to the skin");
  return {};
}

void Simulation::adopt_flow(flow::FlowSystem flow) {
  particles_.reset();
  flow_ = std::move(flow);
}

void Simulation::stamp_sources(const DataPaths& paths) {
  poses_stamp_ = file_stamp(paths.content / "poses.toml");
  technique_stamps_.clear();
  for (const auto& t : techniques_.all()) technique_stamps_[t.id] = file_stamp(t.file);
}

const TechniqueFramings* Simulation::framings() const {
  const technique::Technique* t = technique();
  if (!timeline_ || !t) return nullptr;
  const bool sitting = timeline_->client_sitting();
  if (!framed_ || framed_->timeline != timeline_.get() || framed_->sitting != sitting)
    framed_ = Framed{timeline_.get(), sitting,
                     framings_cached(*timeline_, {stamp_of(t->id), poses_stamp_, surface_stamp_}, cache_directory())};
  return &framed_->framings;
}

const technique::Technique* Simulation::technique() const {
  return technique_id_.empty() ? nullptr : techniques_.find(technique_id_);
}

Expected<void> Simulation::select_technique(const std::string& id, double at, double speed) {
  const technique::Technique* t = techniques_.find(id);
  if (!t) {
    std::string ids;
    for (const auto& known : techniques_.all()) ids += (ids.empty() ? "" : ", ") + known.id;
    return fail("unknown technique '" + id + "'; expected one of: " + ids);
  }
  technique_id_ = id;
  awaited_.reset();
  practice_.reset();
  framed_.reset();  // the old timeline's address may be reused by the new one
  timeline_ = std::make_unique<technique::Timeline>(*t, poses_, *surface_);
  playback_.emplace(timeline_->step_starts(), timeline_->duration());
  playback_->set_looping(true);
  playback_->set_speed(speed);
  playback_->seek(at);
  playback_->play();
  for (auto& trail : trails_) trail.clear();
  evaluate();
  return {};
}

Expected<void> Simulation::reload_techniques(const DataPaths& paths) {
  auto reloaded = technique::reload_content(paths.content / "poses.toml", paths.content / "techniques", poses_, techniques_);
  if (!reloaded) return reloaded;
  stamp_sources(paths);
  ++generation_;
  if (technique_id_.empty() && awaited_) {  // its file is back: resume where it stopped
    const Awaited a = *awaited_;
    if (auto picked = select_technique(a.id, a.at, a.speed); !picked) return picked;
    if (!a.playing) playback_->pause();
    return {};
  }
  if (!technique_id_.empty()) {
    const double t = playback_ ? playback_->time() : 0.0;
    const double speed = playback_ ? playback_->speed() : 1.0;
    const bool playing = playback_ && playback_->playing();
    const std::string id = technique_id_;
    if (auto picked = select_technique(id, t, speed); !picked) {
      clear_technique();  // the technique's file was removed
      awaited_ = Awaited{id, t, speed, playing};
      return picked;
    }
    if (!playing) playback_->pause();
  }
  return {};
}

void Simulation::clear_technique() {
  awaited_.reset();
  practice_.reset();
  technique_id_.clear();
  framed_.reset();
  timeline_.reset();
  playback_.reset();
  frame_ = {};
  contacts_.clear();
}

void Simulation::set_practice_hands(std::optional<technique::TechniqueFrame> hands) {
  practice_ = std::move(hands);
  evaluate();
}

void Simulation::evaluate() {
  contacts_.clear();
  if (!timeline_) return;
  // Sitting, the hands work where a sitting leg can be reached (technique/sitting_reach.hpp).
  timeline_->set_client_sitting(posture == flow::Posture::sitting);
  if (practice_) {
    frame_ = *practice_;
    frame_.caption = {};  // the practice panel says what is happening
    frame_.attend = {};
  } else {
    timeline_->evaluate(playback_->time(), frame_);
  }
  frame_.append_contacts(contacts_);
}

void Simulation::update(double dt) {
  advance_hands(dt);
  // Blood moves in real time even when the technique is slowed, so the physiology stays true.
  if (flow_) {
    // Pointing the foot (plantarflexion) contracts the calf, as in the built-in ankle-pump
    // rhythm: up to its 90 mmHg on the sinuses at 30 degrees (flow/drivers.hpp, an estimate).
    const double plantar = timeline_ ? std::clamp(-static_cast<double>(frame_.ankle_deg) / 30.0, 0.0, 1.0) : 0.0;
    flow::PumpPressures pumps = muscles;
    pumps.calf = std::max(pumps.calf, flow::kAnklePumps.peak_mmhg * plantar);
    flow_->set_pumps(pumps);
    flow_->set_knee_flexion(knee_flexion_deg);
    flow_->set_lying_up(lying_up);
    flow_->advance(dt, contacts_, posture);
    if (particles_) particles_->advect(*flow_, dt);
  }
}

void Simulation::advance_hands(double dt) {
  time_ += dt;
  if (playback_) {
    if (playback_->advance(dt))
      for (auto& trail : trails_) trail.clear();  // a loop starts the trail afresh
    evaluate();
    for (std::size_t h = 0; h < 2; ++h) {
      const auto& hand = frame_.hands[h];
      // The trail marks the undented skin just above the palm, so it stays visible.
      const glm::vec3 on_skin = glm::vec3(hand.transform[3]) + glm::vec3(hand.transform[1]) * (hand.indentation_m + 0.002f);
      if (hand.contact && !trails_hidden_) trails_[h].push(on_skin, hand.velocity, hand.pressure_mmhg, time_);
      trails_[h].prune(time_);
    }
  }
}

}  // namespace effleura::app
