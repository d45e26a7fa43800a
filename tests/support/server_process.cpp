#include "support/server_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace wa::test {

namespace {

std::string read_all(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

} // namespace

std::string virtuoso_test_dir() {
  const char* dir = std::getenv("WERKAGENDA_TEST_VIRTUOSO_DIR");
  return dir == nullptr ? "" : dir;
}

ServerProcess::ServerProcess(const std::vector<std::string>& extra) {
  static int counter = 0;
  const std::string stem =
      "/tmp/werkagenda-test-server-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
  log_path_ = stem + ".err";
  const std::string out_path = stem + ".out";
  std::vector<std::string> args = {WERKAGENDA_BINARY, "serve", "--host", host_, "--port", "0"};
  args.insert(args.end(), extra.begin(), extra.end());
  if (const std::string virtuoso = virtuoso_test_dir(); !virtuoso.empty()) {
    args.insert(args.end(), {"--store", "virtuoso", "--virtuoso-dir", virtuoso});
  }
  // Emptied here, before the fork: a file left by an earlier process with the
  // same pid would otherwise show that server's port until the child truncates it.
  const int out_fd = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  const int err_fd = ::open(log_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (out_fd < 0 || err_fd < 0) throw std::runtime_error("cannot create " + stem + ".{out,err}");
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    ::dup2(out_fd, STDOUT_FILENO);
    ::dup2(err_fd, STDERR_FILENO);
    std::vector<char*> argv;
    for (std::string& arg : args)
      argv.push_back(arg.data());
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(out_fd);
  ::close(err_fd);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  const std::string marker = "SPARQL endpoint: http://" + host_ + ":";
  while (std::chrono::steady_clock::now() < deadline) {
    std::string out = read_all(out_path);
    if (auto at = out.find(marker);
        at != std::string::npos && out.find('/', at + marker.size()) != std::string::npos) {
      port_ = std::stoi(out.substr(at + marker.size()));
      break;
    }
    if (::waitpid(pid_, nullptr, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("the server exited at start: " + read_all(log_path_));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  if (port_ == 0) throw std::runtime_error("the server did not start in time");
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) stop(5);
}

void ServerProcess::terminate() const {
  if (pid_ > 0) ::kill(pid_, SIGTERM);
}

int ServerProcess::wait_for_exit(int seconds) {
  if (pid_ <= 0) return -1;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  int status = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ::kill(pid_, SIGKILL);
  ::waitpid(pid_, nullptr, 0);
  pid_ = -1;
  return -1;
}

std::string ServerProcess::log() const { return read_all(log_path_); }

} // namespace wa::test
