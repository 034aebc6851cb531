#include "listlint/spelling.h"

#include <hunspell/hunspell.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace listlint {

Speller::~Speller() {
  if (handle_) Hunspell_destroy(static_cast<Hunhandle*>(handle_));
  if (alt_) Hunspell_destroy(static_cast<Hunhandle*>(alt_));
}

bool Speller::known_alt(std::string_view word) const {
  if (!alt_tried_) {
    alt_tried_ = true;
    std::ifstream probe(alt_path_ + ".dic");
    if (probe) alt_ = Hunspell_create((alt_path_ + ".aff").c_str(), (alt_path_ + ".dic").c_str());
  }
  if (!alt_) return false;
  return Hunspell_spell(static_cast<Hunhandle*>(alt_), std::string(word).c_str()) != 0;
}

std::unique_ptr<Speller> Speller::load(const SpellerPaths& paths, std::string* error) {
  std::unique_ptr<Speller> s(new Speller());
  const std::string aff = paths.hunspell + ".aff", dic = paths.hunspell + ".dic";
  for (const std::string* f : {&aff, &dic, &paths.corrections}) {
    std::ifstream probe(*f);
    if (!probe) {
      if (error) *error = *f + ": " + std::strerror(errno) + " (install hunspell-en-us and codespell: tools/setup.sh)";
      return nullptr;
    }
  }
  s->handle_ = Hunspell_create(aff.c_str(), dic.c_str());
  s->alt_path_ = paths.hunspell_alt;
  if (!s->handle_) {
    if (error) *error = dic + ": Hunspell cannot load this dictionary";
    return nullptr;
  }
  // Plain stems answer most lookups without Hunspell's affix work.
  {
    std::ifstream in(dic);
    std::string line;
    std::getline(in, line);  // the word count
    while (std::getline(in, line)) {
      std::size_t end = line.find_first_of("/\t ");
      std::string w = line.substr(0, end);
      bool ascii = !w.empty();
      for (char& c : w) {
        if (static_cast<unsigned char>(c) >= 0x80) ascii = false;
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      }
      if (ascii) s->stems_.insert(std::move(w));
    }
  }
  // codespell: "misspelling->correction[, correction...]" per line; "word->a, b," (a trailing
  // comma) marks a correction codespell will not apply by itself.
  std::ifstream in(paths.corrections);
  std::string line;
  while (std::getline(in, line)) {
    const std::size_t arrow = line.find("->");
    if (arrow == std::string::npos || arrow == 0) continue;
    std::string from = line.substr(0, arrow);
    std::vector<std::string> to;
    std::string cur;
    for (char c : line.substr(arrow + 2) + ",") {
      if (c == ',') {
        while (!cur.empty() && cur.front() == ' ') cur.erase(cur.begin());
        while (!cur.empty() && cur.back() == ' ') cur.pop_back();
        if (!cur.empty()) to.push_back(cur);
        cur.clear();
      } else {
        cur += c;
      }
    }
    if (!to.empty()) s->corrections_.emplace(std::move(from), std::move(to));
  }
  if (s->corrections_.empty()) {
    if (error) *error = paths.corrections + ": no corrections in this file";
    return nullptr;
  }
  return s;
}

bool Speller::known(std::string_view word) const {
  std::string key(word);
  auto it = memo_.find(key);
  if (it != memo_.end()) return it->second;
  std::string lower = key;
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  const bool ok = stems_.count(lower) > 0 || Hunspell_spell(static_cast<Hunhandle*>(handle_), key.c_str()) != 0;
  memo_.emplace(std::move(key), ok);
  return ok;
}

std::vector<std::string> Speller::suggest(std::string_view word) const {
  char** list = nullptr;
  const std::string w(word);
  const int n = Hunspell_suggest(static_cast<Hunhandle*>(handle_), &list, w.c_str());
  std::vector<std::string> out;
  for (int i = 0; i < n; ++i) out.emplace_back(list[i]);
  if (list) Hunspell_free_list(static_cast<Hunhandle*>(handle_), &list, n);
  return out;
}

const std::vector<std::string>* Speller::corrections(std::string_view lower_word) const {
  auto it = corrections_.find(std::string(lower_word));
  return it == corrections_.end() ? nullptr : &it->second;
}

}  // namespace listlint
