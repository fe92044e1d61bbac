#pragma once

namespace lectern {

constexpr int kExitOk = 0;
constexpr int kExitPartialFailure = 1;  // some inputs were refused or failed
constexpr int kExitUsage = 2;           // the command line itself is wrong

}  // namespace lectern
