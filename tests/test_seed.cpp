// The example list our first user gave us: explicit facts, then the whole model as golden JSON.
// Regenerate the golden file after an intended change with LISTLINT_UPDATE_GOLDEN=1.
#include <doctest/doctest.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "listlint/model/model_json.h"
#include "support.h"

namespace {
const std::string kSeed = std::string(LISTLINT_SOURCE_DIR) + "/fixtures/seed/README.md";
const std::string kGolden = std::string(LISTLINT_SOURCE_DIR) + "/fixtures/seed/README.model.json";

listlint::ListModel seed_model() {
  return test::model_of(test::read_file(kSeed), "fixtures/seed/README.md");
}
}  // namespace

TEST_CASE("seed: five tables with 11, 5, 1, 7 and 1 rows") {
  const auto m = seed_model();
  std::vector<std::size_t> rows;
  for (const auto& t : m.tables) rows.push_back(t.rows.size());
  CHECK(rows == std::vector<std::size_t>{11, 5, 1, 7, 1});
  // The Video-LLM training set's row has no leading pipe and 5 cells under 5 columns.
  CHECK(m.tables[2].rows[0].source_cells == 5);
  CHECK_FALSE(m.tables[2].rows[0].leading_pipe);
  CHECK(m.tables[0].columns[3].numeric);
  CHECK(m.tables[0].rows[8].cells[3].number == doctest::Approx(1177600));
  // Training Recipe: 20 placeholder cells (3 columns x 7 rows, less the one Video-LLaMA fills).
  int placeholders = 0;
  for (const auto& r : m.tables[3].rows)
    for (const auto& c : r.cells) placeholders += c.text == "place_holder";
  CHECK(placeholders == 20);
}

TEST_CASE("seed: fifteen details cards with titles, years and targets") {
  const auto m = seed_model();
  REQUIRE(m.details.size() == 15);
  for (const auto& d : m.details) {
    CHECK(d.closed);
    CHECK(d.has_summary);
    CHECK_FALSE(d.title.empty());
    CHECK(d.year >= 2023);
    CHECK_FALSE(d.target.empty());
    CHECK(!d.links.empty());
  }
  CHECK(m.details[2].title == "CogVLM: Visual Expert for Pretrained Language Models");
  CHECK(m.details[2].year == 2023);
  CHECK(m.details[2].target == "CogVLM-SFT-311K");
  CHECK(m.details[8].title == "LLaVA-NeXT: Tackling Multi-image, Video, and 3D in Large Multimodal Models");
  CHECK(m.details[12].venue == "CoRR");
  CHECK(m.details[12].target == "VLFeedback");
  CHECK(m.details[14].target == "MMPR");
}

TEST_CASE("seed: headings and anchors as GitHub computes them") {
  const auto m = seed_model();
  std::vector<std::string> anchors;
  for (const auto& s : m.sections) anchors.push_back(s.anchor);
  CHECK(anchors == std::vector<std::string>{
                       "awesome-multimodal-large-language-models", "table-of-contents",
                       "\xC3\xB0\xC3\xBF-supervised-finetuning", "training-set",
                       "\xC3\xB0\xC3\xBF-preference-learning", "training-set-1",
                       "\xC3\xB0\xC3\xBF-video-llm", "training-set-2", "training-recipe",
                       "evaluation-dataset"});
  CHECK(m.title_text == "Awesome-Multimodal-Large-Language-Models");
  CHECK(m.description == "A curated list of Multimodal Large Language Models with SFT.");
  REQUIRE(m.toc);
  CHECK(m.toc->items.size() == 10);
  CHECK(m.toc->items[2].target == "-supervised-finetuning");  // does not resolve on GitHub
}

TEST_CASE("seed: the undefined [InternVid-10M] and every link's position") {
  const auto m = seed_model();
  int link_like = 0;
  for (const auto& u : m.undefined_refs) {
    if (!u.link_like) continue;
    ++link_like;
    CHECK(u.label == "InternVid-10M");
    CHECK(u.span.begin == listlint::SourcePos{186, 295});
  }
  CHECK(link_like == 1);
  const std::string text = test::read_file(kSeed);
  CHECK(m.links.size() == 110);
  for (const auto& l : m.links) {
    INFO(l.url);
    const std::string src = text.substr(l.span.bytes.begin, l.span.bytes.size());
    CHECK(src.front() == '[');
    CHECK(src.back() == ')');
    CHECK(text.substr(l.url_bytes.begin, l.url_bytes.size()) == l.url);
  }
}

TEST_CASE("seed: the whole model matches the golden JSON") {
  const nlohmann::json got = listlint::model_to_json(seed_model());
  if (std::getenv("LISTLINT_UPDATE_GOLDEN")) {
    test::write_file(kGolden, got.dump(1) + "\n");
    MESSAGE("golden file rewritten: " << kGolden);
  }
  const std::string golden = test::read_file(kGolden);
  REQUIRE_MESSAGE(!golden.empty(), "missing " << kGolden);
  const nlohmann::json want = nlohmann::json::parse(golden);
  if (got != want) {
    const auto diff = nlohmann::json::diff(want, got);
    FAIL("model differs from the golden file (first changes): " << diff.dump().substr(0, 2000));
  }
}
