#include "listlint/checking/workspace.h"

#include <algorithm>
#include <filesystem>
#include <mutex>
#include <system_error>
#include <unordered_map>

#include "listlint/model/document.h"

namespace listlint {
namespace fs = std::filesystem;

namespace {

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t b = 0;
  while (b <= path.size()) {
    std::size_t e = path.find('/', b);
    if (e == std::string::npos) e = path.size();
    if (e > b) parts.push_back(path.substr(b, e - b));
    b = e + 1;
  }
  return parts;
}

/// Models built once per path, on first use, by whichever thread asks first (the others wait).
class ModelCache {
 public:
  template <class Build>
  std::shared_ptr<const ListModel> get(const std::string& path, Build build) const {
    std::shared_ptr<Slot> slot;
    {
      std::lock_guard lock(mutex_);
      auto& s = slots_[path];
      if (!s) s = std::make_shared<Slot>();
      slot = s;
    }
    std::call_once(slot->once, [&] { slot->model = build(); });
    return slot->model;
  }

 private:
  struct Slot {
    std::once_flag once;
    std::shared_ptr<const ListModel> model;
  };
  mutable std::mutex mutex_;
  mutable std::unordered_map<std::string, std::shared_ptr<Slot>> slots_;
};

std::shared_ptr<const ListModel> model_of(LoadResult loaded) {
  if (loaded.error || !loaded.document) return nullptr;
  return std::make_shared<const ListModel>(build_model(*loaded.document));
}

class FilesystemWorkspace final : public Workspace {
 public:
  explicit FilesystemWorkspace(std::string root) : root_(std::move(root)) {}

  Kind kind(const std::string& path) const override {
    // Name by name through the cached listings, so that case matters even on a filesystem that
    // ignores it.
    std::string dir;
    Kind k = Kind::Directory;
    for (const std::string& part : split_path(path)) {
      if (k != Kind::Directory) return Kind::Missing;
      const auto list = listing(dir);
      const auto it = std::lower_bound(list->begin(), list->end(), part,
                                       [](const auto& e, const std::string& n) { return e.first < n; });
      if (it == list->end() || it->first != part) return Kind::Missing;
      k = it->second;
      dir = dir.empty() ? part : dir + "/" + part;
    }
    return k;
  }

  std::vector<std::string> entries(const std::string& path) const override {
    std::vector<std::string> out;
    if (kind(path) != Kind::Directory) return out;
    for (const auto& e : *listing(path)) out.push_back(e.first);
    return out;
  }

  std::shared_ptr<const ListModel> model(const std::string& path) const override {
    if (kind(path) != Kind::File) return nullptr;
    return models_.get(path, [&] { return model_of(load_document(full(path))); });
  }

 private:
  using Listing = std::vector<std::pair<std::string, Kind>>;

  std::string full(const std::string& path) const { return path.empty() ? root_ : root_ + "/" + path; }

  std::shared_ptr<const Listing> listing(const std::string& dir) const {
    {
      std::lock_guard lock(mutex_);
      if (auto it = listings_.find(dir); it != listings_.end()) return it->second;
    }
    auto list = std::make_shared<Listing>();
    std::error_code ec;
    for (fs::directory_iterator it(full(dir), ec), end; !ec && it != end; it.increment(ec)) {
      std::error_code kec;
      const bool is_dir = it->is_directory(kec);  // follows symbolic links
      const bool exists = is_dir || it->exists(kec);
      if (exists) list->emplace_back(it->path().filename().string(), is_dir ? Kind::Directory : Kind::File);
    }
    std::sort(list->begin(), list->end());
    std::lock_guard lock(mutex_);
    return listings_.emplace(dir, std::move(list)).first->second;
  }

  std::string root_;
  mutable std::mutex mutex_;
  mutable std::unordered_map<std::string, std::shared_ptr<const Listing>> listings_;
  ModelCache models_;
};

class MemoryWorkspace final : public Workspace {
 public:
  explicit MemoryWorkspace(std::map<std::string, std::string> files) : files_(std::move(files)) {}

  Kind kind(const std::string& path) const override {
    if (path.empty()) return Kind::Directory;
    if (files_.count(path)) return Kind::File;
    const std::string prefix = path + "/";
    const auto it = files_.lower_bound(prefix);
    return it != files_.end() && it->first.compare(0, prefix.size(), prefix) == 0 ? Kind::Directory : Kind::Missing;
  }

  std::vector<std::string> entries(const std::string& path) const override {
    std::vector<std::string> out;
    if (kind(path) != Kind::Directory) return out;
    const std::string prefix = path.empty() ? "" : path + "/";
    for (auto it = files_.lower_bound(prefix); it != files_.end() && it->first.compare(0, prefix.size(), prefix) == 0;
         ++it) {
      const std::string rest = it->first.substr(prefix.size());
      std::string name = rest.substr(0, rest.find('/'));
      if (out.empty() || out.back() != name) out.push_back(std::move(name));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  std::shared_ptr<const ListModel> model(const std::string& path) const override {
    const auto it = files_.find(path);
    if (it == files_.end()) return nullptr;
    return models_.get(path, [&] { return model_of(make_document(path, it->second)); });
  }

 private:
  std::map<std::string, std::string> files_;
  ModelCache models_;
};

}  // namespace

std::unique_ptr<Workspace> filesystem_workspace(std::string root) {
  return std::make_unique<FilesystemWorkspace>(std::move(root));
}

std::unique_ptr<Workspace> memory_workspace(std::map<std::string, std::string> files) {
  return std::make_unique<MemoryWorkspace>(std::move(files));
}

std::optional<std::string> repository_root(const std::string& file) {
  std::error_code ec;
  fs::path abs = fs::absolute(fs::path(file), ec);
  if (ec) abs = fs::path(file);
  const fs::path folder = abs.lexically_normal().parent_path();
  for (fs::path p = folder;; p = p.parent_path()) {
    if (fs::exists(p / ".git", ec)) return p.string();
    if (p == p.parent_path() || p.empty()) break;
  }
  return std::nullopt;
}

std::string workspace_path(const std::string& root, const std::string& file) {
  std::error_code ec;
  fs::path abs = fs::absolute(fs::path(file), ec);
  if (ec) abs = fs::path(file);
  return abs.lexically_normal().lexically_relative(fs::path(root)).generic_string();
}

}  // namespace listlint
