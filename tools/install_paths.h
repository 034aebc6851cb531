#pragma once
// Files of the installation, found from the executable: an installed prefix, or the build tree,
// which has the same layout relative to the executable's folder (build/tools -> build/share, build/lib).

#include <cstdlib>
#include <filesystem>
#include <string>

namespace listlint::cli {

/// `$env_var` when set, else `relative` (to the prefix) beside the executable's bin/ folder.
inline std::string installed_file(const char* env_var, const std::filesystem::path& relative) {
  if (const char* env = std::getenv(env_var); env && *env) return env;
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return relative.string();
  return (exe.parent_path().parent_path() / relative).string();
}

}  // namespace listlint::cli
