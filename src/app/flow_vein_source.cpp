#include "app/flow_vein_source.hpp"

#include "core/files.hpp"

namespace effleura::app {

bool VeinSource::holds(const anatomy::VeinNetwork& network) {
  auto text = read_text_file(path_);
  if (!text) return false;
  if (!bytes_ || *bytes_ != *text) {
    auto parsed = anatomy::parse_vein_network(*text, path_.string());
    ++parses_;
    network_ = parsed ? std::optional(std::move(*parsed)) : std::nullopt;
    bytes_ = std::move(*text);
  }
  return network_ && *network_ == network;
}

}  // namespace effleura::app
