#include "core/video_encoder.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <algorithm>
#include <sstream>
#include <system_error>

#include "core/files.hpp"
#include "core/log.hpp"
#include "core/png.hpp"


extern char** environ;

namespace effleura {
namespace {

constexpr const char* kMissingFfmpeg =
    "ffmpeg is not installed; install the Debian package ffmpeg, or use --frames-dir DIR for "
    "PNG frames";

std::string errno_text(int err) { return std::error_code(err, std::generic_category()).message(); }

bool is_executable_file(const std::filesystem::path& p) {
  struct stat st {};
  return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(p.c_str(), X_OK) == 0;
}

std::string format_number(double v) {
  std::ostringstream s;
  s.precision(10);
  s << v;
  return s.str();
}

// Blocks SIGPIPE for this thread while alive, so a write to a pipe whose reader died returns
// EPIPE instead of killing the program; a SIGPIPE raised meanwhile is consumed before the
// old mask comes back. Nothing global changes (other threads and handlers are left alone).
class SigpipeGuard {
 public:
  SigpipeGuard() {
    sigemptyset(&set_);
    sigaddset(&set_, SIGPIPE);
    sigset_t pending;
    sigemptyset(&pending);
    sigpending(&pending);
    was_pending_ = sigismember(&pending, SIGPIPE) == 1;
    pthread_sigmask(SIG_BLOCK, &set_, &old_);
  }
  ~SigpipeGuard() {
    if (!was_pending_) {
      sigset_t pending;
      sigemptyset(&pending);
      sigpending(&pending);
      if (sigismember(&pending, SIGPIPE) == 1) {
        const timespec zero{0, 0};
        while (sigtimedwait(&set_, nullptr, &zero) == -1 && errno == EINTR) {
        }
      }
    }
    pthread_sigmask(SIG_SETMASK, &old_, nullptr);
  }
  SigpipeGuard(const SigpipeGuard&) = delete;
  SigpipeGuard& operator=(const SigpipeGuard&) = delete;

 private:
  sigset_t set_{};
  sigset_t old_{};
  bool was_pending_ = false;
};

struct Spawned {
  pid_t pid = -1;
};

// Starts argv[0] (a full path) with the given fds as stdin/stdout/stderr (-1: /dev/null).
Expected<Spawned> spawn(const std::vector<std::string>& args, int in_fd, int out_fd, int err_fd) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  auto route = [&](int fd, int target, int flags) {
    if (fd >= 0)
      posix_spawn_file_actions_adddup2(&actions, fd, target);
    else
      posix_spawn_file_actions_addopen(&actions, target, "/dev/null", flags, 0);
  };
  route(in_fd, 0, O_RDONLY);
  route(out_fd, 1, O_WRONLY);
  route(err_fd, 2, O_WRONLY);
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  Spawned s;
  const int rc = posix_spawn(&s.pid, args[0].c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return fail("cannot start " + args[0] + ": " + errno_text(rc));
  return s;
}

int wait_for(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) == -1) {
    if (errno != EINTR) return -1;
  }
  return status;
}

// Runs a short command and returns what it printed on stdout (used to list encoders).
Expected<std::string> capture_stdout(const std::vector<std::string>& args) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return fail("cannot create a pipe: " + errno_text(errno));
  auto child = spawn(args, -1, fds[1], -1);
  ::close(fds[1]);
  if (!child) {
    ::close(fds[0]);
    return std::unexpected(child.error());
  }
  std::string out;
  char buf[4096];
  for (;;) {
    const ssize_t n = ::read(fds[0], buf, sizeof buf);
    if (n > 0) {
      out.append(buf, static_cast<std::size_t>(n));
    } else if (n == 0 || errno != EINTR) {
      break;
    }
  }
  ::close(fds[0]);
  const int status = wait_for(child->pid);
  if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
    return fail(args[0] + " " + args[1] + " failed");
  return out;
}

}  // namespace

