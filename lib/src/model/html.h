#pragma once
// A small scanner for the HTML tags that lists use (<details>, <summary>, <a>, <img>, <li>).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace listlint::html {

struct Attribute {
  std::string name;            // lowercase
  std::string value;           // raw (entities not decoded)
  std::size_t value_begin = 0;  // offset of the value in the scanned text
  std::size_t value_end = 0;
};

struct Tag {
  std::string name;  // lowercase; empty for comments
  bool closing = false;
  bool self_closing = false;
  bool comment = false;
  std::size_t begin = 0;  // offset of '<'
  std::size_t end = 0;    // offset just past '>'
  std::vector<Attribute> attributes;
  const Attribute* attr(std::string_view name) const;
};

/// Every tag and comment in `text`, in order. Text that is not a well-formed tag (a lone '<',
/// "<2min") is skipped.
std::vector<Tag> scan_tags(std::string_view text);

/// Decodes character references (&amp; &nbsp; &#233; &#x1F600; and common named ones).
std::string decode_entities(std::string_view text);

/// Text content of an HTML fragment: tags and comments dropped, entities decoded.
std::string strip_tags(std::string_view text);

}  // namespace listlint::html
