// The 20 words and phrases of the analysis benchmark (analysis_bench.cc),
// drawn from the shared corpus: English and Chinese, rare and frequent.
// kwic_driver.cc profiles the same ones.
#pragma once

namespace lectern_bench {

inline constexpr const char* kPhrases[] = {"sovereignty",
                                           "Cold War mentality",
                                           "Hong Kong",
                                           "trade war",
                                           "Huawei",
                                           "Taiwan",
                                           "multilateralism",
                                           "internal affairs",
                                           "Belt and Road",
                                           "South China Sea",
                                           "terrorism",
                                           "Iran",
                                           "economy",
                                           "health care",
                                           "win-win",
                                           "Afghanistan",
                                           "主权",
                                           "台湾",
                                           "一带一路",
                                           "美方"};

}  // namespace lectern_bench
