// The messages between the HTTP process and a query worker: every field of a
// request survives the trip, and a truncated message is refused, not guessed.
#include "store/worker_protocol.hpp"

#include <gtest/gtest.h>

namespace wa::store {
namespace {

WorkRequest with_dataset() {
  return {"SELECT * { ?s ?p ?o }", "text/csv", 50,
          ProtocolDataset{{"http://e/a", "http://e/b"}, {"http://e/n"}}};
}

TEST(WorkerProtocol, ARequestKeepsEveryFieldOnTheWay) {
  const std::optional<WorkRequest> decoded = decode_request(encode(with_dataset()));
  ASSERT_TRUE(decoded);
  EXPECT_EQ(decoded->query, "SELECT * { ?s ?p ?o }");
  EXPECT_EQ(decoded->accept, "text/csv");
  EXPECT_EQ(decoded->row_limit, 50U);
  EXPECT_EQ(decoded->dataset.default_graphs, with_dataset().dataset.default_graphs);
  EXPECT_EQ(decoded->dataset.named_graphs, with_dataset().dataset.named_graphs);
}

TEST(WorkerProtocol, RequestsThatDifferOnlyInTheirDatasetAreEncodedApart) {
  WorkRequest other = with_dataset();
  other.dataset.named_graphs.clear();
  other.dataset.default_graphs.push_back("http://e/n");
  EXPECT_NE(encode(other), encode(with_dataset()));
}

TEST(WorkerProtocol, RefusesATruncatedRequest) {
  const std::string whole = encode(with_dataset());
  for (std::size_t size = 0; size < whole.size(); ++size)
    EXPECT_FALSE(decode_request(whole.substr(0, size))) << size;
}

} // namespace
} // namespace wa::store
