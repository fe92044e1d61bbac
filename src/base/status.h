// Status and Result<T>: how errors cross module boundaries.
//
// A Status is either ok or carries a code and a message a user can act on
// ("PATH: not a briefing transcript: REASON", "col 14: unclosed quote").
// Result<T> holds either a value or a non-ok Status. Neither throws.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace lectern {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidArgument,   // the caller's input is malformed (a query, an option)
    kNotFound,          // a path or id does not exist
    kNotABriefing,      // the input is readable but is not a briefing transcript
    kCorruption,        // stored data is damaged or truncated
    kIOError,           // the operating system refused a read or write
    kDeadlineExceeded,  // the work took longer than the caller allowed
  };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string msg) {
    return {Code::kInvalidArgument, std::move(msg)};
  }
  static Status NotFound(std::string msg) { return {Code::kNotFound, std::move(msg)}; }
  static Status NotABriefing(std::string msg) { return {Code::kNotABriefing, std::move(msg)}; }
  static Status Corruption(std::string msg) { return {Code::kCorruption, std::move(msg)}; }
  static Status IOError(std::string msg) { return {Code::kIOError, std::move(msg)}; }
  static Status DeadlineExceeded(std::string msg) {
    return {Code::kDeadlineExceeded, std::move(msg)};
  }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

  // The same status with `context` put in front of the message ("path: message").
  Status WithContext(const std::string& context) const {
    if (ok()) return *this;
    return Status(code_, context + ": " + message_);
  }

 private:
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}         // NOLINT(google-explicit-constructor)
  Result(Status status) : status_(std::move(status)) {  // NOLINT(google-explicit-constructor)
    assert(!status_.ok() && "a Result without a value needs an error status");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace lectern

// Returns the status of `expr` from the enclosing function when it is not ok.
#define LECTERN_RETURN_IF_ERROR(expr)   \
  do {                                  \
    ::lectern::Status status_ = (expr); \
    if (!status_.ok()) return status_;  \
  } while (0)