std::optional<std::filesystem::path> find_program(const std::string& program) {
  if (program.empty()) return std::nullopt;
  if (program.find('/') != std::string::npos) {
    if (is_executable_file(program)) return std::filesystem::path(program);
    return std::nullopt;
  }
  const char* path_env = std::getenv("PATH");
  const std::string path = path_env ? path_env : "/usr/local/bin:/usr/bin:/bin";
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t end = std::min(path.find(':', start), path.size());
    std::string dir = path.substr(start, end - start);
    if (dir.empty()) dir = ".";
    const auto candidate = std::filesystem::path(dir) / program;
    if (is_executable_file(candidate)) return candidate;
    start = end + 1;
  }
  return std::nullopt;
}

Expected<VideoEncoder> VideoEncoder::start(const VideoSettings& settings) {
  const std::string out = settings.output.string();
  if (settings.width <= 0 || settings.height <= 0 || settings.width > 16384 ||
      settings.height > 16384)
    return fail("video size must be between 2x2 and 16384x16384 pixels", out);
  if (settings.width % 2 != 0 || settings.height % 2 != 0)
    return fail("video width and height must be even (H.264 with yuv420p halves the colour planes); got " +
                    std::to_string(settings.width) + "x" + std::to_string(settings.height),
                out);
  if (!(settings.fps > 0.0 && settings.fps <= 240.0))
    return fail("frame rate must be above 0 and at most 240 frames per second", out);
  if (out.empty()) return fail("no output file given for the video");
  const auto parent = settings.output.parent_path();
  std::error_code ec;
  if (!parent.empty() && !std::filesystem::is_directory(parent, ec))
    return fail("the folder " + parent.string() + " does not exist", out);
  struct stat st {};
  if (::stat(settings.output.c_str(), &st) == 0 && !S_ISREG(st.st_mode))
    return fail("exists and is not a regular file; refusing to replace it", out);
  if (!(settings.stall_seconds > 0.0)) return fail("the encoder watchdog needs a positive time", out);

  const auto program = find_program(settings.program);
  if (!program) {
    std::string message = kMissingFfmpeg;
    if (settings.program != "ffmpeg") message += " (looked for '" + settings.program + "')";
    return fail(message, out);
  }

  VideoEncoder enc;
  enc.settings_ = settings;
  // Debian's ffmpeg has libx264; a self-built one may not, and mpeg4 is always built in.
  if (is_video_codec(settings.codec)) {
    enc.codec_ = settings.codec;
  } else {
    auto encoders = capture_stdout({program->string(), "-hide_banner", "-encoders"});
    enc.codec_ = (encoders && encoders->find(" libx264 ") != std::string::npos) ? "libx264" : "mpeg4";
  }
  log::info("video: encoding " + out + " with " + enc.codec_);

  // ffmpeg's stderr goes to a temp file rather than a second pipe: nothing to drain while
  // frames are written, and the whole text is there to quote if it fails.
  std::string templ = (std::filesystem::temp_directory_path(ec) / "effleura-ffmpeg-XXXXXX").string();
  std::vector<char> name(templ.begin(), templ.end());
  name.push_back('\0');
  const int err_fd = ::mkostemp(name.data(), O_CLOEXEC);
  if (err_fd < 0) return fail("cannot create a temporary file for ffmpeg's messages: " + errno_text(errno));
  enc.stderr_file_ = name.data();

  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) {
    ::close(err_fd);
    return fail("cannot create a pipe to ffmpeg: " + errno_text(errno));
  }
  std::vector<std::string> args{program->string(), "-hide_banner", "-loglevel", "error",
                                "-f", "rawvideo", "-pix_fmt", "rgba",
                                "-s", std::to_string(settings.width) + "x" + std::to_string(settings.height),
                                "-r", format_number(settings.fps), "-i", "-", "-c:v", enc.codec_};
  if (enc.codec_ == "libx264" && !settings.x264_preset.empty()) {
    args.insert(args.end(), {"-preset", settings.x264_preset});
  } else if (enc.codec_ == "mpeg4") {
    args.insert(args.end(), {"-q:v", "3"});  // mpeg4's default quality is visibly blocky
  }
  if (settings.bottom_up) args.insert(args.end(), {"-vf", "vflip"});
  // "file:" makes ffmpeg take the name as a plain file: a name starting with '-' is not an
  // option and one like "pipe:1" or "http:x.mp4" is not a protocol.
  args.insert(args.end(), {"-pix_fmt", "yuv420p", "-movflags", "+faststart", "-y", "file:" + out});
  auto child = spawn(args, fds[0], -1, err_fd);
  ::close(fds[0]);
  ::close(err_fd);
  if (!child) {
    ::close(fds[1]);
    return std::unexpected(child.error());
  }
  enc.pid_ = child->pid;
  enc.pipe_fd_ = fds[1];
  // Non-blocking, so a stalled ffmpeg can never hold a write: wait_writable() waits instead,
  // with the watchdog. (Only our end: ffmpeg's stdin is a separate open file.)
  (void)::fcntl(enc.pipe_fd_, F_SETFL, ::fcntl(enc.pipe_fd_, F_GETFL) | O_NONBLOCK);
  // A larger pipe (Linux allows 1 MiB to anyone) lets a frame be handed over in a few large
  // writes instead of 58 small ones, so rendering and encoding overlap instead of taking turns.
  // Best effort: if refused, the default 64 KiB still works, only slower.
