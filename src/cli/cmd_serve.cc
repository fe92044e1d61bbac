// `lectern serve`: the web page and JSON API over an index (src/server/).
#include <pthread.h>
#include <signal.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>
#include <thread>

#include "cli/commands.h"
#include "cli/common.h"
#include "cli/exit_codes.h"
#include "server/http_server.h"
#include "server/index_holder.h"

namespace lectern {
namespace {

struct ServeArgs {
  std::string index = DefaultIndexDir();
  ServeOptions options;
};

int RunServe(const ServeArgs& args) {
  Result<std::unique_ptr<IndexHolder>> holder = IndexHolder::Open(args.index);
  if (!holder.ok()) {
    PrintError(holder.status());
    return kExitPartialFailure;
  }
  // SIGINT and SIGTERM are taken by one thread that stops the server, so
  // connections close and the process exits 0; every thread the server
  // starts inherits the blocked mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  HttpServer server(holder->get(), args.options);
  Status bound = server.Bind();
  if (!bound.ok()) {
    PrintError(bound);
    return kExitPartialFailure;
  }
  std::shared_ptr<const Index> index = (*holder)->Current();
  std::printf("lectern: serving %s (%llu briefings) at http://%s:%d/\n", args.index.c_str(),
              static_cast<unsigned long long>(index->live_briefings()), args.options.host.c_str(),
              server.port());
  std::fflush(stdout);
  std::thread([&server, stop_signals] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    server.Stop();
  }).detach();
  Status run = server.Run();
  if (!run.ok()) {
    PrintError(run);
    return kExitPartialFailure;
  }
  return kExitOk;
}

}  // namespace

CommandAction AddServeCommand(CLI::App& app) {
  auto args = std::make_shared<ServeArgs>();
  CLI::App* cmd = app.add_subcommand(
      "serve", "Serve the web page and JSON API over the index (read-only, loopback by default)");
  cmd->add_option("--index", args->index, "Index directory ($LECTERN_INDEX or ./lectern-index)")
      ->capture_default_str();
  cmd->add_option("--host", args->options.host,
                  "Address to listen on (0.0.0.0 exposes the server to the network)")
      ->capture_default_str();
  cmd->add_option("--port", args->options.port, "Port (0: any free port, printed)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  cmd->add_option("--max-connections", args->options.max_threads,
                  "Connections served at once (a thread each); more wait")
      ->check(CLI::Range(1, 16384))
      ->capture_default_str();
  cmd->add_flag("--log", args->options.log_requests, "Log each request on stderr");
  return [cmd, args]() -> int { return cmd->parsed() ? RunServe(*args) : -1; };
}

}  // namespace lectern
