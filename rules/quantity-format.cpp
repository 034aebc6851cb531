// quantity-format: a numeric column whose cells mix formats.

#include <cmath>
#include <cstdio>
#include <map>
#include <string>

#include "listlint/checking/rule.h"
#include "util.h"

namespace listlint::rules {
namespace {

char suffix_of(const std::string& text) {
  for (auto it = text.rbegin(); it != text.rend(); ++it) {
    const char c = *it;
    if (c == '+' || c == ' ') continue;
    return (c >= '0' && c <= '9') ? 0 : c;
  }
  return 0;
}

// The value written with the column's conventions: k or K as the column writes it, at most two
// decimals, trailing zeros dropped.
std::string format(double v, char k) {
  const char* units[] = {"", "k", "M", "B", "T"};
  int u = 0;
  while (std::fabs(v) >= 1000 && u < 4) {
    v /= 1000;
    ++u;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  std::string s = buf;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  std::string unit = units[u];
  if (unit == "k" && k == 'K') unit = "K";
  return s + unit;
}

/// Flags cells of a numeric column written unlike the others: k beside K, a unit overflowing into
/// the next (1177.6K beside 1.6M), plain digits beside suffixed values.
class QuantityFormat final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{"quantity-format",
                                "A numeric table column mixes formats (150k beside 1177.6K beside 1.2M).",
                                {"tables", "format"},
                                Severity::Warning,
                                false,
                                {}};
    return kInfo;
  }

  void check(const RuleContext& ctx, Reporter& out) const override {
    for (const Table& t : ctx.model.tables) {
      for (std::size_t c = 0; c < t.columns.size(); ++c) {
        if (!t.columns[c].numeric) continue;
        std::map<char, int> suffixes;
        int with_suffix = 0, plain_big = 0, numbers = 0;
        for (const Row& r : t.rows) {
          const Cell& cell = r.cells[c];
          if (!cell.number) continue;
          ++numbers;
          const char s = suffix_of(cell.text);
          if (s) {
            ++suffixes[s];
            ++with_suffix;
          } else if (*cell.number >= 10000) {
            ++plain_big;
          }
        }
        if (with_suffix == 0 || numbers < 3) continue;  // years, sizes in plain digits: nothing mixed
        const char k = suffixes['K'] > suffixes['k'] ? 'K' : 'k';
        std::string examples;
        int shown = 0;
        for (const Row& r : t.rows) {
          const Cell& cell = r.cells[c];
          if (!cell.number || shown >= 2) continue;
          const char s = suffix_of(cell.text);
          if (s && s != (k == 'K' ? 'k' : 'K') && format(*cell.number, k) == cell.text) {
            examples += (examples.empty() ? "" : ", ") + cell.text;
            ++shown;
          }
        }
        for (const Row& r : t.rows) {
          const Cell& cell = r.cells[c];
          if (!cell.number) continue;
          const char s = suffix_of(cell.text);
          std::string why;
          if ((s == 'k' || s == 'K') && s != k && suffixes[k] > 0)
            why = std::string("writes ") + s + " where the column writes " + k;
          else if (s && std::fabs(*cell.number) >= 1000 * (s == 'k' || s == 'K' ? 1e3 : s == 'M' ? 1e6 : 1e9))
            why = "overflows its unit";
          else if (!s && *cell.number >= 10000 && with_suffix > plain_big)
            why = "is in plain digits where the column uses k, M and B";
          if (why.empty()) continue;
          out.report(cell.span, "Quantity " + util::quote(cell.text) + " " + why + (examples.empty() ? "" : " (" + examples + ")") +
                                    ": write " + format(*cell.number, k));
        }
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_quantity_format() { return std::make_unique<QuantityFormat>(); }

}  // namespace listlint::rules