#ifdef F_SETPIPE_SZ
  (void)::fcntl(enc.pipe_fd_, F_SETPIPE_SZ, 1 << 20);
#endif
  return enc;
}

VideoEncoder::VideoEncoder(VideoEncoder&& other) noexcept { *this = std::move(other); }

VideoEncoder& VideoEncoder::operator=(VideoEncoder&& other) noexcept {
  if (this != &other) {
    release();
    settings_ = std::move(other.settings_);
    codec_ = std::move(other.codec_);
    pid_ = other.pid_;
    pipe_fd_ = other.pipe_fd_;
    stderr_file_ = std::move(other.stderr_file_);
    frames_ = other.frames_;
    result_ = std::move(other.result_);
    other.pid_ = -1;
    other.pipe_fd_ = -1;
    other.stderr_file_.clear();
  }
  return *this;
}

VideoEncoder::~VideoEncoder() { release(); }

void VideoEncoder::release() {
  close_pipe();
  if (pid_ > 0) (void)reap();  // stdin is closed, so ffmpeg ends by itself (or the watchdog ends it)
  if (!stderr_file_.empty()) {
    std::error_code ec;
    std::filesystem::remove(stderr_file_, ec);
    stderr_file_.clear();
  }
}

void VideoEncoder::close_pipe() {
  if (pipe_fd_ >= 0) {
    ::close(pipe_fd_);
    pipe_fd_ = -1;
  }
}

std::string VideoEncoder::stderr_tail() const {
  std::ifstream in(stderr_file_, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  std::string text = s.str();
  constexpr std::size_t kMax = 1500;
  if (text.size() > kMax) text = "..." + text.substr(text.size() - kMax);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' '))
    text.pop_back();
  return text.empty() ? "(ffmpeg printed nothing)" : text;
}

Expected<void> VideoEncoder::reap() {
  if (pid_ <= 0) return {};
  // Flushing the last frames takes ffmpeg a few seconds at most; past the watchdog's time it
  // is stopped, so a hung encoder cannot hold the program at the end either.
  int status = 0;
  for (double waited = 0.0;; waited += 0.01) {
    const pid_t r = ::waitpid(pid_, &status, WNOHANG);
    if (r == pid_) break;
    if (r == -1 && errno != EINTR) { status = -1; break; }
    if (waited > settings_.stall_seconds) {
      ::kill(pid_, SIGKILL);
      status = wait_for(pid_);
      break;
    }
    ::usleep(10000);
  }
  pid_ = -1;
  const std::string out = settings_.output.string();
  if (status == -1) return fail("lost track of the ffmpeg process", out);
  if (WIFSIGNALED(status))
    return fail("ffmpeg was stopped by signal " + std::to_string(WTERMSIG(status)) + ": " + stderr_tail(), out);
  if (WIFEXITED(status) && WEXITSTATUS(status) != 0)
    return fail("ffmpeg failed (exit status " + std::to_string(WEXITSTATUS(status)) +
                    "): " + stderr_tail(),
                out);
  return {};
}

bool VideoEncoder::wait_writable() {
  const int timeout_ms = static_cast<int>(std::min(settings_.stall_seconds, 86400.0) * 1000.0);
  pollfd pfd{pipe_fd_, POLLOUT, 0};
  for (;;) {
    const int n = ::poll(&pfd, 1, timeout_ms);
    if (n > 0) return true;  // writable, or an error the write will report
    if (n < 0 && errno == EINTR) continue;
    if (n == 0 && pid_ > 0) ::kill(pid_, SIGKILL);  // stalled: the watchdog ends it
    return n != 0;
  }
}

