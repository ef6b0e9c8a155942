// App-level logic that needs no GL (lives with the render tests, which link the app).
#include <doctest/doctest.h>

#include "app/flow_history.hpp"

using effleura::app::FlowHistory;

TEST_CASE("flow history keeps 20 Hz samples, oldest first, and the last 30 s only") {
  FlowHistory h;
  for (int i = 0; i < 100; ++i) h.record(i * 0.01, float(i), 2.0f * float(i), 3.0f);  // 1 s at 100 Hz
  const auto femoral = h.series(0);
  REQUIRE(femoral.size() == 20);  // one sample per 50 ms
  CHECK(femoral.front() == 0.0f);
  CHECK(femoral[1] == 5.0f);
  CHECK(h.series(1)[1] == 10.0f);
  for (int i = 0; i < 2000; ++i) h.record(1.0 + i * 0.05, 7.0f, 7.0f, 7.0f);
  CHECK(h.size() == FlowHistory::kSamples);
  CHECK(h.series(0).front() == 7.0f);
}

TEST_CASE("time going backwards starts a fresh history") {
  FlowHistory h;
  for (int i = 0; i < 10; ++i) h.record(i * 0.05, 1.0f, 1.0f, 1.0f);
  h.record(0.0, 2.0f, 2.0f, 2.0f);
  REQUIRE(h.size() == 1);
  CHECK(h.series(2).front() == 2.0f);
}

TEST_CASE("at 30 fps the history still takes 20 samples a second, so 600 are the plots' 30 s") {
  FlowHistory h;
  for (int i = 0; i < 90; ++i) h.record(i / 30.0, 1.0f, 1.0f, 1.0f);  // 3 s at 30 fps
  CHECK(h.size() >= 59);  // was 45: one every other frame
  CHECK(h.size() <= 61);
}
