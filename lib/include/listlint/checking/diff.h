#pragma once
// A unified diff of two texts, line by line (what `check --fix --diff` prints).

#include <string>
#include <string_view>

namespace listlint {

/// The unified diff (`diff -u`, 3 lines of context) that turns `before` into `after`, with the
/// headers `--- a/PATH` and `+++ b/PATH`; "" when the texts are equal. Lines are found by Myers's
/// algorithm (a shortest edit script); past `max_edits` line edits the differing middle is shown as
/// one hunk of removals and additions, which is still a correct patch.
std::string unified_diff(std::string_view path, std::string_view before, std::string_view after,
                         std::size_t max_edits = 4000);

}  // namespace listlint