// ffmpeg can exit 0 after a write error on the output (a full disk ends the file early with
// only a message); anything it printed at "-loglevel error", or a missing or empty file,
// means the video is not whole.
Expected<void> VideoEncoder::check_output() const {
  const std::string out = settings_.output.string();
  std::error_code ec;
  std::ifstream in(stderr_file_, std::ios::binary);
  const bool printed = in && in.peek() != std::ifstream::traits_type::eof();
  if (printed) return fail("ffmpeg reported an error: " + stderr_tail(), out);
  struct stat st {};
  if (::stat(settings_.output.c_str(), &st) != 0 || !S_ISREG(st.st_mode) || st.st_size == 0)
    return fail("ffmpeg finished but left no video file", out);
  return {};
}

Expected<void> VideoEncoder::write_frame(std::span<const std::uint8_t> rgba) {
  const std::string out = settings_.output.string();
  if (result_) return fail("the video is already finished; no more frames can be added", out);
  const std::size_t expected = static_cast<std::size_t>(settings_.width) *
                               static_cast<std::size_t>(settings_.height) * 4u;
  if (rgba.size() != expected)
    return fail("frame " + std::to_string(frames_) + " has " + std::to_string(rgba.size()) +
                    " bytes; expected " + std::to_string(expected) + " (" +
                    std::to_string(settings_.width) + "x" + std::to_string(settings_.height) + " RGBA)",
                out);
  const std::uint8_t* p = rgba.data();
  std::size_t left = rgba.size();
  int err = 0;
  {
    SigpipeGuard guard;
    while (left > 0) {
      if (!wait_writable()) {
        err = ETIMEDOUT;
        break;
      }
      const ssize_t n = ::write(pipe_fd_, p, left);
      if (n > 0) {
        p += n;
        left -= static_cast<std::size_t>(n);
      } else if (n < 0 && (errno == EINTR || errno == EAGAIN)) {
        continue;
      } else {
        err = n < 0 ? errno : EIO;
        break;
      }
    }
  }
  if (err != 0) {
    close_pipe();
    auto status = reap();
    std::string message = "ffmpeg stopped accepting frames at frame " + std::to_string(frames_);
    if (err == ETIMEDOUT)
      message = "ffmpeg took no data for " + format_number(settings_.stall_seconds) +
                " s at frame " + std::to_string(frames_) + " and was stopped";
    else
      message += status ? " (" + errno_text(err) + ")" : ": " + status.error().message;
    result_ = std::unexpected(Error{message, out, 0, 0, {}});
    return std::unexpected(result_->error());
  }
  ++frames_;
  return {};
}

Expected<void> VideoEncoder::finish() {
  if (result_) return *result_;
  close_pipe();
  auto status = reap();
  if (status && frames_ == 0)
    status = fail("no frames were written, so there is no video", settings_.output.string());
  if (status) status = check_output();
  result_ = status;
  if (!stderr_file_.empty()) {
    std::error_code ec;
    std::filesystem::remove(stderr_file_, ec);
    stderr_file_.clear();
  }
  return *result_;
}

Expected<FrameSequenceWriter> FrameSequenceWriter::open(const std::filesystem::path& dir,
                                                        int width, int height) {
  if (width <= 0 || height <= 0) return fail("frame size must be positive", dir.string());
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec || !std::filesystem::is_directory(dir))
    return fail("cannot create the frames folder: " + (ec ? ec.message() : "not a folder"), dir.string());
  FrameSequenceWriter w;
  w.dir_ = dir;
  w.width_ = width;
  w.height_ = height;
  return w;
}

std::filesystem::path FrameSequenceWriter::frame_path(int index) const {
  char name[32];
  std::snprintf(name, sizeof name, "frame_%06d.png", index);
  return dir_ / name;
}

Expected<void> FrameSequenceWriter::write_frame(std::span<const std::uint8_t> rgba) {
  auto written = write_png_file(frame_path(frames_), rgba, width_, height_);
  if (!written) return written;
  ++frames_;
  return {};
}

}  // namespace effleura
