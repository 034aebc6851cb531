#include "listlint/checking/diff.h"

#include <algorithm>
#include <vector>

namespace listlint {
namespace {

// Lines with their line breaks; a last line without one is kept as it is.
std::vector<std::string_view> lines_of(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t b = 0;
  while (b < s.size()) {
    const std::size_t e = s.find('\n', b);
    const std::size_t end = e == std::string_view::npos ? s.size() : e + 1;
    out.push_back(s.substr(b, end - b));
    b = end;
  }
  return out;
}

enum class Op { Same, Del, Add };

// Myers's O((N+M)D) shortest edit script over a[lo_a, hi_a) and b[lo_b, hi_b); false when it
// needs more than `max_d` edits.
bool myers(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b, std::size_t max_d,
           std::vector<Op>& ops) {
  const long n = static_cast<long>(a.size()), m = static_cast<long>(b.size());
  const long limit = std::min<long>(n + m, static_cast<long>(max_d));
  const long off = limit + 1;
  std::vector<long> v(static_cast<std::size_t>(2 * off + 1), 0);
  std::vector<std::vector<long>> trace;  // v's window [-d, d] before step d
  long found = -1;
  for (long d = 0; d <= limit && found < 0; ++d) {
    trace.emplace_back(v.begin() + (off - d), v.begin() + (off + d + 1));
    for (long k = -d; k <= d; k += 2) {
      long x = (k == -d || (k != d && v[static_cast<std::size_t>(off + k - 1)] < v[static_cast<std::size_t>(off + k + 1)]))
                   ? v[static_cast<std::size_t>(off + k + 1)]
                   : v[static_cast<std::size_t>(off + k - 1)] + 1;
      long y = x - k;
      while (x < n && y < m && a[static_cast<std::size_t>(x)] == b[static_cast<std::size_t>(y)]) ++x, ++y;
      v[static_cast<std::size_t>(off + k)] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return false;
  // Back from (n, m): each step d came from diagonal k+1 (an addition) or k-1 (a removal).
  std::vector<Op> rev;
  long x = n, y = m;
  for (long d = found; d > 0; --d) {
    const std::vector<long>& w = trace[static_cast<std::size_t>(d)];  // v before step d, window [-d, d]
    auto at = [&](long k) { return w[static_cast<std::size_t>(k + d)]; };
    const long k = x - y;
    const long pk = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1;
    const long px = at(pk), py = px - pk;
    while (x > px && y > py) {
      rev.push_back(Op::Same);
      --x, --y;
    }
    rev.push_back(x == px ? Op::Add : Op::Del);
    x = px, y = py;
  }
  while (x > 0 && y > 0) {
    rev.push_back(Op::Same);
    --x, --y;
  }
  ops.assign(rev.rbegin(), rev.rend());
  return true;
}

void append_line(std::string& out, char mark, std::string_view line) {
  out += mark;
  out.append(line);
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

}  // namespace

std::string unified_diff(std::string_view path, std::string_view before, std::string_view after, std::size_t max_edits) {
  if (before == after) return "";
  const auto a = lines_of(before), b = lines_of(after);
  // Common first and last lines are kept out of the search.
  std::size_t pre = 0;
  while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) ++pre;
  std::size_t suf = 0;
  while (suf < a.size() - pre && suf < b.size() - pre && a[a.size() - 1 - suf] == b[b.size() - 1 - suf]) ++suf;
  const std::vector<std::string_view> am(a.begin() + static_cast<long>(pre), a.end() - static_cast<long>(suf));
  const std::vector<std::string_view> bm(b.begin() + static_cast<long>(pre), b.end() - static_cast<long>(suf));
  std::vector<Op> mid;
  if (!myers(am, bm, max_edits, mid)) {
    mid.assign(am.size(), Op::Del);
    mid.insert(mid.end(), bm.size(), Op::Add);
  }
  std::vector<Op> ops(pre, Op::Same);
  ops.insert(ops.end(), mid.begin(), mid.end());
  ops.insert(ops.end(), suf, Op::Same);
  // Hunks: changes with up to 3 lines of context, merged when their contexts touch.
  constexpr std::size_t kContext = 3;
  std::string out = "--- a/" + std::string(path) + "\n+++ b/" + std::string(path) + "\n";
  std::vector<std::size_t> ai(ops.size() + 1), bi(ops.size() + 1);  // line numbers before each op
  for (std::size_t i = 0; i < ops.size(); ++i) {
    ai[i + 1] = ai[i] + (ops[i] != Op::Add);
    bi[i + 1] = bi[i] + (ops[i] != Op::Del);
  }
  std::size_t i = 0;
  while (i < ops.size()) {
    if (ops[i] == Op::Same) {
      ++i;
      continue;
    }
    std::size_t start = i >= kContext ? i - kContext : 0;
    while (start < i && ops[start] != Op::Same) ++start;
    std::size_t end = i;  // one past the last change of the hunk
    for (std::size_t j = i; j < ops.size(); ++j) {
      if (ops[j] != Op::Same) end = j + 1;
      else if (j - end >= 2 * kContext) break;
    }
    const std::size_t stop = std::min(ops.size(), end + kContext);
    const std::size_t a_len = ai[stop] - ai[start], b_len = bi[stop] - bi[start];
    out += "@@ -" + std::to_string(a_len ? ai[start] + 1 : ai[start]) + "," + std::to_string(a_len) + " +" +
           std::to_string(b_len ? bi[start] + 1 : bi[start]) + "," + std::to_string(b_len) + " @@\n";
    for (std::size_t j = start; j < stop; ++j) {
      if (ops[j] == Op::Same) append_line(out, ' ', a[ai[j]]);
      else if (ops[j] == Op::Del) append_line(out, '-', a[ai[j]]);
      else append_line(out, '+', b[bi[j]]);
    }
    i = stop;
  }
  return out;
}

}  // namespace listlint
