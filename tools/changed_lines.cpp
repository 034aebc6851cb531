#include "changed_lines.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <vector>

#include "listlint/checking/baseline.h"

extern char** environ;

namespace listlint::cli {
namespace {
namespace fs = std::filesystem;

struct GitRun {
  bool started = false;  ///< false: git could not be run at all (see `output`)
  int status = -1;       ///< the exit status
  std::string output;    ///< standard output and standard error, in order
};

// Runs `git -C dir ARGS...` without a shell; standard input is /dev/null.
GitRun git(const std::string& dir, const std::vector<std::string>& args) {
  GitRun r;
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) {
    r.output = std::string("cannot run git: ") + std::strerror(errno);
    return r;
  }
  std::vector<std::string> argv_s = {"git", "--no-pager", "-C", dir};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
  posix_spawn_file_actions_adddup2(&fa, fds[1], 2);
  pid_t pid = 0;
  const int rc = ::posix_spawnp(&pid, "git", &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  ::close(fds[1]);
  if (rc != 0) {
    ::close(fds[0]);
    r.output = rc == ENOENT ? "git is not installed (or not on PATH); --changed-since needs it"
                            : std::string("cannot run git: ") + std::strerror(rc);
    return r;
  }
  r.started = true;
  char buf[65536];
  for (;;) {
    const ssize_t n = ::read(fds[0], buf, sizeof buf);
    if (n > 0) r.output.append(buf, static_cast<std::size_t>(n));
    else if (n == 0 || errno != EINTR) break;
  }
  ::close(fds[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
  return r;
}

std::string first_line(const std::string& s) {
  std::string l = s.substr(0, s.find('\n'));
  if (l.rfind("fatal: ", 0) == 0) l = l.substr(7);
  return l;
}

}  // namespace

std::optional<ChangedLines> GitChanges::of(const std::string& file, std::string& error) {
  std::error_code ec;
  fs::path path = fs::canonical(file, ec);
  if (ec) path = fs::absolute(file, ec);
  const std::string dir = path.parent_path().string();
  const GitRun top = git(dir, {"rev-parse", "--show-toplevel"});
  if (!top.started) {
    error = top.output;
    return std::nullopt;
  }
  if (top.status != 0) {
    error = "not in a git repository (--changed-since compares with a git ref)";
    return std::nullopt;
  }
  const std::string root = top.output.substr(0, top.output.find('\n'));
  auto [it, fresh] = checked_roots_.try_emplace(root);
  if (fresh) {
    const GitRun ref = git(root, {"rev-parse", "--verify", "--quiet", "--end-of-options", ref_ + "^{commit}"});
    if (ref.status != 0) it->second = "unknown git ref \"" + ref_ + "\" in " + root;
  }
  if (it->second) {
    error = *it->second;
    return std::nullopt;
  }
  ChangedLines out;
  const GitRun tracked = git(dir, {"ls-files", "--error-unmatch", "--", path.string()});
  if (tracked.status != 0) {
    out.all = true;  // not tracked yet: all of it is new
    return out;
  }
  const GitRun diff = git(dir, {"diff", "--no-color", "--no-ext-diff", "--no-textconv", "--unified=0", ref_, "--",
                                path.string()});
  if (diff.status != 0) {
    error = "git diff " + ref_ + " failed: " + first_line(diff.output);
    return std::nullopt;
  }
  out.lines = added_lines(diff.output);
  return out;
}

}  // namespace listlint::cli
