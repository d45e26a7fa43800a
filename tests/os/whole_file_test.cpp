// Reading a file at once: regular files by their size, pipes as streams.
#include "os/file_descriptor.hpp"
#include "os/whole_file.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <string>

namespace wa::os {
namespace {

const std::filesystem::path data = WERKAGENDA_TEST_DATA;

TEST(WholeFile, ReadsEveryByteOfARegularFile) {
  const std::filesystem::path file = data / "os/three-lines.txt";
  std::optional<std::string> bytes = read_whole_file(file);
  ASSERT_TRUE(bytes);
  EXPECT_EQ(bytes->size(), std::filesystem::file_size(file));
  EXPECT_TRUE(bytes->starts_with("first line\n"));
  EXPECT_TRUE(bytes->ends_with("no newline at its end"));
}

TEST(WholeFile, ReadsAPipeToItsEnd) {
  int ends[2];
  ASSERT_EQ(::pipe(ends), 0);
  FileDescriptor reading(ends[0]);
  {
    FileDescriptor writing(ends[1]);
    const std::string sent = "a query on standard input";
    ASSERT_EQ(::write(writing.get(), sent.data(), sent.size()), static_cast<ssize_t>(sent.size()));
  }
  EXPECT_EQ(read_whole_file("/proc/self/fd/" + std::to_string(reading.get())),
            "a query on standard input");
}

TEST(WholeFile, IsNothingForAMissingFileOrADirectory) {
  EXPECT_EQ(read_whole_file(data / "os/no-such-file"), std::nullopt);
  EXPECT_EQ(read_whole_file(data / "os"), std::nullopt);
}

} // namespace
} // namespace wa::os
