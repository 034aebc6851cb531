#include "model/html.h"

#include <algorithm>
#include <cstring>

namespace listlint::html {
namespace {

bool is_name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_name_char(char c) {
  return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == ':' || c == '_' || c == '.';
}
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

void append_utf8(std::string& out, unsigned long cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

struct Entity {
  const char* name;
  unsigned long cp;
};
// The named references that appear in lists; unknown names are left as written.
constexpr Entity kEntities[] = {
    {"amp", '&'},       {"lt", '<'},          {"gt", '>'},         {"quot", '"'},
    {"apos", '\''},     {"nbsp", 0xA0},       {"ensp", 0x2002},    {"emsp", 0x2003},
    {"thinsp", 0x2009}, {"zwnj", 0x200C},     {"zwj", 0x200D},     {"ndash", 0x2013},
    {"mdash", 0x2014},  {"lsquo", 0x2018},    {"rsquo", 0x2019},   {"ldquo", 0x201C},
    {"rdquo", 0x201D},  {"hellip", 0x2026},   {"middot", 0xB7},    {"bull", 0x2022},
    {"copy", 0xA9},     {"reg", 0xAE},        {"trade", 0x2122},   {"laquo", 0xAB},
    {"raquo", 0xBB},    {"times", 0xD7},      {"rarr", 0x2192},    {"larr", 0x2190},
    {"uarr", 0x2191},   {"darr", 0x2193},     {"star", 0x2606},    {"check", 0x2713},
    {"deg", 0xB0},      {"euro", 0x20AC},     {"pound", 0xA3},     {"yen", 0xA5},
    {"sect", 0xA7},     {"para", 0xB6},       {"frac12", 0xBD},    {"shy", 0xAD},
    {"emsp13", 0x2004}, {"vert", '|'},        {"verbar", '|'},     {"num", '#'},
    {"lbrack", '['},    {"rbrack", ']'},      {"lpar", '('},       {"rpar", ')'},
    {"ast", '*'},       {"lowbar", '_'},      {"grave", '`'},      {"colon", ':'},
};

}  // namespace

const Attribute* Tag::attr(std::string_view n) const {
  for (const auto& a : attributes)
    if (a.name == n) return &a;
  return nullptr;
}

std::vector<Tag> scan_tags(std::string_view s) {
  std::vector<Tag> tags;
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (true) {
    i = s.find('<', i);
    if (i == std::string_view::npos || i + 1 >= n) break;
    const std::size_t start = i;
    if (s.compare(i, 4, "<!--") == 0) {
      const std::size_t close = s.find("-->", i + 4);
      const std::size_t end = close == std::string_view::npos ? n : close + 3;
      Tag t;
      t.comment = true;
      t.begin = start;
      t.end = end;
      tags.push_back(std::move(t));
      i = end;
      continue;
    }
    std::size_t j = i + 1;
    Tag t;
    if (s[j] == '/') { t.closing = true; ++j; }
    if (j >= n || !is_name_start(s[j])) { i = start + 1; continue; }
    const std::size_t name_begin = j;
    while (j < n && is_name_char(s[j])) ++j;
    t.name.reserve(j - name_begin);
    for (std::size_t k = name_begin; k < j; ++k) t.name += lower(s[k]);
    bool ok = false;
    while (j < n) {
      while (j < n && is_space(s[j])) ++j;
      if (j >= n) break;
      if (s[j] == '>') { ok = true; ++j; break; }
      if (s[j] == '/' && j + 1 < n && s[j + 1] == '>') { t.self_closing = true; ok = true; j += 2; break; }
      if (!(is_name_start(s[j]) || s[j] == '_' || s[j] == ':' || s[j] == '@')) break;
      Attribute a;
      const std::size_t an = j;
      while (j < n && !is_space(s[j]) && s[j] != '=' && s[j] != '>' && s[j] != '/' ) ++j;
      for (std::size_t k = an; k < j; ++k) a.name += lower(s[k]);
      a.value_begin = a.value_end = j;  // no value: an empty range just after the name
      std::size_t k = j;
      while (k < n && is_space(s[k])) ++k;
      if (k < n && s[k] == '=') {
        ++k;
        while (k < n && is_space(s[k])) ++k;
        if (k >= n) break;
        if (s[k] == '"' || s[k] == '\'') {
          const char q = s[k];
          const std::size_t close = s.find(q, k + 1);
          if (close == std::string_view::npos) break;
          a.value_begin = k + 1;
          a.value_end = close;
          j = close + 1;
        } else {
          const std::size_t vb = k;
          while (k < n && !is_space(s[k]) && s[k] != '>' && s[k] != '"' && s[k] != '\'' &&
                 s[k] != '=' && s[k] != '<' && s[k] != '`')
            ++k;
          a.value_begin = vb;
          a.value_end = k;
          j = k;
        }
        a.value = std::string(s.substr(a.value_begin, a.value_end - a.value_begin));
      }
      t.attributes.push_back(std::move(a));
    }
    if (!ok) { i = start + 1; continue; }
    t.begin = start;
    t.end = j;
    tags.push_back(std::move(t));
    i = j;
  }
  return tags;
}

std::string decode_entities(std::string_view s) {
  if (s.find('&') == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] != '&') { out += s[i++]; continue; }
    const std::size_t semi = s.find(';', i + 1);
    if (semi == std::string_view::npos || semi - i > 32) { out += s[i++]; continue; }
    const std::string_view body = s.substr(i + 1, semi - i - 1);
    bool done = false;
    if (!body.empty() && body[0] == '#') {
      unsigned long cp = 0;
      bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
      std::size_t k = hex ? 2 : 1;
      bool any = false;
      for (; k < body.size(); ++k) {
        const char c = body[k];
        int d;
        if (c >= '0' && c <= '9') d = c - '0';
        else if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
        else if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
        else break;
        cp = cp * (hex ? 16 : 10) + static_cast<unsigned long>(d);
        if (cp > 0x10FFFF) cp = 0x110000;
        any = true;
      }
      if (any && k == body.size()) { append_utf8(out, cp); done = true; }
    } else {
      for (const auto& e : kEntities) {
        if (body == e.name) { append_utf8(out, e.cp); done = true; break; }
      }
    }
    if (done) { i = semi + 1; } else { out += s[i++]; }
  }
  return out;
}

std::string strip_tags(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t last = 0;
  for (const Tag& t : scan_tags(s)) {
    out.append(s.substr(last, t.begin - last));
    if (t.name == "br" || t.name == "li" || t.name == "p" || t.name == "div") out += ' ';
    last = t.end;
  }
  out.append(s.substr(last));
  return decode_entities(out);
}

}  // namespace listlint::html
